package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.Jwts;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROTOCOL.md section 12, "tokens": a signed JWT on the WebSocket handshake of {@code /chat}, as
 * {@code ?token=} or {@code Authorization: Bearer}, logs the session in to its account with no
 * prompt; a bad one gets HTTP 401 and no upgrade. Real sockets; the tokens are signed here, with
 * vertx-auth-jwt's {@code JWTAuth.generateToken} (as the README shows an application doing) and
 * with the JDK's own crypto ({@link Jwts}).
 */
@ExtendWith(VertxExtension.class)
class TokenLoginTest {
  private static final String SECRET = "a shared secret of at least 32 bytes, for tests";
  private static final String ISSUER = "https://app.example.com";
  private static final String AUDIENCE = "parley";

  @RegisterExtension final ChatClients clients = new ChatClients();

  @TempDir Path dir;

  private final List<TokenSocket> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() {
    sockets.forEach(TokenSocket::close);
  }

  private static Parley withSecret(Vertx vertx) {
    return TestServer.start(
        vertx,
        TestServer.config(
            "accounts.jwt.secret",
            SECRET,
            "accounts.jwt.issuer",
            ISSUER,
            "accounts.jwt.audience",
            AUDIENCE));
  }

  /** A token as an application signs one, with vertx-auth-jwt (README "Embedding"). */
  private static String applicationToken(Vertx vertx, String name) {
    JWTAuth signer =
        JWTAuth.create(
            vertx,
            new JWTAuthOptions()
                .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(SECRET)));
    return signer.generateToken(
        new JsonObject().put("name", name),
        new JWTOptions()
            .setAlgorithm("HS256")
            .setIssuer(ISSUER)
            .setAudience(List.of(AUDIENCE))
            .setExpiresInSeconds(300));
  }

  private static JsonObject claims(String name) {
    return Jwts.claims(name, ISSUER, AUDIENCE);
  }

  private TokenSocket open(int webPort, String query, String bearer) {
    TokenSocket socket = new TokenSocket(webPort, query, bearer);
    sockets.add(socket);
    return socket;
  }

  @Test
  void aGoodTokenInTheQueryLogsInWithNoPromptAndMakesAnAccountWithoutPassword(Vertx vertx) {
    Parley parley = withSecret(vertx);
    TokenSocket alice = open(parley.webPort(), "?token=" + applicationToken(vertx, "alice"), null);
    alice.expect("* welcome to parley, what is your name?");
    alice.expect("* you are alice");
    alice.expect("* online (1): alice");
    alice.say("hello from the application");
    alice.expect("alice: hello from the application");

    // The account was made on first use, without a password: no password logs in to it.
    ChatClient mallory = clients.connect(parley.port());
    mallory.expect("* welcome to parley, what is your name?");
    for (String guess : List.of("hello from the application", "a password nobody has")) {
      mallory.say("alice");
      mallory.expect("* alice is registered, what is its password?");
      mallory.say(guess);
      mallory.expect("! wrong password for alice");
      mallory.expect("* what is your name?");
    }

    // The same token again logs in to the same account (and takes the name over).
    TokenSocket again = open(parley.webPort(), "?token=" + applicationToken(vertx, "alice"), null);
    again.expect("* welcome to parley, what is your name?");
    again.expect("* you are alice");
    alice.expect("* disconnected: logged in elsewhere");
  }

  @Test
  void aGoodTokenAsABearerHeaderLogsInUnderItsNameInNfc(Vertx vertx) {
    Parley parley = withSecret(vertx);
    ChatClient bob = clients.join(parley.port(), "bob");
    // "élodie" with a combining accent: the name is taken in NFC.
    String token = Jwts.hmac("HS256", SECRET, claims("e\u0301lodie"));
    TokenSocket elodie = open(parley.webPort(), "", token);
    elodie.expect("* welcome to parley, what is your name?");
    elodie.expect("* you are \u00e9lodie");
    elodie.expect("* online (2): bob, \u00e9lodie");
    bob.expect("* \u00e9lodie has arrived");
    // An audience list that holds Parley's is taken too.
    JsonObject listed = claims("carol").put("aud", new JsonArray().add("other").add(AUDIENCE));
    TokenSocket carol = open(parley.webPort(), "", Jwts.hmac("HS256", SECRET, listed));
    carol.expect("* welcome to parley, what is your name?");
    carol.expect("* you are carol");
  }

  @Test
  void badTokensGet401AndNoUpgradeWhetherInTheQueryOrTheHeader(Vertx vertx) {
    Parley parley = withSecret(vertx);
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put(
        "expired", Jwts.hmac("HS256", SECRET, claims("alice").put("exp", Jwts.epochSeconds(-5))));
    bad.put("without exp", Jwts.hmac("HS256", SECRET, withoutClaim(claims("alice"), "exp")));
    bad.put(
        "not valid yet",
        Jwts.hmac("HS256", SECRET, claims("alice").put("nbf", Jwts.epochSeconds(120))));
    bad.put(
        "wrong issuer",
        Jwts.hmac("HS256", SECRET, claims("alice").put("iss", "https://evil.example")));
    bad.put("without issuer", Jwts.hmac("HS256", SECRET, withoutClaim(claims("alice"), "iss")));
    bad.put(
        "wrong audience", Jwts.hmac("HS256", SECRET, claims("alice").put("aud", "someone-else")));
    bad.put(
        "audience list without parley",
        Jwts.hmac("HS256", SECRET, claims("alice").put("aud", new JsonArray().add("a").add("b"))));
    bad.put(
        "wrong signature",
        Jwts.hmac("HS256", "another secret, also of 32 bytes or more", claims("alice")));
    bad.put("alg none", Jwts.unsigned(claims("alice")));
    bad.put("alg none with a signature", Jwts.unsigned(claims("alice")) + "c2lnbmF0dXJl");
    bad.put("another algorithm", Jwts.hmac("HS512", SECRET, claims("alice")));
    bad.put("not a valid name", Jwts.hmac("HS256", SECRET, claims("a b")));
    bad.put("a name too long", Jwts.hmac("HS256", SECRET, claims("x".repeat(33))));
    bad.put("a guest name", Jwts.hmac("HS256", SECRET, claims("guest7")));
    bad.put("without name", Jwts.hmac("HS256", SECRET, withoutClaim(claims("alice"), "name")));
    bad.put("a claims part that is not JSON", "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln");
    bad.put("not a token", "hello");
    bad.put("empty", "");
    for (Map.Entry<String, String> token : bad.entrySet()) {
      assertEquals(
          401,
          status(parley.webPort(), "?token=" + token.getValue(), null),
          token.getKey() + " as ?token=");
      if (!token.getValue().isEmpty()) {
        assertEquals(
            401,
            status(parley.webPort(), "", token.getValue()),
            token.getKey() + " as Authorization: Bearer");
      }
    }
    // The server still takes good tokens and handshakes without one.
    assertEquals(
        101,
        status(parley.webPort(), "?token=" + Jwts.hmac("HS256", SECRET, claims("alice")), null));
    TokenSocket guest = open(parley.webPort(), "", null);
    guest.expect("* welcome to parley, what is your name?");
    guest.say("dave");
    guest.expect("* you are dave");
  }

  @Test
  void withTokensOffATokenIsIgnoredAndTheNameIsAskedFor(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    String token = Jwts.hmac("HS256", SECRET, claims("alice"));
    TokenSocket socket = open(parley.webPort(), "?token=" + token, token);
    socket.expect("* welcome to parley, what is your name?");
    socket.say("bob");
    socket.expect("* you are bob");
    assertEquals(101, status(parley.webPort(), "?token=garbage", "garbage"));
  }

  @Test
  void rs256TokensAreVerifiedWithAPemPublicKeyFile(Vertx vertx) {
    KeyPair key = Jwts.rsa();
    Path pem = Jwts.pemFile(dir.resolve("app-public.pem"), key.getPublic());
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "accounts.jwt.algorithm",
                "RS256",
                "accounts.jwt.publicKeyPath",
                pem.toString(),
                "accounts.jwt.issuer",
                ISSUER,
                "accounts.jwt.audience",
                AUDIENCE));
    TokenSocket alice =
        open(parley.webPort(), "", Jwts.signed("RS256", key.getPrivate(), claims("alice")));
    alice.expect("* welcome to parley, what is your name?");
    alice.expect("* you are alice");
    alice.expect("* online (1): alice");

    KeyPair other = Jwts.rsa();
    assertEquals(
        401,
        status(parley.webPort(), "", Jwts.signed("RS256", other.getPrivate(), claims("bob"))),
        "signed with another key");
    // The public key used as an HMAC secret (the classic confusion of algorithms).
    assertEquals(
        401,
        status(parley.webPort(), "", Jwts.hmac("HS256", Jwts.pem(key.getPublic()), claims("bob"))),
        "HS256 with the public key as its secret");
    assertEquals(
        401,
        status(
            parley.webPort(),
            "",
            Jwts.signed(
                "RS256", key.getPrivate(), claims("bob").put("exp", Jwts.epochSeconds(-1)))),
        "expired");
  }

  private static JsonObject withoutClaim(JsonObject claims, String claim) {
    claims.remove(claim);
    return claims;
  }

  /** The HTTP status of a handshake: 101 when upgraded, else the refusal's status. */
  private static int status(int webPort, String query, String bearer) {
    try {
      new TokenSocket(webPort, query, bearer).close();
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  /**
   * A WebSocket to {@code /chat} with a query and an optional {@code Authorization: Bearer} header
   * (the JDK's client), which reads lines one text frame each.
   */
  private static final class TokenSocket {
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final WebSocket socket;

    TokenSocket(int webPort, String query, String bearer) {
      WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
      if (bearer != null) {
        builder.header("Authorization", "Bearer " + bearer);
      }
      socket =
          builder
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + webPort + "/chat" + query),
                  new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(
                        WebSocket webSocket, CharSequence data, boolean last) {
                      text.append(data);
                      if (last) {
                        received.add(text.toString());
                        text.setLength(0);
                      }
                      webSocket.request(1);
                      return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(
                        WebSocket webSocket, int statusCode, String reason) {
                      received.add(statusCode);
                      return null;
                    }
                  })
              .orTimeout(ChatClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
              .join();
    }

    void say(String line) {
      socket.sendText(line, true).orTimeout(10, TimeUnit.SECONDS).join();
    }

    TokenSocket expect(String line) {
      try {
        Object item = received.poll(ChatClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (item == null) {
          fail("nothing from the server within " + ChatClient.TIMEOUT_MILLIS + " ms");
        }
        assertTrue(
            item instanceof String, () -> "expected <" + line + "> but got the close " + item);
        assertEquals(line, item);
        return this;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    void close() {
      socket.abort();
    }
  }
}
