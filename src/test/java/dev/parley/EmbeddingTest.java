package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.config.ParleyConfig;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
                .put("server", new JsonObject().put("host", "127.0.0.1").put("port", 0)));
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
    assertThrows(IOException.class, () -> new Socket("127.0.0.1", parley.port()).close());
    assertEquals("the application", get(own.actualPort()));
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
