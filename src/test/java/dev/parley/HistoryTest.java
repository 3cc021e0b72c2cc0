package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ManualTimeSource;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 10: history, each row over a real socket with the exact lines. The test clock
 * starts at 2023-11-14 22:13:20 UTC.
 */
@ExtendWith(VertxExtension.class)
class HistoryTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private final ManualTimeSource time = new ManualTimeSource();

  private int start(Vertx vertx, Object... settings) {
    return TestServer.start(vertx, TestServer.config(settings), time).port();
  }

  /** Connects, gives the name, and reads up to the roster line. */
  private ChatClient enter(int port, String name, String roster) {
    ChatClient client = clients.connect(port);
    client.expect("* welcome to parley, what is your name?");
    client.say(name);
    client.expect("* you are " + name);
    client.expect(roster);
    return client;
  }

  private static void says(ChatClient client, String... lines) {
    for (String line : lines) {
      client.say(line);
      client.expect(client.name() + ": " + line);
    }
  }

  @Test
  void aNewcomerSeesTheLastLinesAfterTheRosterOldestFirstInUtc(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    says(alice, "morning");
    time.advance(Duration.ofMinutes(107));
    says(alice, "anyone here?");

    ChatClient bob = enter(port, "bob", "* online (2): alice, bob");
    bob.expect("* history (2):");
    bob.expect("[22:13] alice: morning");
    bob.expect("[00:00] alice: anyone here?");
    alice.expect("* bob has arrived");

    // Live lines follow the replay, without the marker.
    alice.say("hi bob");
    bob.expect("alice: hi bob");
  }

  @Test
  void nothingIsReplayedFromARoomWithoutHistory(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = enter(port, "alice", "* online (1): alice");
    alice.say("/who");
    alice.expect("* online (1): alice");
  }

  @Test
  void theReplayIsCappedAtOnJoinAndOffAtZero(Vertx vertx) {
    int port = start(vertx, "history.onJoin", 2);
    ChatClient alice = clients.join(port, "alice");
    says(alice, "one", "two", "three");

    ChatClient bob = enter(port, "bob", "* online (2): alice, bob");
    bob.expect("* history (2):");
    bob.expect("[22:13] alice: two");
    bob.expect("[22:13] alice: three");
  }

  @Test
  void onJoinZeroTurnsReplayOffButNotTheCommand(Vertx vertx) {
    int port = start(vertx, "history.onJoin", 0);
    ChatClient alice = clients.join(port, "alice");
    says(alice, "one");

    ChatClient bob = enter(port, "bob", "* online (2): alice, bob");
    bob.say("/who");
    bob.expect("* online (2): alice, bob");
    bob.say("/history");
    bob.expect("* history (1):");
    bob.expect("[22:13] alice: one");
  }

  @Test
  void joiningARoomReplaysItsHistoryAfterItsRoster(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");
    says(alice, "deploy at five");
    bob.expect("* alice has left (joined #ops)");
    says(bob, "lobby line");

    bob.say("/join ops");
    bob.expect("* now in #ops");
    bob.expect("* online (2): alice, bob");
    bob.expect("* history (1):");
    bob.expect("[22:13] alice: deploy at five");
    alice.expect("* bob has arrived");
  }

  @Test
  void historyGivesTheLastLinesOfTheOwnRoom(Vertx vertx) {
    int port = start(vertx, "limits.linesPerSecond", 0);
    ChatClient alice = clients.join(port, "alice");
    alice.say("/history");
    alice.expect("* history (0):");
    for (int i = 1; i <= 25; i++) {
      says(alice, "line " + i);
    }

    alice.say("/history 2");
    assertEquals(
        List.of("* history (2):", "[22:13] alice: line 24", "[22:13] alice: line 25"),
        alice.read(3));

    alice.say("/history");
    alice.expect("* history (20):");
    assertEquals("[22:13] alice: line 6", alice.nextLine());
    alice.readUntil("[22:13] alice: line 25");

    alice.say("/history 1000");
    alice.expect("* history (25):");
    alice.readUntil("[22:13] alice: line 25");

    // Another room has its own history.
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");
    alice.say("/history 5");
    alice.expect("* history (0):");
  }

  @Test
  void historyWithABadNumberGetsTheUsageLine(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    for (String bad : List.of("0", "1001", "-1", "abc", "2 3", "99999999999", "+5")) {
      alice.say("/history " + bad);
      alice.expect("! usage: /history [N], N from 1 to 1000");
    }
    alice.say("/history 1");
    alice.expect("* history (0):");
  }

  @Test
  void privateLinesNoticesAndCommandsAreNeverKept(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
    alice.say("/msg bob the password is swordfish");
    alice.expect("(private to bob) alice: the password is swordfish");
    bob.expect("(private) alice: the password is swordfish");
    bob.say("/nick robert");
    bob.expect("* bob is now known as robert");
    alice.expect("* bob is now known as robert");
    alice.say("//slash line");
    alice.expect("alice: /slash line");

    ChatClient carol = enter(port, "carol", "* online (3): alice, robert, carol");
    carol.expect("* history (1):");
    carol.expect("[22:13] alice: /slash line");
    carol.say("/who");
    carol.expect("* online (3): alice, robert, carol");
  }

  @Test
  void aLineKeepsTheNameItWasSaidUnder(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    says(alice, "before");
    alice.say("/nick alicia");
    alice.expect("* alice is now known as alicia");

    ChatClient bob = enter(port, "bob", "* online (2): alicia, bob");
    bob.expect("* history (1):");
    bob.expect("[22:13] alice: before");
  }

  @Test
  void linesOlderThanMaxAgeAreNotReplayed(Vertx vertx) {
    int port = start(vertx, "history.maxAgeSeconds", 60);
    ChatClient alice = clients.join(port, "alice");
    says(alice, "old news");
    time.advance(Duration.ofSeconds(61));
    says(alice, "fresh");

    ChatClient bob = enter(port, "bob", "* online (2): alice, bob");
    bob.expect("* history (1):");
    bob.expect("[22:14] alice: fresh");

    time.advance(Duration.ofSeconds(61));
    bob.say("/history");
    bob.expect("* history (0):");
  }

  @Test
  void aRoomKeepsAtMostMaxLines(Vertx vertx) {
    int port = start(vertx, "history.maxLines", 2, "history.onJoin", 2);
    ChatClient alice = clients.join(port, "alice");
    says(alice, "one", "two", "three");
    alice.say("/history 3");
    alice.expect("! usage: /history [N], N from 1 to 2");
    alice.say("/history 2");
    assertEquals(
        List.of("* history (2):", "[22:13] alice: two", "[22:13] alice: three"), alice.read(3));
  }

  @Test
  void anEmptiedRoomKeepsItsHistoryForWhenItOpensAgain(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");
    says(alice, "notes for later");
    alice.say("/join lobby");
    alice.expect("* now in #lobby").expect("* online (1): alice");
    alice.say("/rooms");
    alice.expect("* rooms (1): #lobby (1)");

    ChatClient bob = clients.join(port, "bob");
    bob.say("/join #OPS");
    bob.expect("* now in #OPS");
    bob.expect("* online (1): bob");
    bob.expect("* history (1):");
    bob.expect("[22:13] alice: notes for later");
  }
}
