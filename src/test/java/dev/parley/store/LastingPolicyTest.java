package dev.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.Parley;
import dev.parley.config.ParleyConfig;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.PostgresServer;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * PROTOCOL.md sections 12, 13 and 15: accounts, operators, topics, bans and mutes last across a
 * restart of a single node on the default store, a SQLite file, and on PostgreSQL; while the
 * database is away, chat and logins of accounts the node knows go on, and changes are refused with
 * {@code ! that cannot be saved right now, try again}. Each run of Parley has a Vert.x of its own,
 * as a process would.
 */
class LastingPolicyTest {
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final ChatClients clients = new ChatClients();
  @TempDir Path dir;

  private ParleyConfig sqlite() {
    return TestServer.config(
        "limits.linesPerSecond",
        0,
        "store.kind",
        "sqlite",
        "store.sqlite.path",
        dir.resolve("parley.db").toString());
  }

  private static ParleyConfig postgres(PostgresServer db) {
    return TestServer.config(
        "limits.linesPerSecond",
        0,
        "store.kind",
        "postgres",
        "store.postgres.url",
        db.jdbcUrl(),
        "store.postgres.user",
        db.user());
  }

  private ChatClient login(int port, String name) {
    ChatClient client = clients.connect(port);
    client.expect("* welcome to parley, what is your name?");
    client.say(name);
    client.expect("* " + name + " is registered, what is its password?");
    client.say(PASSWORD);
    client.expect("* you are " + name);
    client.expectStartsWith("* online (");
    return client;
  }

  /** alice registers, opens #ops (its first operator), sets its topic, bans bob, mutes carol. */
  private void moderate(int port) {
    ChatClient alice = clients.join(port, "alice");
    alice.say("/register " + PASSWORD);
    alice.expect("* alice is registered: from now on give your password after your name");
    ChatClient bob = clients.join(port, "bob");
    bob.say("/register " + PASSWORD);
    bob.expect("* bob is registered: from now on give your password after your name");
    alice.say("/join ops");
    alice.readUntil("* you are an operator of #ops");
    alice.say("/topic deploys only");
    alice.expect("* alice set the topic: deploys only");
    alice.say("/ban bob abuse");
    alice.expect("* bob is banned from #ops");
    ChatClient carol = clients.join(port, "carol");
    carol.say("/join ops");
    carol.readUntil("* online (2): alice, carol");
    alice.readUntil("* carol has arrived");
    alice.say("/mute carol");
    alice.expect("* carol was muted by alice");
    carol.readUntil("* carol was muted by alice");
  }

  /** After the restart: the same accounts, operator, topic, ban and mute. */
  private void checkKept(int port) {
    ChatClient alice = login(port, "alice");
    alice.say("/join ops");
    alice.expect("* now in #ops");
    alice.expect("* topic: deploys only");
    alice.expect("* online (1): alice");
    alice.say("/bans");
    alice.expect("* bans of #ops (1): bob (by alice: abuse)");
    ChatClient bob = login(port, "bob");
    bob.say("/join ops");
    bob.expect("! you are banned from #ops: abuse");
    ChatClient carol = clients.join(port, "carol");
    carol.say("/join ops");
    carol.readUntil("* online (2): alice, carol");
    carol.say("anyone?");
    carol.expect("! you are muted in #ops");
    alice.say("/topic changed by the operator");
    alice.readUntil("* alice set the topic: changed by the operator");
  }

  @Test
  void theSqliteFileKeepsAccountsOperatorsTopicsBansAndMutes() throws Exception {
    Vertx first = Vertx.vertx();
    try {
      Parley parley = TestServer.start(first, sqlite());
      moderate(parley.port());
      parley.close().await(30, TimeUnit.SECONDS);
    } finally {
      first.close().await(30, TimeUnit.SECONDS);
    }
    Vertx second = Vertx.vertx();
    try {
      checkKept(TestServer.start(second, sqlite()).port());
    } finally {
      second.close().await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void postgresKeepsThemAndItsOutageCostsChangesNotChat() throws Exception {
    try (PostgresServer db = PostgresServer.start()) {
      Vertx first = Vertx.vertx();
      try {
        Parley parley = TestServer.start(first, postgres(db));
        moderate(parley.port());
        parley.close().await(30, TimeUnit.SECONDS);
      } finally {
        first.close().await(30, TimeUnit.SECONDS);
      }
      Vertx second = Vertx.vertx();
      try {
        int port = TestServer.start(second, postgres(db)).port();
        checkKept(port);

        db.stop();
        // alice is known to this node: she logs in, chats, but cannot change what lasts.
        ChatClient alice = login(port, "alice");
        alice.say("/join ops");
        alice.readUntil("* online (2): carol, alice");
        alice.say("still chatting");
        alice.readUntil("alice: still chatting");
        alice.say("/topic while the database is away");
        alice.expect("! that cannot be saved right now, try again");
        alice.say("/topic");
        alice.expect("* topic of #ops: changed by the operator");
        ChatClient dave = clients.join(port, "dave");
        dave.say("/register " + PASSWORD);
        dave.expect("! that cannot be saved right now, try again");
        dave.say("hello from a guest");
        dave.expect("dave: hello from a guest");

        db.startAgain();
        // The pool connects again within seconds; until then a change is refused as before.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String answer;
        do {
          dave.say("/register " + PASSWORD);
          answer = dave.nextLine();
        } while (answer.equals("! that cannot be saved right now, try again")
            && System.nanoTime() < deadline);
        assertEquals(
            "* dave is registered: from now on give your password after your name", answer);
        alice.say("/topic after the outage");
        alice.expect("* alice set the topic: after the outage");
      } finally {
        second.close().await(30, TimeUnit.SECONDS);
      }
    }
  }
}
