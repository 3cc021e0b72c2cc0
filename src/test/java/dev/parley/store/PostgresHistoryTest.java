package dev.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.parley.Parley;
import dev.parley.ops.OpsServerTest;
import dev.parley.room.HistoryLine;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import dev.parley.test.PostgresServer;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * History in a real PostgreSQL server, started by the test in a temporary directory on a free port
 * of 127.0.0.1 ({@link PostgresServer}): each test has a database of its own.
 */
@ExtendWith(VertxExtension.class)
class PostgresHistoryTest {
  private static PostgresServer postgres;
  private static int databases;

  @RegisterExtension final ChatClients clients = new ChatClients();

  private String url;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @BeforeEach
  void newDatabase() throws Exception {
    postgres.startAgainIfStopped();
    String name = "history_" + ++databases;
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    url = postgres.jdbcUrl().replaceAll("/parley$", "/" + name);
  }

  private Parley start(Vertx vertx, Object... settings) {
    List<Object> all =
        new ArrayList<>(
            List.of(
                "store.kind",
                "postgres",
                "store.postgres.url",
                url,
                "store.postgres.user",
                postgres.user()));
    all.addAll(List.of(settings));
    return TestServer.start(vertx, TestServer.config(all.toArray()));
  }

  private List<String> storedTexts() throws SQLException {
    try (Connection c = DriverManager.getConnection(url, postgres.user(), "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT text FROM parley_history ORDER BY at_ms, seq")) {
      List<String> texts = new ArrayList<>();
      while (r.next()) {
        texts.add(r.getString(1));
      }
      return texts;
    }
  }

  /** Waits (at most 30 s) until a condition holds, looking every 50 ms. */
  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 30 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  private static boolean stored(PostgresHistoryTest test, List<String> texts) {
    try {
      return test.storedTexts().equals(texts);
    } catch (SQLException e) {
      return false;
    }
  }

  private static JsonObject storeCheck(Parley parley) throws Exception {
    var ready = OpsServerTest.get(parley.opsPort(), "/health/ready");
    assertEquals(200, ready.statusCode(), "the chat works without the database: " + ready.body());
    return new JsonObject(ready.body())
        .getJsonArray("checks").stream()
            .map(c -> (JsonObject) c)
            .filter(c -> c.getString("id").equals("store"))
            .findFirst()
            .orElseThrow()
            .getJsonObject("data");
  }

  private static void says(ChatClient client, String... lines) {
    for (String line : lines) {
      client.say(line);
      client.expect(client.name() + ": " + line);
    }
  }

  @Test
  void aRestartKeepsEveryRoomsHistory(Vertx vertx) throws Exception {
    Parley first = start(vertx);
    ChatClient alice = clients.join(first.port(), "alice");
    says(alice, "before the restart");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");
    says(alice, "ops notes");
    first.close().await(30, TimeUnit.SECONDS);
    alice.readUntil("* server is shutting down");

    Parley second = start(vertx);
    ChatClient bob = clients.connect(second.port());
    bob.expect("* welcome to parley, what is your name?");
    bob.say("bob");
    bob.expect("* you are bob");
    bob.expect("* online (1): bob");
    bob.expect("* history (1):");
    assertTrue(bob.nextLine().matches("\\[\\d\\d:\\d\\d] alice: before the restart"));
    bob.say("/join ops");
    bob.expect("* now in #ops").expect("* online (1): bob").expect("* history (1):");
    assertTrue(bob.nextLine().endsWith("] alice: ops notes"));
  }

  @Test
  void theChatGoesOnWhileTheDatabaseIsAwayAndItsLinesAreWrittenWhenItReturns(Vertx vertx)
      throws Exception {
    Parley parley = start(vertx);
    ChatClient alice = clients.join(parley.port(), "alice");
    says(alice, "one");
    await("the first line is stored", () -> stored(this, List.of("one")));
    assertEquals("up", storeCheck(parley).getString("state"));
    assertEquals("postgres", storeCheck(parley).getString("kind"));

    postgres.stop();
    says(alice, "two", "three");
    ChatClient bob = clients.join(parley.port(), "bob");
    bob.expect("* history (3):");
    await(
        "readiness reports the database down",
        () -> {
          try {
            JsonObject check = storeCheck(parley);
            return check.getString("state").equals("down") && check.getInteger("queued") == 2;
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });

    postgres.startAgain();
    await("the waiting lines are stored", () -> stored(this, List.of("one", "two", "three")));
    JsonObject check = storeCheck(parley);
    assertEquals("up", check.getString("state"));
    assertEquals(0, check.getInteger("queued"));
    assertEquals(0.0, dropped(parley));
  }

  private static double dropped(Parley parley) {
    return parley.metrics().registry().get("parley.history.dropped").counter().count();
  }

  @Test
  void aFullWriteQueueCountsExactlyTheLinesTheDatabaseLoses(Vertx vertx) throws Exception {
    Parley parley = start(vertx, "store.writeQueueLines", 5);
    ChatClient alice = clients.join(parley.port(), "alice");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger writer = (Logger) LoggerFactory.getLogger(HistoryWriter.class);
    log.start();
    writer.addAppender(log);
    postgres.stop();
    List<String> said = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      said.add("line " + i);
    }
    says(alice, said.toArray(String[]::new));
    await("7 lines are counted lost", () -> dropped(parley) == 7.0);

    postgres.startAgain();
    await("the last 5 lines are stored", () -> stored(this, said.subList(7, 12)));
    assertEquals(7.0, dropped(parley));
    String metrics = OpsServerTest.get(parley.opsPort(), "/metrics").body();
    assertTrue(metrics.contains("parley_history_dropped_total 7.0"), metrics);
    // Memory still has every line.
    alice.say("/history 12");
    alice.expect("* history (12):");

    // The loss is logged once for the incident, and its count once the database has caught up.
    await("the incident's end is logged", () -> logged(log, "has caught up") == 1);
    writer.detachAppender(log);
    assertEquals(1, logged(log, "the oldest waiting lines are not written"), "warnings of loss");
    assertTrue(
        log.list.stream()
            .anyMatch(e -> e.getFormattedMessage().endsWith("; 7 lines were not written")),
        "the count at the end of the incident");
  }

  private static long logged(ListAppender<ILoggingEvent> log, String text) {
    return List.copyOf(log.list).stream()
        .filter(e -> e.getFormattedMessage().contains(text))
        .count();
  }

  @Test
  void aDatabaseAwayAtStartDoesNotStopTheServer(Vertx vertx) throws Exception {
    postgres.stop();
    Parley parley = start(vertx);
    ChatClient alice = clients.join(parley.port(), "alice");
    says(alice, "said while the database was away");
    assertEquals("down", storeCheck(parley).getString("state"));

    postgres.startAgain();
    await(
        "the schema is created and the line stored",
        () -> stored(this, List.of("said while the database was away")));
  }

  @Test
  void theSchemaIsCreatedOnAnEmptyDatabaseAndMigratedFromTheFirstVersion(Vertx vertx)
      throws Exception {
    // A database left by the first version of the schema, with a line in it.
    Flyway.configure()
        .dataSource(url, postgres.user(), "")
        .locations("classpath:dev/parley/store/db")
        .target("1")
        .load()
        .migrate();
    try (Connection c = DriverManager.getConnection(url, postgres.user(), "");
        PreparedStatement s =
            c.prepareStatement(
                "INSERT INTO parley_history (run, seq, room, at_ms, name, text) VALUES (?, ?, ?,"
                    + " ?, ?, ?)")) {
      s.setString(1, "an-earlier-run");
      s.setLong(2, 41);
      s.setString(3, "#lobby");
      s.setLong(4, System.currentTimeMillis() - 60_000);
      s.setString(5, "zed");
      s.setString(6, "from version 1");
      s.executeUpdate();
    }

    Parley parley = start(vertx);
    ChatClient bob = clients.connect(parley.port());
    bob.expect("* welcome to parley, what is your name?");
    bob.say("bob");
    bob.expect("* you are bob").expect("* online (1): bob").expect("* history (1):");
    assertTrue(bob.nextLine().endsWith("] zed: from version 1"));
    assertEquals(List.of("1", "2", "3"), versions(url));

    // And on an empty database, every version at once.
    newDatabase();
    Parley empty = start(vertx);
    clients.join(empty.port(), "carol");
    assertEquals(List.of("1", "2", "3"), versions(url));
  }

  private List<String> versions(String database) throws SQLException {
    try (Connection c = DriverManager.getConnection(database, postgres.user(), "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
      List<String> out = new ArrayList<>();
      while (r.next()) {
        out.add(r.getString(1));
      }
      return out;
    }
  }

  /** The settings of a cluster node that keeps history in this test's database. */
  private Object[] clusterStore() {
    return new Object[] {
      "store.kind", "postgres", "store.postgres.url", url, "store.postgres.user", "parley"
    };
  }

  @Test
  void aRestartOfEveryNodeOfAClusterKeepsHistory() throws Exception {
    Object[] store = clusterStore();
    try (ClusterNodes first = ClusterNodes.start(2, store)) {
      ChatClient alice = clients.join(first.node(1).port(), "alice");
      says(alice, "said before every node stopped");
      first.node(1).stop();
      first.node(0).stop();
    }
    try (ClusterNodes second = ClusterNodes.start(2, store)) {
      ChatClient bob = clients.connect(second.node(1).port());
      bob.expect("* welcome to parley, what is your name?");
      bob.say("bob");
      bob.expect("* you are bob").expect("* online (1): bob").expect("* history (1):");
      assertTrue(bob.nextLine().endsWith("] alice: said before every node stopped"));
    }
  }

  @Test
  void aHandoverKeepsEachLineOnceInHistoryAndInTheDatabase() throws Exception {
    Object[] store = clusterStore();
    try (ClusterNodes cluster = ClusterNodes.start(2, store)) {
      // One node orders #lobby; alice is on the other.
      ClusterNodes.Node host = cluster.hostOf("#lobby");
      ClusterNodes.Node other = cluster.others(host).get(0);
      ChatClient alice = clients.join(other.port(), "alice");
      says(alice, "one", "two", "three");
      host.stop();
      says(alice, "four", "five");
      List<String> said = List.of("one", "two", "three", "four", "five");

      ChatClient bob = clients.connect(other.port());
      bob.expect("* welcome to parley, what is your name?");
      bob.say("bob");
      bob.expect("* you are bob").expect("* online (2): alice, bob").expect("* history (5):");
      for (String text : said) {
        assertTrue(bob.nextLine().endsWith("] alice: " + text));
      }
      // The new host wrote what the old one had not, and nothing twice.
      await("the five lines are stored once", () -> stored(this, said));
    }
  }

  @Test
  void retentionDeletesOldLinesAndLinesBeyondMaxLinesOfEachRoom(Vertx vertx) throws Exception {
    Flyway.configure()
        .dataSource(url, postgres.user(), "")
        .locations("classpath:dev/parley/store/db")
        .load()
        .migrate();
    Store store =
        Store.create(
            TestServer.config(
                    "store.kind",
                    "postgres",
                    "store.postgres.url",
                    url,
                    "store.postgres.user",
                    "parley")
                .store());
    vertx.deployVerticle(store).await(30, TimeUnit.SECONDS);
    long now = System.currentTimeMillis();
    List<HistoryLine> lines = new ArrayList<>();
    lines.add(new HistoryLine("#ops", "r", 1, now - 100_000, "alice", "too old"));
    for (int i = 2; i <= 5; i++) {
      lines.add(new HistoryLine("#lobby", "r", i, now - 10_000 + i, "alice", "lobby " + i));
    }
    lines.add(new HistoryLine("#ops", "r", 6, now, "alice", "ops 6"));
    store.writeHistory(lines).await(30, TimeUnit.SECONDS);
    // A line written twice (a new host writing what the old one may have written) is kept once.
    store.writeHistory(lines.subList(5, 6)).await(30, TimeUnit.SECONDS);

    store.deleteExpiredHistory(now - 50_000, 2).await(30, TimeUnit.SECONDS);
    assertEquals(List.of("lobby 4", "lobby 5", "ops 6"), storedTexts());
    assertEquals(6L, store.lastSeq("r").await(30, TimeUnit.SECONDS));
    assertEquals(
        List.of("lobby 5", "ops 6"),
        store.loadHistory(now - 20_000, 1).await(30, TimeUnit.SECONDS).stream()
            .map(HistoryLine::text)
            .toList());
  }
}
