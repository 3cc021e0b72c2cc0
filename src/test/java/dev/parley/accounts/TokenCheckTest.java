package dev.parley.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.ParleyConfig;
import dev.parley.test.Jwts;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TokenCheck} on its own: the key kinds the sockets' test does not cover (ES256 with a PEM
 * file and with a JSON Web Key Set), and key files that cannot be used, which stop the start with
 * one line naming the setting and the file.
 */
@ExtendWith(VertxExtension.class)
class TokenCheckTest {
  private static final String ISSUER = "https://app.example.com";
  private static final String AUDIENCE = "parley";

  @TempDir Path dir;

  private static ParleyConfig.Jwt settings(String algorithm, String pem, String jwks) {
    return new ParleyConfig.Jwt(algorithm, "", pem, jwks, ISSUER, AUDIENCE);
  }

  private static String refusal(TokenCheck check, String token) {
    return assertThrows(TokenCheck.TokenException.class, () -> check.account(token).await())
        .getMessage();
  }

  private static String startFailure(Vertx vertx, ParleyConfig.Jwt settings) {
    return assertThrows(
            IllegalStateException.class, () -> TokenCheck.create(vertx, settings).await())
        .getMessage();
  }

  @Test
  void es256WithAPemPublicKey(Vertx vertx) {
    KeyPair key = Jwts.ec();
    Path pem = Jwts.pemFile(dir.resolve("ec.pem"), key.getPublic());
    TokenCheck check = TokenCheck.create(vertx, settings("ES256", pem.toString(), "")).await();
    JsonObject claims = Jwts.claims("alice", ISSUER, AUDIENCE);
    assertEquals("alice", check.account(Jwts.signed("ES256", key.getPrivate(), claims)).await());
    assertEquals(
        "the signature does not verify",
        refusal(check, Jwts.signed("ES256", Jwts.ec().getPrivate(), claims)));
    assertEquals(
        "not signed with ES256",
        refusal(check, Jwts.signed("RS256", Jwts.rsa().getPrivate(), claims)));
  }

  @Test
  void es256WithAJsonWebKeySetWhoseKeyHasNoAlg(Vertx vertx) {
    KeyPair key = Jwts.ec();
    Path jwks = Jwts.jwksFile(dir.resolve("jwks.json"), (ECPublicKey) key.getPublic(), "app-1");
    TokenCheck check = TokenCheck.create(vertx, settings("ES256", "", jwks.toString())).await();
    JsonObject claims = Jwts.claims("Bob", ISSUER, AUDIENCE);
    assertEquals("Bob", check.account(Jwts.signed("ES256", key.getPrivate(), claims)).await());
    assertEquals(
        "the signature does not verify",
        refusal(check, Jwts.signed("ES256", Jwts.ec().getPrivate(), claims)));
  }

  @Test
  void hs256WithASecretChecksEveryClaim(Vertx vertx) {
    String secret = "0123456789abcdef0123456789abcdef";
    TokenCheck check =
        TokenCheck.create(vertx, new ParleyConfig.Jwt("HS256", secret, "", "", ISSUER, AUDIENCE))
            .await();
    JsonObject good = Jwts.claims("carol", ISSUER, AUDIENCE);
    assertEquals("carol", check.account(Jwts.hmac("HS256", secret, good)).await());
    assertEquals(
        "expired",
        refusal(check, Jwts.hmac("HS256", secret, good.copy().put("exp", Jwts.epochSeconds(0)))));
    assertEquals(
        "the exp claim is not a number",
        refusal(check, Jwts.hmac("HS256", secret, good.copy().put("exp", "tomorrow"))));
    assertEquals(
        "wrong audience",
        refusal(check, Jwts.hmac("HS256", secret, good.copy().put("aud", new JsonArray()))));
    assertEquals(
        "not signed with HS256",
        refusal(
            check,
            Jwts.hmac(new JsonObject().put("alg", "HS256 ").put("typ", "JWT"), secret, good)));
    assertEquals("not a token", refusal(check, "x".repeat(TokenCheck.MAX_TOKEN_CHARS + 1)));
    // A token whose alg is "none" but which carries a signature part all the same.
    String unsigned = Jwts.unsigned(good);
    assertEquals("not a signed token", refusal(check, unsigned));
    assertEquals("not signed with HS256", refusal(check, unsigned + "AAAA"));
    assertEquals(
        "not a token",
        refusal(
            check,
            Base64.getUrlEncoder().withoutPadding().encodeToString("{".getBytes()) + ".e30.AAAA"));
  }

  @Test
  void keyFilesThatCannotBeUsedStopTheStartWithOneLine(Vertx vertx) throws Exception {
    Path missing = dir.resolve("missing.pem");
    String message = startFailure(vertx, settings("RS256", missing.toString(), ""));
    assertTrue(
        message.startsWith("cannot read " + missing + " (accounts.jwt.publicKeyPath): "), message);

    Path privateKey =
        Files.writeString(
            dir.resolve("private.pem"),
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertEquals(
        "cannot use "
            + privateKey
            + " (accounts.jwt.publicKeyPath): expected a PEM public key (BEGIN PUBLIC KEY, X.509"
            + " SubjectPublicKeyInfo) or certificate",
        startFailure(vertx, settings("RS256", privateKey.toString(), "")));

    Path garbled =
        Files.writeString(
            dir.resolve("garbled.pem"),
            "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
    message = startFailure(vertx, settings("RS256", garbled.toString(), ""));
    assertTrue(
        message.startsWith("cannot use " + garbled + " (accounts.jwt.publicKeyPath) for RS256"),
        message);

    Path rsaOnly =
        Files.writeString(
            dir.resolve("rsa.json"),
            "{\"keys\": [{\"kty\": \"RSA\", \"alg\": \"RS256\", \"n\": \"AQAB\", \"e\": \"AQAB\"}]}");
    assertEquals(
        "cannot use " + rsaOnly + " (accounts.jwt.jwksPath): it holds no signing key for ES256",
        startFailure(vertx, settings("ES256", "", rsaOnly.toString())));

    Path notJson = Files.writeString(dir.resolve("keys.json"), "{\"keys\": 3}");
    message = startFailure(vertx, settings("ES256", "", notJson.toString()));
    assertTrue(message.startsWith("cannot use " + notJson + " (accounts.jwt.jwksPath): "), message);
  }
}
