package dev.parley.test;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens for tests, made with the JDK's own crypto (independently of the library Parley
 * verifies with): compact JWS {@code header.claims.signature}, and the key files Parley reads.
 */
public final class Jwts {
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private Jwts() {}

  /** Seconds since the Unix epoch, {@code offset} from now. */
  public static long epochSeconds(long offset) {
    return System.currentTimeMillis() / 1000 + offset;
  }

  /**
   * The claims Parley wants: {@code name}, {@code iss}, {@code aud} and an {@code exp} 5 min on.
   */
  public static JsonObject claims(String name, String issuer, String audience) {
    return new JsonObject()
        .put("name", name)
        .put("iss", issuer)
        .put("aud", audience)
        .put("exp", epochSeconds(300));
  }

  /** A token signed with HMAC: {@code alg} HS256, HS384 or HS512. */
  public static String hmac(String alg, String secret, JsonObject claims) {
    return hmac(new JsonObject().put("alg", alg).put("typ", "JWT"), secret, claims);
  }

  /**
   * A token with the given header, signed with the HMAC its {@code alg} names (spaces around it
   * ignored, so that a test can send a misspelt {@code alg} with a right signature).
   */
  public static String hmac(JsonObject header, String secret, JsonObject claims) {
    String input = input(header, claims);
    String mac = "HmacSHA" + header.getString("alg").strip().substring(2);
    try {
      Mac hmac = Mac.getInstance(mac);
      hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), mac));
      return input + "." + B64URL.encodeToString(hmac.doFinal(bytes(input)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token: {@code alg: none} and an empty signature part. */
  public static String unsigned(JsonObject claims) {
    return input(new JsonObject().put("alg", "none").put("typ", "JWT"), claims) + ".";
  }

  /** A token signed with RSA (RS256) or ECDSA (ES256, its signature as R || S). */
  public static String signed(String alg, PrivateKey key, JsonObject claims) {
    String input = input(new JsonObject().put("alg", alg).put("typ", "JWT"), claims);
    String jca =
        switch (alg) {
          case "RS256" -> "SHA256withRSA";
          case "ES256" -> "SHA256withECDSAinP1363Format";
          default -> throw new IllegalArgumentException(alg);
        };
    try {
      Signature signature = Signature.getInstance(jca);
      signature.initSign(key);
      signature.update(bytes(input));
      return input + "." + B64URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A new RSA key pair of 2048 bits. */
  public static KeyPair rsa() {
    return keyPair("RSA", null);
  }

  /** A new EC key pair on P-256. */
  public static KeyPair ec() {
    return keyPair("EC", "secp256r1");
  }

  private static KeyPair keyPair(String kind, String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(kind);
      if (curve != null) {
        generator.initialize(new ECGenParameterSpec(curve));
      } else {
        generator.initialize(2048);
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A public key as a PEM file ({@code BEGIN PUBLIC KEY}, X.509 SubjectPublicKeyInfo). */
  public static Path pemFile(Path file, PublicKey key) {
    return write(file, pem(key));
  }

  /** The PEM text of a public key. */
  public static String pem(Key key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** A JSON Web Key Set file with one P-256 public key ({@code kty} EC), without {@code alg}. */
  public static Path jwksFile(Path file, ECPublicKey key, String kid) {
    JsonObject jwk =
        new JsonObject()
            .put("kty", "EC")
            .put("crv", "P-256")
            .put("kid", kid)
            .put("use", "sig")
            .put("x", B64URL.encodeToString(unsigned32(key.getW().getAffineX())))
            .put("y", B64URL.encodeToString(unsigned32(key.getW().getAffineY())));
    return write(
        file, new JsonObject().put("keys", new io.vertx.core.json.JsonArray().add(jwk)).encode());
  }

  /** A coordinate as 32 bytes, big-endian, unsigned. */
  private static byte[] unsigned32(BigInteger value) {
    byte[] bytes = value.toByteArray();
    byte[] out = new byte[32];
    int copy = Math.min(32, bytes.length);
    System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
    return out;
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String input(JsonObject header, JsonObject claims) {
    return B64URL.encodeToString(bytes(header.encode()))
        + "."
        + B64URL.encodeToString(bytes(claims.encode()));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
