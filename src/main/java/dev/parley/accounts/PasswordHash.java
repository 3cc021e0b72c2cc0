package dev.parley.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Slow salted password hashes (PROTOCOL.md section 12, "keeping passwords"): Argon2id from Bouncy
 * Castle, with OWASP's parameters (19 MiB of memory, 2 passes, one lane; about 50 ms on one core),
 * encoded as a PHC string {@code $argon2id$v=19$m=19456,t=2,p=1$SALT$HASH} (16 bytes of salt, 32 of
 * hash, base64 without padding). Only such a string is ever stored, never a password.
 *
 * <p>Every method is slow on purpose: call it on a worker thread, never on an event loop. Stateless
 * and thread-safe.
 */
public final class PasswordHash {
  private static final int MEMORY_KIB = 19_456;
  private static final int ITERATIONS = 2;
  private static final int LANES = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final String PREFIX = "$argon2id$v=19$";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getDecoder();

  /**
   * A hash to check a password against when there is no account to check it against, so that a
   * refusal costs as much as a check.
   */
  private static final String NOBODY = hash("parley: a password nobody has");

  private PasswordHash() {}

  /**
   * Hashes a password with a new random salt.
   *
   * @param password the password, any text
   * @return the PHC string to store
   */
  public static String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return encode(
        MEMORY_KIB, ITERATIONS, LANES, salt, derive(password, salt, MEMORY_KIB, ITERATIONS, LANES));
  }

  /**
   * Checks a password against a stored hash, in constant time once derived. A stored hash that is
   * empty (an account made from a signed token has no password) or not one of these strings never
   * matches, and costs a derivation all the same.
   *
   * @param password the password given
   * @param stored the PHC string stored for the account
   * @return whether it is the account's password
   */
  public static boolean matches(String password, String stored) {
    Parsed parsed = parse(stored);
    if (parsed == null) {
      matches(password, NOBODY);
      return false;
    }
    byte[] derived = derive(password, parsed.salt, parsed.memory, parsed.iterations, parsed.lanes);
    return MessageDigest.isEqual(derived, parsed.hash);
  }

  /**
   * Whether a string is a hash as {@link #hash} makes them (Argon2id in a PHC string, with
   * parameters in the bounds a check accepts, at least 8 bytes of salt and 32 of hash), so that a
   * request that carries a hash can refuse anything else, a password by mistake included. Fast:
   * nothing is derived.
   *
   * @param text any text, or {@code null}
   * @return whether it is such a hash
   */
  public static boolean isHash(String text) {
    Parsed parsed = parse(text);
    return parsed != null && parsed.salt.length >= 8 && parsed.hash.length == HASH_BYTES;
  }

  /** What a stored string holds. */
  private record Parsed(int memory, int iterations, int lanes, byte[] salt, byte[] hash) {}

  private static Parsed parse(String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return null;
    }
    String[] parts = stored.substring(PREFIX.length()).split("\\$");
    if (parts.length != 3) {
      return null;
    }
    int memory = 0;
    int iterations = 0;
    int lanes = 0;
    for (String field : parts[0].split(",")) {
      String[] kv = field.split("=", 2);
      if (kv.length != 2
          || kv[1].isEmpty()
          || kv[1].length() > 9
          || !kv[1].chars().allMatch(Character::isDigit)) {
        return null;
      }
      int value = Integer.parseInt(kv[1]);
      switch (kv[0]) {
        case "m" -> memory = value;
        case "t" -> iterations = value;
        case "p" -> lanes = value;
        default -> {
          return null;
        }
      }
    }
    // Bounds, so that a stored string cannot make a check take minutes or gigabytes.
    if (memory < 8
        || memory > 1 << 20
        || iterations < 1
        || iterations > 16
        || lanes < 1
        || lanes > 8) {
      return null;
    }
    try {
      return new Parsed(memory, iterations, lanes, B64D.decode(parts[1]), B64D.decode(parts[2]));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static byte[] derive(
      String password, byte[] salt, int memory, int iterations, int lanes) {
    Argon2Parameters parameters =
        new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
            .withVersion(Argon2Parameters.ARGON2_VERSION_13)
            .withMemoryAsKB(memory)
            .withIterations(iterations)
            .withParallelism(lanes)
            .withSalt(salt)
            .build();
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(parameters);
    byte[] out = new byte[HASH_BYTES];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }

  private static String encode(int memory, int iterations, int lanes, byte[] salt, byte[] hash) {
    return PREFIX
        + "m="
        + memory
        + ",t="
        + iterations
        + ",p="
        + lanes
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(hash);
  }
}
