package dev.parley.store;

import dev.parley.protocol.NameKey;
import java.util.Objects;

/**
 * An account (PROTOCOL.md section 12) as the store keeps it. The store never sees a password in
 * clear, only its slow salted hash. Immutable and thread-safe; {@link #toString()} leaves the hash
 * out, so that an account may be logged.
 *
 * @param key the name's collision key, {@link #key(String)}: two names that collide are one account
 * @param name the name as registered, in NFC
 * @param passwordHash the password's slow hash, encoded as its library writes it (algorithm,
 *     parameters, salt and hash in one string), or empty for an account made from a signed token,
 *     which has no password
 * @param createdMillis when it was made, milliseconds since the Unix epoch
 */
public record Account(String key, String name, String passwordHash, long createdMillis) {
  /** Checks that nothing is null. */
  public Account {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(passwordHash, "passwordHash");
  }

  /**
   * A new account, its key computed from its name.
   *
   * @param name a valid name in NFC
   * @param passwordHash the encoded hash, or empty for none
   * @param createdMillis milliseconds since the Unix epoch
   * @return the account
   */
  public static Account of(String name, String passwordHash, long createdMillis) {
    return new Account(key(name), name, passwordHash, createdMillis);
  }

  /**
   * The key of a name: the confusable skeleton of its NFKC case fold ({@link
   * NameKey#foldedSkeleton()}), the one key under which the name registry takes names, so that
   * {@code Alice}, {@code ａｌｉｃｅ} and {@code alice} are one account. The key is computed when an
   * account is written and stored with it.
   *
   * @param name a valid name in NFC
   * @return its key
   */
  public static String key(String name) {
    return NameKey.of(name).foldedSkeleton();
  }

  /**
   * Whether the account has a password (it was registered, not made from a token).
   *
   * @return true when {@code passwordHash} is not empty
   */
  public boolean hasPassword() {
    return !passwordHash.isEmpty();
  }

  /** The account without its hash. */
  @Override
  public String toString() {
    return "Account[key=" + key + ", name=" + name + ", createdMillis=" + createdMillis + "]";
  }
}
