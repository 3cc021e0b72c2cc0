package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.Main;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * A short run of each bench scenario against a real server in this JVM, so that the tool keeps
 * working. No timing assertions: only that the runs complete cleanly and report consistent numbers.
 */
@ExtendWith(VertxExtension.class)
class BenchSmokeTest {
  private record Outcome(int status, String out, String err) {
    JsonObject json() {
      List<String> lines = out.lines().toList();
      assertTrue(!lines.isEmpty(), "no output; stderr: " + err);
      return new JsonObject(lines.get(lines.size() - 1));
    }
  }

  private static int startServer(Vertx vertx, Object... extra) {
    List<Object> settings = new ArrayList<>(List.of("limits.linesPerSecond", 0));
    settings.addAll(List.of("limits.maxConnectionsPerAddress", 0));
    settings.addAll(List.of(extra));
    return TestServer.start(vertx, TestServer.config(settings.toArray())).port();
  }

  private static Outcome bench(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine command = new CommandLine(new Main());
    command.setOut(new PrintWriter(out, true));
    command.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    int status = command.execute(all);
    return new Outcome(status, out.toString(), err.toString());
  }

  private static void assertClean(JsonObject result, Outcome outcome) {
    String context = result.encode() + "\n" + outcome.err();
    assertTrue(result.getLong("deliveries") > 0, context);
    assertEquals(0, result.getLong("loss"), context);
    assertEquals(0, result.getLong("duplicates"), context);
    assertEquals(0, result.getLong("outOfOrder"), context);
    assertEquals(0, result.getLong("errors"), context);
    assertTrue(result.getDouble("p99Ms") >= result.getDouble("p50Ms"), context);
    assertTrue(result.getDouble("maxMs") >= result.getDouble("p99Ms"), context);
    assertTrue(result.getLong("linesSent") > 0, context);
  }

  @Test
  void fanoutWithAWindow(Vertx vertx) {
    int port = startServer(vertx);
    Outcome outcome =
        bench(
            "fanout",
            "--duration",
            "2",
            "--warmup",
            "0",
            "--receivers",
            "5",
            "--senders",
            "2",
            "--json-only",
            "127.0.0.1:" + port);
    assertEquals(0, outcome.status(), outcome.err());
    assertEquals(1, outcome.out().lines().count(), outcome.out());
    JsonObject result = outcome.json();
    assertEquals("fanout", result.getString("scenario"));
    assertEquals(7, result.getInteger("connections"));
    assertClean(result, outcome);
  }

  @Test
  void fanoutOverRoomsDeliversEachLineToItsRoomOnly(Vertx vertx) {
    int port = startServer(vertx);
    Outcome outcome =
        bench(
            "fanout",
            "--duration",
            "1",
            "--warmup",
            "0",
            "--receivers",
            "6",
            "--senders",
            "3",
            "--rooms",
            "3",
            "--rate",
            "50",
            "--json-only",
            "127.0.0.1:" + port);
    assertEquals(0, outcome.status(), outcome.err());
    JsonObject result = outcome.json();
    assertClean(result, outcome);
    assertEquals(0, result.getLong("foreignLines"), result.encode());
    // Two receivers in each of the three rooms: every line reaches two, not six.
    assertEquals(2 * result.getLong("linesSent"), result.getLong("allDeliveries"), result.encode());
  }

  @Test
  void fanoutAtAFixedRatePrintsATable(Vertx vertx) {
    int port = startServer(vertx);
    Outcome outcome =
        bench(
            "fanout",
            "--duration",
            "1",
            "--warmup",
            "0.5",
            "--receivers",
            "3",
            "--senders",
            "2",
            "--rate",
            "100",
            "--line-bytes",
            "200",
            "127.0.0.1:" + port);
    assertEquals(0, outcome.status(), outcome.err());
    assertTrue(outcome.out().lines().count() > 10, outcome.out());
    JsonObject result = outcome.json();
    assertEquals(5, result.getInteger("connections"));
    assertClean(result, outcome);
  }

  @Test
  void idleReportsMemoryPerConnection(Vertx vertx) {
    int port = startServer(vertx);
    Outcome outcome =
        bench(
            "idle",
            "--connections",
            "50",
            "--duration",
            "1",
            "--json-only",
            "--server-pid",
            String.valueOf(ProcessHandle.current().pid()),
            "127.0.0.1:" + port);
    assertEquals(0, outcome.status(), outcome.err());
    JsonObject result = outcome.json();
    String context = result.encode() + "\n" + outcome.err();
    assertEquals("idle", result.getString("scenario"));
    assertEquals(50, result.getInteger("connections"));
    assertEquals(0, result.getLong("errors"), context);
    assertEquals("VmRSS", result.getString("memorySource"), context);
    assertTrue(result.containsKey("bytesPerConnection"), context);
    assertTrue(result.getDouble("connectSeconds") > 0, context);
    // Connection i sees the arrivals of the 49 - i that joined after it.
    assertEquals(50 * 49 / 2, result.getLong("notices"), context);
  }

  @Test
  void slowMembersDoNotCostTheOthersLines(Vertx vertx) {
    int port = startServer(vertx);
    Outcome outcome =
        bench(
            "slow",
            "--duration",
            "2",
            "--warmup",
            "0",
            "--receivers",
            "5",
            "--slow",
            "2",
            "--senders",
            "2",
            "--rate",
            "50",
            "--json-only",
            "127.0.0.1:" + port);
    assertEquals(0, outcome.status(), outcome.err());
    JsonObject result = outcome.json();
    assertEquals(9, result.getInteger("connections"));
    assertClean(result, outcome);
    JsonArray slow = result.getJsonArray("slowMembers");
    assertEquals(2, slow.size(), result.encode());
    assertTrue(result.containsKey("slowDisconnected"), result.encode());
  }

  @Test
  void anUnreachablePortExitsWithOneLine() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Outcome outcome =
        bench(
            "fanout", "--duration", "1", "--receivers", "1", "--senders", "1", "127.0.0.1:" + port);
    assertNotEquals(0, outcome.status());
    assertEquals("", outcome.out());
    assertEquals(1, outcome.err().lines().count(), outcome.err());
    assertTrue(outcome.err().contains("cannot connect to 127.0.0.1:" + port), outcome.err());
  }

  @Test
  void aFullServerIsReportedInOneLine(Vertx vertx) {
    int port = startServer(vertx, "limits.maxConnections", 3);
    Outcome outcome = bench("idle", "--connections", "5", "--duration", "1", "127.0.0.1:" + port);
    assertNotEquals(0, outcome.status());
    assertTrue(outcome.err().contains("! server is full"), outcome.err());
    assertEquals(
        1, outcome.err().lines().filter(l -> l.contains("server is full")).count(), outcome.err());
  }
}
