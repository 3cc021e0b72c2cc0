package dev.parley.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.ChatMessage;
import dev.parley.api.MemberLeft;
import dev.parley.api.ParleyEvent;
import dev.parley.api.RoomClient;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The examples of the README, each run for real. */
@ExtendWith(VertxExtension.class)
class ExamplesTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  @TempDir Path dir;

  @Test
  void theEmbeddedApplicationServesItsPageBesideTheChat(Vertx vertx) throws Exception {
    EmbeddedApp app = EmbeddedApp.start(vertx, TestServer.config(), "127.0.0.1", 0).await();
    ChatClient alice = clients.join(app.parley().port(), "alice");
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.http().actualPort() + "/"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    assertEquals("1 in the room on port " + app.parley().port() + ": alice\n", page.body());
    app.stop().await();
    alice.expect("* server is shutting down");
    alice.expectClosed();
  }

  @Test
  void theClockBotAnswersTime(Vertx vertx) {
    int port = TestServer.start(vertx, TestServer.config()).port();
    Clock noon = Clock.fixed(Instant.parse("2026-11-22T12:34:56Z"), ZoneOffset.UTC);
    vertx.deployVerticle(new ClockBot(noon)).await();
    ChatClient alice = clients.connect(port);
    alice.expect("* welcome to parley, what is your name?");
    alice.say("alice");
    alice.expect("* you are alice");
    alice.expect("* online (2): clock, alice");
    alice.say("what time is it?");
    alice.expect("alice: what time is it?");
    alice.say("!time");
    alice.expect("alice: !time");
    alice.expect("clock: the time is 12:34:56 UTC");
  }

  @Test
  void theArchiverAppendsEveryEventAndResumesAfterACrash(Vertx vertx) throws Exception {
    int port = TestServer.start(vertx, TestServer.config()).port();
    Path archive = dir.resolve("archive.jsonl");
    BlockingQueue<ParleyEvent> seen = new LinkedBlockingQueue<>();
    RoomClient.create(vertx).events().handler(seen::add).completion().await();

    String first = vertx.deployVerticle(new Archiver(archive)).await();
    ChatClient alice = clients.join(port, "alice");
    alice.say("hello archive");
    alice.expect("alice: hello archive");
    awaitEvent(seen, ChatMessage.class);
    awaitArchived(vertx, archive, 2);
    vertx.undeploy(first).await();

    List<String> before = Files.readAllLines(archive);
    assertEquals(2, before.size(), before::toString);
    Files.writeString(archive, "{\"type\":\"mess", StandardOpenOption.APPEND);

    String second = vertx.deployVerticle(new Archiver(archive)).await();
    alice.say("after the crash");
    alice.say("/quit");
    awaitEvent(seen, MemberLeft.class);
    awaitArchived(vertx, archive, 4);
    vertx.undeploy(second).await();

    List<String> lines = Files.readAllLines(archive);
    assertEquals(4, lines.size(), lines::toString);
    long seq = 0;
    for (String line : lines) {
      ParleyEvent event = ParleyEvent.fromJson(new JsonObject(line));
      assertTrue(seq == 0 || event.seq() == seq + 1, "in order, without gaps: " + lines);
      seq = event.seq();
    }
    assertEquals(
        List.of("arrived", "message", "message", "left"),
        lines.stream().map(l -> new JsonObject(l).getString("type")).toList());
    assertEquals("after the crash", new JsonObject(lines.get(2)).getString("text"));
  }

  @Test
  void theArchiverFillsAGapWithTheChatLinesOfHistory(Vertx vertx) throws Exception {
    int port = TestServer.start(vertx, TestServer.config()).port();
    Path archive = dir.resolve("gap.jsonl");
    BlockingQueue<ParleyEvent> seen = new LinkedBlockingQueue<>();
    RoomClient.create(vertx).events().handler(seen::add).completion().await();

    String first = vertx.deployVerticle(new Archiver(archive)).await();
    ChatClient alice = clients.join(port, "alice");
    alice.say("one");
    alice.expect("alice: one");
    awaitEvent(seen, ChatMessage.class);
    awaitArchived(vertx, archive, 2);
    vertx.undeploy(first).await();

    // While no archiver runs: two chat lines and an arrival.
    alice.say("two");
    alice.expect("alice: two");
    alice.say("three");
    alice.expect("alice: three");
    clients.join(port, "bob");
    alice.expect("* bob has arrived");
    seen.clear();

    String second = vertx.deployVerticle(new Archiver(archive)).await();
    alice.say("four");
    alice.expect("alice: four");
    awaitEvent(seen, ChatMessage.class);
    awaitArchived(vertx, archive, 5);
    vertx.undeploy(second).await();

    List<JsonObject> lines = Files.readAllLines(archive).stream().map(JsonObject::new).toList();
    assertEquals(
        List.of("arrived", "message", "message", "message", "message"),
        lines.stream().map(l -> l.getString("type")).toList());
    assertEquals(
        List.of("one", "two", "three", "four"),
        lines.subList(1, 5).stream().map(l -> l.getString("text")).toList());
    for (int i = 1; i < lines.size(); i++) {
      assertTrue(lines.get(i).getLong("seq") > lines.get(i - 1).getLong("seq"), lines::toString);
    }
  }

  @Test
  void theClockBotAnswersInEachOfItsRoomsAndNowhereElse(Vertx vertx) throws Exception {
    int port = TestServer.start(vertx, TestServer.config()).port();
    Clock noon = Clock.fixed(Instant.parse("2026-11-22T12:34:56Z"), ZoneOffset.UTC);
    vertx.deployVerticle(new ClockBot(noon, List.of("#ops", "Dev"))).await();
    ChatClient ops = clients.join(port, "oscar");
    ops.say("/join OPS");
    ops.expect("* now in #ops").expect("* online (2): clock, oscar");
    ChatClient dev = clients.join(port, "dora");
    dev.say("/join #dev");
    dev.expect("* now in #Dev").expect("* online (2): clock, dora");
    ChatClient lobby = clients.join(port, "lou");

    lobby.say("!time");
    lobby.expect("lou: !time");
    dev.say("!time");
    dev.expect("dora: !time");
    dev.expect("clock: the time is 12:34:56 UTC");
    ops.say("!time");
    ops.expect("oscar: !time");
    ops.expect("clock: the time is 12:34:56 UTC");
    // The clock said nothing in #lobby: the next line lou sees is his own.
    lobby.say("and here?");
    lobby.expect("lou: and here?");
  }

  @Test
  void theArchiverRecordsOnlyTheRoomsItIsToldTo(Vertx vertx) throws Exception {
    int port = TestServer.start(vertx, TestServer.config()).port();
    Path archive = dir.resolve("ops.jsonl");
    String archiver = vertx.deployVerticle(new Archiver(archive, List.of("OPS"))).await();

    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    bob.say("/join ops");
    bob.expect("* now in #ops").expect("* online (1): bob");
    alice.say("in the lobby");
    alice.readUntil("alice: in the lobby");
    bob.say("in ops");
    bob.expect("bob: in ops");
    alice.say("/join #\u043eps");
    alice.readUntil("* online (2): bob, alice");
    alice.say("/quit");
    bob.expect("* alice has arrived").expect("* alice has left");
    awaitArchived(vertx, archive, 4);
    vertx.undeploy(archiver).await();

    List<JsonObject> lines = Files.readAllLines(archive).stream().map(JsonObject::new).toList();
    assertEquals(
        List.of("#ops arrived bob", "#ops message in ops", "#ops arrived alice", "#ops left alice"),
        lines.stream()
            .map(
                l ->
                    l.getString("room")
                        + " "
                        + l.getString("type")
                        + " "
                        + l.getString("text", l.getString("name")))
            .toList());
  }

  @Test
  void theModerationBotMutesAMemberWhoRepeatsALineFiveTimes(Vertx vertx) {
    int port = TestServer.start(vertx, TestServer.config()).port();
    vertx.deployVerticle(new ModerationBot(List.of("#ops"))).await();
    ChatClient watcher = clients.join(port, "wendy");
    watcher.say("/join ops");
    watcher.expect("* now in #ops").expect("* online (2): moderator, wendy");
    ChatClient spammer = clients.join(port, "sam");
    spammer.say("/join OPS");
    spammer.expect("* now in #ops").expect("* online (3): moderator, wendy, sam");
    watcher.expect("* sam has arrived");

    // Four times, another line, then five times: only five in a row mute.
    for (int i = 0; i < 4; i++) {
      spammer.say("buy now");
      spammer.expect("sam: buy now");
    }
    spammer.say("really");
    spammer.expect("sam: really");
    for (int i = 0; i < 5; i++) {
      spammer.say("buy now");
      spammer.expect("sam: buy now");
    }
    spammer.expect("* sam was muted by " + ModerationBot.NAME);
    assertEquals(
        List.of("sam: buy now", "sam: buy now", "sam: buy now", "sam: buy now", "sam: really"),
        watcher.read(5));
    watcher.readUntil("* sam was muted by moderator");
    spammer.say("buy now");
    spammer.expect("! you are muted in #ops");
    watcher.say("quiet now");
    watcher.expect("wendy: quiet now");
  }

  /**
   * Waits, up to 10 s, until the archive has {@code lines} lines: the archiver takes each event on
   * its own consumer and writes it on a worker thread, after the test's consumer has seen it. The
   * file is looked at every 20 ms; nothing announces a write.
   */
  private static void awaitArchived(Vertx vertx, Path archive, int lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!Files.exists(archive) || Files.readAllLines(archive).size() < lines) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the archive has not " + lines + " lines: " + Files.readAllLines(archive));
      }
      vertx.timer(20).await();
    }
  }

  private static void awaitEvent(BlockingQueue<ParleyEvent> seen, Class<?> type)
      throws InterruptedException {
    while (true) {
      ParleyEvent event = seen.poll(10, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
      }
      if (type.isInstance(event)) {
        return;
      }
    }
  }
}
