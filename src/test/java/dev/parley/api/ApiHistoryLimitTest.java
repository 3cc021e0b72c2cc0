package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/event-bus.md, history: a {@code limit} gives at most that many lines, and never more than
 * {@code history.maxLines}, on a server of its own that keeps two lines a room.
 */
@ExtendWith(VertxExtension.class)
class ApiHistoryLimitTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private static void says(ChatClient client, String... lines) {
    for (String line : lines) {
      client.say(line);
      client.expect(client.name() + ": " + line);
    }
  }

  private static List<String> texts(Vertx vertx, JsonObject request) {
    JsonObject reply =
        vertx.eventBus().<JsonObject>request(ApiAddresses.HISTORY, request).await().body();
    return reply.getJsonArray("lines").stream()
        .map(line -> ((JsonObject) line).getString("text"))
        .toList();
  }

  @Test
  void aLimitAboveMaxLinesGivesAtMostMaxLines(Vertx vertx) {
    int port =
        TestServer.start(vertx, TestServer.config("history.maxLines", 2, "history.onJoin", 2))
            .port();
    ChatClient alice = clients.join(port, "alice");
    says(alice, "one", "two", "three");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");
    says(alice, "four", "five");

    // Each room keeps its last two lines, four in all: the request for every room gives two.
    assertEquals(List.of("four", "five"), texts(vertx, new JsonObject().put("limit", 5)));
    assertEquals(
        List.of("two", "three"),
        texts(vertx, new JsonObject().put("room", "#lobby").put("limit", 5)));
  }
}
