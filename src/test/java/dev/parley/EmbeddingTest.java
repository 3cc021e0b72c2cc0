package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.config.ParleyConfig;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An application with its own {@code Vertx} and its own HTTP server embeds Parley, its users chat,
 * and the application takes Parley away again: every chat socket closes, the application lives on.
 */
class EmbeddingTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private final Vertx applicationVertx = Vertx.vertx();

  @AfterEach
  void closeApplication() {
    applicationVertx.close().await();
  }

  @Test
  void anApplicationDeploysParleyBesideItsOwnServerAndUndeploysIt() throws Exception {
    HttpServer own =
        applicationVertx
            .createHttpServer()
            .requestHandler(request -> request.response().end("the application"))
            .listen(0, "127.0.0.1")
            .await();
    ParleyConfig config =
        ParleyConfig.fromJson(
            new JsonObject()
                .put("server", new JsonObject().put("host", "127.0.0.1").put("port", 0))
                .put("web", new JsonObject().put("host", "127.0.0.1").put("port", 0))
                .put("irc", new JsonObject().put("host", "127.0.0.1").put("port", 0))
                .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
                // No parley.db in the build's working directory.
                .put("store", new JsonObject().put("kind", "memory")));
    Parley parley = Parley.deploy(applicationVertx, config).await(30, TimeUnit.SECONDS);

    ChatClient alice = clients.join(parley.port(), "alice");
    ChatClient bob = clients.join(parley.port(), "bob");
    alice.expect("* bob has arrived");
    bob.say("embedded and chatting");
    alice.expect("bob: embedded and chatting");
    bob.expect("bob: embedded and chatting");
    ChatClient unnamed = clients.connect(parley.port());
    unnamed.expect("* welcome to parley, what is your name?");

    parley.close().await(30, TimeUnit.SECONDS);

    for (ChatClient client : new ChatClient[] {alice, bob, unnamed}) {
      client.expect("* server is shutting down");
      client.expectClosed();
    }
    assertNothingListensOn(parley.port());
    assertEquals("the application", get(own.actualPort()));
  }

  /**
   * Connecting to {@code port} is refused. TCP lets a socket connect to itself when the kernel
   * happens to give it that same port as its local one (the port is in the ephemeral range and now
   * free); such a connection is not a listener and counts as refused.
   */
  private static void assertNothingListensOn(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      if (socket.getLocalPort() != port) {
        socket.setSoTimeout(1000);
        byte[] greeting = new byte[200];
        int n = Math.max(0, socket.getInputStream().read(greeting));
        throw new AssertionError(
            "something still listens on port "
                + port
                + "; it said: "
                + new String(greeting, 0, n, StandardCharsets.UTF_8));
      }
    } catch (SocketTimeoutException silent) {
      throw new AssertionError("something still listens on port " + port + " and says nothing");
    } catch (IOException refused) {
      // nothing listens: as it should be
    }
  }

  private static String get(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
    return response.body();
  }
}
