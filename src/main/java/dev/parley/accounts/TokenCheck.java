package dev.parley.accounts;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Checks the signed tokens (JWS compact JWTs) that log a WebSocket in (PROTOCOL.md section 12,
 * "tokens"), with the key and the claims of {@code accounts.jwt.*}. A token is taken only when all
 * of these hold:
 *
 * <ul>
 *   <li>it is three base64url parts whose header names exactly the configured {@code algorithm}
 *       ({@code alg: none} and every other algorithm are refused, so that a key of one kind is
 *       never used as another's);
 *   <li>its signature verifies with the configured key: the shared {@code secret} (HS256, HS384,
 *       HS512), the PEM public key file {@code publicKeyPath} (RS*, ES*), or the keys of the JSON
 *       Web Key Set file {@code jwksPath} that are for that algorithm (those without {@code alg}
 *       are taken as for it);
 *   <li>it has an {@code exp} claim, a number of seconds since the Unix epoch, that has not passed
 *       (and {@code nbf} and {@code iat}, when given, have come);
 *   <li>its {@code iss} is {@code issuer}, and its {@code aud} is {@code audience} or a list that
 *       holds it;
 *   <li>its {@code name} claim is a valid Parley name (PROTOCOL.md section 5) and not a guest name.
 * </ul>
 *
 * Verification uses vertx-auth-jwt; the claims are also checked here, before it, so that a refusal
 * has a short reason. No leeway is given for clocks that disagree.
 *
 * <p>Threads: {@link #create} reads the key file through Vert.x's asynchronous file system, never
 * blocking an event loop. {@link #account} is quick (one HMAC or one public-key verification, well
 * under a millisecond) and is meant to be called on an event loop; an instance is confined to the
 * context that uses it (each listener instance makes its own). Neither a token nor a secret is ever
 * logged or put in a failure's message.
 */
public final class TokenCheck {
  /** The longest token taken, in characters (a handshake's headers are at most 8 KiB anyway). */
  public static final int MAX_TOKEN_CHARS = 8192;

  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

  private final String algorithm;
  private final String issuer;
  private final String audience;
  private final JWTAuth verifier;

  private TokenCheck(ParleyConfig.Jwt settings, JWTAuth verifier) {
    this.algorithm = settings.algorithm();
    this.issuer = settings.issuer();
    this.audience = settings.audience();
    this.verifier = verifier;
  }

  /**
   * Makes the check from the settings, reading the key file when one is configured.
   *
   * @param vertx the Vert.x whose file system reads the key file
   * @param settings {@code accounts.jwt.*}, {@linkplain ParleyConfig.Jwt#enabled() enabled} and
   *     validated (ConfigChecks)
   * @return the check; fails with a one-line message naming the setting and the file when the key
   *     file cannot be read or holds no usable key
   */
  public static Future<TokenCheck> create(Vertx vertx, ParleyConfig.Jwt settings) {
    JWTOptions claims =
        new JWTOptions()
            .setAlgorithm(settings.algorithm())
            .setIssuer(settings.issuer())
            .setAudience(List.of(settings.audience()))
            .setLeeway(0);
    JWTAuthOptions options = new JWTAuthOptions().setJWTOptions(claims);
    if (!settings.secret().isEmpty()) {
      options.addPubSecKey(
          new PubSecKeyOptions()
              .setAlgorithm(settings.algorithm())
              .setBuffer(Buffer.buffer(settings.secret().getBytes(StandardCharsets.UTF_8))));
      return build(vertx, settings, options, "accounts.jwt.secret", "the secret");
    }
    boolean pem = !settings.publicKeyPath().isEmpty();
    String setting = pem ? "accounts.jwt.publicKeyPath" : "accounts.jwt.jwksPath";
    String path = pem ? settings.publicKeyPath() : settings.jwksPath();
    return vertx
        .fileSystem()
        .readFile(path)
        .recover(
            failure ->
                Future.failedFuture(
                    new IllegalStateException(
                        "cannot read " + path + " (" + setting + "): " + oneLine(failure))))
        .compose(
            bytes -> {
              try {
                if (pem) {
                  options.addPubSecKey(
                      new PubSecKeyOptions()
                          .setAlgorithm(settings.algorithm())
                          .setBuffer(publicKeyPem(bytes.toString(StandardCharsets.US_ASCII))));
                } else {
                  addKeys(options, new JsonObject(bytes), settings.algorithm());
                }
              } catch (RuntimeException e) {
                return Future.failedFuture(
                    new IllegalStateException(
                        "cannot use " + path + " (" + setting + "): " + oneLine(e)));
              }
              return build(vertx, settings, options, setting, path);
            });
  }

  /**
   * Builds the verifier, which parses the key. A failure's message names the setting and, for a
   * file, the library's reason; never the secret.
   */
  private static Future<TokenCheck> build(
      Vertx vertx, ParleyConfig.Jwt settings, JWTAuthOptions options, String setting, String what) {
    try {
      return Future.succeededFuture(new TokenCheck(settings, JWTAuth.create(vertx, options)));
    } catch (RuntimeException e) {
      String reason = setting.equals("accounts.jwt.secret") ? "" : ": " + oneLine(e);
      return Future.failedFuture(
          new IllegalStateException(
              "cannot use " + what + " (" + setting + ") for " + settings.algorithm() + reason));
    }
  }

  /**
   * The PEM block of a public key file, from its {@code -----BEGIN} line on (text before it, such
   * as a comment, is skipped).
   *
   * @throws IllegalArgumentException when it holds no public key or certificate
   */
  private static String publicKeyPem(String text) {
    int begin = text.indexOf("-----BEGIN ");
    if (begin < 0) {
      throw new IllegalArgumentException("it is not a PEM file");
    }
    String pem = text.substring(begin);
    if (!pem.startsWith("-----BEGIN PUBLIC KEY-----")
        && !pem.startsWith("-----BEGIN CERTIFICATE-----")) {
      throw new IllegalArgumentException(
          "expected a PEM public key (BEGIN PUBLIC KEY, X.509 SubjectPublicKeyInfo) or"
              + " certificate");
    }
    return pem;
  }

  /** The keys of a JWKS file that are for {@code algorithm}; a key without {@code alg} is taken. */
  private static void addKeys(JWTAuthOptions options, JsonObject jwks, String algorithm) {
    JsonArray keys = jwks.getJsonArray("keys");
    if (keys == null) {
      throw new IllegalArgumentException("a JSON Web Key Set has a \"keys\" list");
    }
    int taken = 0;
    for (Object item : keys) {
      if (!(item instanceof JsonObject key)) {
        continue;
      }
      String alg = key.getString("alg", algorithm);
      String use = key.getString("use", "sig");
      if (alg.equals(algorithm) && use.equals("sig")) {
        options.addJwk(key.copy().put("alg", algorithm));
        taken++;
      }
    }
    if (taken == 0) {
      throw new IllegalArgumentException("it holds no signing key for " + algorithm);
    }
  }

  /**
   * Checks a token.
   *
   * @param token the token as the handshake carried it
   * @return the name its {@code name} claim gives, in NFC; fails with a {@link TokenException}
   *     whose message is a short reason (never the token) when the token is not taken
   */
  public Future<String> account(String token) {
    String name;
    try {
      name = claimedName(token);
    } catch (TokenException e) {
      return Future.failedFuture(e);
    }
    Future<?> verified;
    try {
      verified = verifier.authenticate(new TokenCredentials(token));
    } catch (RuntimeException e) {
      verified = Future.failedFuture(e);
    }
    return verified.transform(
        ar ->
            ar.succeeded()
                ? Future.succeededFuture(name)
                : Future.failedFuture(new TokenException("the signature does not verify")));
  }

  /** The checks before the signature's: the form, the algorithm and the claims. */
  private String claimedName(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      throw new TokenException("not a token");
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3 || parts[2].isEmpty()) {
      throw new TokenException("not a signed token");
    }
    JsonObject header = part(parts[0]);
    JsonObject claims = part(parts[1]);
    if (!algorithm.equals(header.getValue("alg"))) {
      throw new TokenException("not signed with " + algorithm);
    }
    long now = System.currentTimeMillis() / 1000;
    Long exp = seconds(claims, "exp");
    if (exp == null) {
      throw new TokenException("no exp claim");
    }
    if (now >= exp) {
      throw new TokenException("expired");
    }
    Long nbf = seconds(claims, "nbf");
    Long iat = seconds(claims, "iat");
    if ((nbf != null && nbf > now) || (iat != null && iat > now)) {
      throw new TokenException("not valid yet");
    }
    if (!issuer.equals(claims.getValue("iss"))) {
      throw new TokenException("wrong issuer");
    }
    Object aud = claims.getValue("aud");
    boolean audienceMatches =
        audience.equals(aud) || (aud instanceof JsonArray list && list.contains(audience));
    if (!audienceMatches) {
      throw new TokenException("wrong audience");
    }
    if (!(claims.getValue("name") instanceof String requested)) {
      throw new TokenException("no name claim");
    }
    NameRules.Verdict verdict = NameRules.check(requested);
    if (!verdict.valid()) {
      throw new TokenException("the name claim is not a valid name");
    }
    if (Replies.isGuestName(verdict.name())) {
      throw new TokenException("the name claim is a guest name");
    }
    return verdict.name();
  }

  private static JsonObject part(String base64url) {
    try {
      return new JsonObject(Buffer.buffer(B64URL.decode(base64url)));
    } catch (RuntimeException e) {
      throw new TokenException("not a token");
    }
  }

  /** A NumericDate claim, or null when absent; fails when it is not a number. */
  private static Long seconds(JsonObject claims, String claim) {
    Object value = claims.getValue(claim);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number number)) {
      throw new TokenException("the " + claim + " claim is not a number");
    }
    return (long) Math.floor(number.doubleValue());
  }

  private static String oneLine(Throwable failure) {
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }

  /** A token that is not taken; its message is a short reason, without the token. */
  public static final class TokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param reason why the token is refused
     */
    public TokenException(String reason) {
      super(reason, null, false, false);
    }
  }
}
