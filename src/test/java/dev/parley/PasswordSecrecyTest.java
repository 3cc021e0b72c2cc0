package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import dev.parley.accounts.PasswordHash;
import dev.parley.api.RoomClient;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonArray;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * PROTOCOL.md section 12, "a password line is never echoed, kept, logged or sent to anyone", and
 * "only a slow salted hash is stored": in one run on a real SQLite file, members register, log in
 * with right and wrong passwords and change their passwords over TCP and over WebSocket, a server
 * operator registers another name, registrations are refused (guest name, short password), and a
 * service registers an account and sets its password through the event-bus API ({@link
 * RoomClient#registerAccount}, {@link RoomClient#setPassword}). Every password text of the run,
 * right, wrong, refused and replaced ones alike, is then looked for, and found nowhere, in:
 *
 * <ul>
 *   <li>everything logged at every level, TRACE and DEBUG included (an appender of the test's on
 *       the root logger: each event's formatted message, raw message, arguments, MDC, key-value
 *       pairs and stack trace);
 *   <li>every message on the event bus (an outbound and an inbound interceptor: address, headers
 *       and body);
 *   <li>the history, as {@code /history} shows it and as the store keeps it (every row of every
 *       table of the SQLite file, read with JDBC once the server stopped, and the raw bytes of the
 *       file and its WAL);
 *   <li>every line a watcher in the room received;
 * </ul>
 *
 * and the accounts table holds, for each account, an Argon2id PHC string that matches the account's
 * current password. Each capture is also checked to have seen the run (the chat lines, the
 * accounts' log lines, the hashes on the bus), so that an empty capture cannot pass.
 */
class PasswordSecrecyTest {
  // Every password text of the run: distinctive, so that any copy of one is found.
  private static final String ALICE = "alice-Secret-7Kq2x";
  private static final String ALICE_NEW = "alice-Renewed-9Vt4z";
  private static final String ALICE_WRONG = "alice-Guess-3Wm8n";
  private static final String ALICE_WRONG_OLD = "alice-NotOld-2Fj6r";
  private static final String ALICE_NEVER = "alice-NeverSet-4Hs1c";
  private static final String BOB = "bob-Secret-8Pd3v";
  private static final String BOB_NEW = "bob-Renewed-6Rx0y";
  private static final String BOB_WRONG = "bob-Guess-1Ty5u";
  private static final String CAROL = "carol Secret with spaces 5Gn7";
  private static final String ROOT = "root-Secret-0Zb9k";
  private static final String DAVE = "dave-Secret-2Qe4w";
  private static final String ERIN = "erin-Secret-3Lo8i";
  private static final String ERIN_NEW = "erin-Renewed-7Mu2p";
  private static final String GUEST = "guest-Refused-9Ac5s";
  private static final String SHORT = "Sh0rt-7";

  private static final List<String> PASSWORDS =
      List.of(
          ALICE,
          ALICE_NEW,
          ALICE_WRONG,
          ALICE_WRONG_OLD,
          ALICE_NEVER,
          BOB,
          BOB_NEW,
          BOB_WRONG,
          CAROL,
          ROOT,
          DAVE,
          ERIN,
          ERIN_NEW,
          GUEST,
          SHORT);

  @RegisterExtension final ChatClients tcp = new ChatClients();
  @RegisterExtension final ChatClients ws = new ChatClients().overWebSocket();

  @TempDir Path dir;

  private int port;

  /** Records every logging event, all of it, as text. */
  private static final class Capture extends AppenderBase<ILoggingEvent> {
    final Queue<String> events = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder text =
          new StringBuilder()
              .append(event.getLevel())
              .append(' ')
              .append(event.getLoggerName())
              .append(" [")
              .append(event.getThreadName())
              .append("] ")
              .append(event.getFormattedMessage())
              .append(" | ")
              .append(event.getMessage())
              .append(" | ")
              .append(Arrays.deepToString(event.getArgumentArray()))
              .append(" | ")
              .append(event.getMDCPropertyMap())
              .append(" | ")
              .append(event.getKeyValuePairs());
      if (event.getThrowableProxy() != null) {
        text.append(" | ").append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
      events.add(text.toString());
    }
  }

  @Test
  void noPasswordIsLoggedKeptOrSentAnywhere() throws Exception {
    Capture logged = new Capture();
    Map<String, Level> levels = captureEveryLevel(logged);
    Queue<String> bus = new ConcurrentLinkedQueue<>();
    Path file = dir.resolve("parley.db");
    List<String> received = new ArrayList<>();
    List<String> histories = new ArrayList<>();
    Vertx vertx = Vertx.vertx();
    try {
      Handler<DeliveryContext<Object>> out = recorder(bus, "out");
      Handler<DeliveryContext<Object>> in = recorder(bus, "in");
      vertx.eventBus().addOutboundInterceptor(out).addInboundInterceptor(in);
      Parley parley =
          TestServer.start(
              vertx,
              TestServer.config(
                  "store.kind",
                  "sqlite",
                  "store.sqlite.path",
                  file.toString(),
                  "limits.linesPerSecond",
                  0,
                  "history.onJoin",
                  0,
                  "accounts.operators",
                  new JsonArray().add("root")));
      port = parley.port();
      run(RoomClient.create(vertx), received, histories);
      parley.close().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
      restore(logged, levels);
    }

    // (a) everything logged, at every level.
    List<String> log = List.copyOf(logged.events);
    assertTrue(log.stream().anyMatch(l -> l.contains("account alice registered")), "log captured");
    assertTrue(log.stream().anyMatch(l -> l.startsWith("DEBUG ")), "DEBUG captured");
    assertNowhere("the log", log);

    // (b) the history, as members see it and as the store keeps it.
    assertTrue(histories.contains("alice: hello over tcp"), histories::toString);
    assertTrue(histories.contains("bob: hello over websocket"), histories::toString);
    assertNowhere("/history", histories);
    Map<String, List<String>> tables = everyRow(file);
    assertTrue(
        tables.get("parley_history").stream().anyMatch(r -> r.contains("hello over websocket")),
        () -> "history rows: " + tables.get("parley_history"));
    for (Map.Entry<String, List<String>> table : tables.entrySet()) {
      assertNowhere("table " + table.getKey(), table.getValue());
    }
    for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
      Path part = Path.of(file + suffix);
      if (Files.exists(part)) {
        assertNotInBytes(part, Files.readAllBytes(part));
      }
    }

    // (c) the event bus, both ways.
    List<String> messages = List.copyOf(bus);
    assertTrue(messages.stream().anyMatch(m -> m.contains("hello over tcp")), "bus captured");
    assertTrue(
        messages.stream().anyMatch(m -> m.contains("\"passwordHash\":\"$argon2id$")),
        "the API's hashes captured");
    assertNowhere("the event bus", messages);

    // What the room showed a member who was there all along.
    assertTrue(received.contains("carol: hello with a spaced password"), received::toString);
    assertNowhere("a watcher's lines", received);

    // (d) the accounts: a hash of the current password each, never a password.
    Map<String, String> current =
        Map.of(
            "alice", ALICE_NEW,
            "bob", BOB_NEW,
            "carol", CAROL,
            "root", ROOT,
            "dave", DAVE,
            "erin", ERIN_NEW);
    Map<String, String> hashes = new HashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement query = db.createStatement();
        ResultSet rows = query.executeQuery("SELECT name, password_hash FROM parley_accounts")) {
      while (rows.next()) {
        hashes.put(rows.getString(1), rows.getString(2));
      }
    }
    assertEquals(current.keySet(), hashes.keySet());
    for (Map.Entry<String, String> account : hashes.entrySet()) {
      String hash = account.getValue();
      assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
      assertTrue(
          PasswordHash.matches(current.get(account.getKey()), hash),
          account.getKey() + "'s stored hash is of its current password");
    }
  }

  /** The run: every way a password is given, over TCP, WebSocket and the event bus. */
  private void run(RoomClient api, List<String> received, List<String> histories)
      throws java.util.concurrent.TimeoutException {
    ChatClient watcher = tcp.join(port, "watcher");

    // alice, over TCP: registers, a wrong password, the right one, /password with a wrong and a
    // right old one.
    ChatClient alice = tcp.join(port, "alice");
    alice.say("/register " + ALICE);
    alice.expect("* alice is registered: from now on give your password after your name");
    alice.say("hello over tcp");
    alice.expect("alice: hello over tcp");
    alice.say("/quit");
    alice.expect("* bye");
    alice = tcp.connect(port);
    alice.expect("* welcome to parley, what is your name?");
    alice.say("alice");
    alice.expect("* alice is registered, what is its password?");
    alice.say(ALICE_WRONG);
    alice.expect("! wrong password for alice");
    alice.expect("* what is your name?");
    loggedIn(alice, "alice", ALICE);
    alice.say("/password " + ALICE_WRONG_OLD + " " + ALICE_NEVER);
    alice.expect("! wrong password");
    alice.say("/password " + ALICE + " " + ALICE_NEW);
    alice.expect("* password changed");
    alice.say("/quit");
    alice.expect("* bye");
    alice = login(tcp, "alice", ALICE_NEW);

    // bob, over WebSocket: the same.
    ChatClient bob = ws.join(port, "bob");
    bob.say("/register " + BOB);
    bob.expect("* bob is registered: from now on give your password after your name");
    bob.say("hello over websocket");
    bob.expect("bob: hello over websocket");
    bob.say("/quit");
    bob.expect("* bye");
    bob = ws.connect(port);
    bob.expect("* welcome to parley, what is your name?");
    bob.say("bob");
    bob.expect("* bob is registered, what is its password?");
    bob.say(BOB_WRONG);
    bob.expect("! wrong password for bob");
    bob.expect("* what is your name?");
    loggedIn(bob, "bob", BOB);
    bob.say("/password " + BOB + " " + BOB_NEW);
    bob.expect("* password changed");

    // carol registers over WebSocket with spaces in her password, and logs in over TCP.
    ChatClient carol = ws.join(port, "carol");
    carol.say("/register " + CAROL);
    carol.expect("* carol is registered: from now on give your password after your name");
    carol.say("/quit");
    carol.expect("* bye");
    carol = login(tcp, "carol", CAROL);
    carol.say("hello with a spaced password");
    carol.expect("carol: hello with a spaced password");

    // root, a server operator, registers dave, who logs in over WebSocket.
    ChatClient root = tcp.join(port, "root");
    root.say("/register " + ROOT);
    root.expect("* root is registered: from now on give your password after your name");
    root.say("/quit");
    root.expect("* bye");
    root = login(ws, "root", ROOT);
    root.say("/register dave " + DAVE);
    root.expect("* dave is registered: from now on give your password after your name");
    login(ws, "dave", DAVE).say("/quit");

    // Refused registrations.
    ChatClient guest = tcp.connect(port);
    guest.expect("* welcome to parley, what is your name?");
    guest.say("");
    guest.expectStartsWith("* you are guest");
    guest.expectStartsWith("* online (");
    guest.say("/register " + GUEST);
    guest.expect("! guest names cannot be registered");
    ChatClient frank = ws.join(port, "frank");
    frank.say("/register " + SHORT);
    frank.expect("! a password has 8 to 128 bytes");

    // A service registers erin and sets her password through the API; the old one is refused.
    assertEquals("erin", api.registerAccount("erin", ERIN).await(30, TimeUnit.SECONDS));
    api.setPassword("erin", ERIN_NEW).await(30, TimeUnit.SECONDS);
    ChatClient erin = ws.connect(port);
    erin.expect("* welcome to parley, what is your name?");
    erin.say("erin");
    erin.expect("* erin is registered, what is its password?");
    erin.say(ERIN);
    erin.expect("! wrong password for erin");
    erin.expect("* what is your name?");
    loggedIn(erin, "erin", ERIN_NEW);

    for (ChatClient member : List.of(alice, bob, carol, erin)) {
      member.say("/history 100");
      String heading = member.nextLine();
      while (!heading.startsWith("* history (")) { // arrivals and departures come before it
        received.add(heading);
        heading = member.nextLine();
      }
      int count = Integer.parseInt(heading.replaceAll("\\D", ""));
      for (String line : member.read(count)) {
        histories.add(line.substring("[HH:MM] ".length()));
      }
    }
    watcher.say("end of the run");
    received.addAll(watcher.readUntil("watcher: end of the run"));
  }

  /** Connects, gives a registered name and its password, and reads up to the roster. */
  private ChatClient login(ChatClients clients, String name, String password) {
    ChatClient client = clients.connect(port);
    client.expect("* welcome to parley, what is your name?");
    return loggedIn(client, name, password);
  }

  /** At the name prompt: gives the name and its password, and reads up to the roster. */
  private static ChatClient loggedIn(ChatClient client, String name, String password) {
    client.say(name);
    client.expect("* " + name + " is registered, what is its password?");
    client.say(password);
    client.expect("* you are " + name);
    client.expectStartsWith("* online (");
    return client;
  }

  /**
   * Attaches {@code capture} to the root logger and lets every level through, on the root and on
   * the loggers the test configuration quietens.
   *
   * @return the levels to restore
   */
  private static Map<String, Level> captureEveryLevel(Capture capture) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    capture.setContext(root.getLoggerContext());
    capture.start();
    root.addAppender(capture);
    Map<String, Level> levels = new LinkedHashMap<>();
    for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "io.netty", "com.hazelcast")) {
      Logger logger = (Logger) LoggerFactory.getLogger(name);
      levels.put(name, logger.getLevel());
      logger.setLevel(Level.TRACE);
    }
    return levels;
  }

  private static void restore(Capture capture, Map<String, Level> levels) {
    levels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAppender(capture);
    capture.stop();
  }

  /** Records each message's direction, address, headers and body. */
  private static Handler<DeliveryContext<Object>> recorder(Queue<String> seen, String way) {
    return context -> {
      seen.add(
          way
              + " "
              + context.message().address()
              + " "
              + context.message().headers().entries()
              + " "
              + context.message().body());
      context.next();
    };
  }

  /** Every row of every table of the SQLite file, each as its columns' text. */
  private static Map<String, List<String>> everyRow(Path file) throws Exception {
    Map<String, List<String>> tables = new LinkedHashMap<>();
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement names = db.createStatement();
        ResultSet list =
            names.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
      List<String> all = new ArrayList<>();
      while (list.next()) {
        all.add(list.getString(1));
      }
      for (String table : all) {
        List<String> rows = new ArrayList<>();
        try (Statement query = db.createStatement();
            ResultSet result = query.executeQuery("SELECT * FROM \"" + table + "\"")) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            StringBuilder row = new StringBuilder();
            for (int c = 1; c <= columns; c++) {
              row.append(result.getString(c)).append(" | ");
            }
            rows.add(row.toString());
          }
        }
        tables.put(table, rows);
      }
    }
    assertTrue(tables.containsKey("parley_history"), tables::toString);
    return tables;
  }

  private static void assertNowhere(String where, List<String> texts) {
    for (String text : texts) {
      for (String password : PASSWORDS) {
        Supplier<String> message = () -> "a password in " + where + ": " + text;
        assertFalse(text.contains(password), message);
      }
    }
  }

  private static void assertNotInBytes(Path file, byte[] bytes) {
    for (String password : PASSWORDS) {
      byte[] needle = password.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i + needle.length <= bytes.length; i++) {
        if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
          throw new AssertionError("the password " + password + " is in " + file + " at " + i);
        }
      }
    }
  }
}
