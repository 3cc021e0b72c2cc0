package dev.parley.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.Parley;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The operations endpoints: liveness, readiness and a Prometheus scrape. */
@ExtendWith(VertxExtension.class)
public class OpsServerTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  /** GETs a path of an operations server on 127.0.0.1. */
  public static HttpResponse<String> get(int port, String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void livenessReadinessAndMetrics(Vertx vertx) throws Exception {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "limits.linesPerSecond", 2,
                "limits.lineBurst", 2,
                "slowClient.maxQueuedBytes", 16384));
    int ops = parley.opsPort();

    HttpResponse<String> live = get(ops, "/health/live");
    assertEquals(200, live.statusCode());
    assertEquals("UP", new JsonObject(live.body()).getString("status"));

    HttpResponse<String> ready = get(ops, "/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    assertEquals("UP", new JsonObject(ready.body()).getString("outcome"));
    assertEquals(
        new JsonObject().put("kind", "memory").put("state", "up").put("queued", 0),
        check(ready, "store"));

    ChatClient alice = clients.join(parley.port(), "alice");
    alice.say("one");
    alice.expect("alice: one");
    alice.say("two");
    alice.say("three");
    alice.expect("! slow down: at most 2 lines per second");

    String metrics = get(ops, "/metrics").body();
    assertTrue(metrics.contains("parley_connections 1.0"), metrics);
    assertTrue(metrics.contains("parley_lines_in_total 4.0"), metrics);
    assertTrue(metrics.contains("parley_flood_drops_total 2.0"), metrics);
    assertTrue(metrics.contains("parley_lines_out_total "), metrics);
    assertTrue(metrics.contains("parley_disconnects_total{reason=\"too slow\"} 0.0"), metrics);
    assertTrue(metrics.contains("parley_room_failovers_total 0.0"), metrics);
    // alice is in #lobby, ordered here; the relay counted her before it relayed her echo.
    assertTrue(metrics.contains("parley_rooms 1.0"), metrics);
    assertTrue(metrics.contains("parley_members 1.0"), metrics);
    assertEquals(404, get(ops, "/nothing").statusCode());
  }

  /** The data of one readiness check. */
  private static JsonObject check(HttpResponse<String> ready, String id) {
    return new JsonObject(ready.body())
        .getJsonArray("checks").stream()
            .map(c -> (JsonObject) c)
            .filter(c -> c.getString("id").equals(id))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no check " + id + ": " + ready.body()))
            .getJsonObject("data");
  }

  @Test
  void readinessShowsTheSqliteStoreAndItsQueue(Vertx vertx, @TempDir Path dir) throws Exception {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "store.kind", "sqlite", "store.sqlite.path", dir.resolve("parley.db").toString()));
    ChatClient alice = clients.join(parley.port(), "alice");
    alice.say("kept in the file");
    alice.expect("alice: kept in the file");
    HttpResponse<String> ready = get(parley.opsPort(), "/health/ready");
    assertEquals(200, ready.statusCode(), ready.body());
    JsonObject store = check(ready, "store");
    assertEquals("sqlite", store.getString("kind"), store.encode());
    assertEquals("up", store.getString("state"), store.encode());
    assertTrue(store.getInteger("queued") <= 1, store.encode());
  }
}
