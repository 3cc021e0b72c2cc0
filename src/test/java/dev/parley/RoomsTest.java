package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.MemberLeft;
import dev.parley.api.RoomClient;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ManualTimeSource;
import dev.parley.test.RoomEvents;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md section 9: rooms, each row over a real socket, with the exact lines. */
@ExtendWith(VertxExtension.class)
class RoomsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private int start(Vertx vertx, Object... settings) {
    return TestServer.start(vertx, TestServer.config(settings)).port();
  }

  @Test
  void aNewcomerIsInTheDefaultRoom(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");

    alice.say("/rooms");
    alice.expect("* rooms (1): #lobby (1)");
  }

  @Test
  void aNewcomerIsInTheConfiguredDefaultRoom(Vertx vertx) {
    int port = start(vertx, "rooms.default", "#Hall");
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");

    bob.say("/rooms");
    bob.expect("* rooms (1): #Hall (2)");
    bob.say("/join lobby");
    bob.expect("* now in #lobby").expect("* online (1): bob");
    alice.expect("* bob has left (joined #lobby)");
  }

  @Test
  void joiningMovesToTheRoomAndEachRoomSeesItsLines(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    alice.expect("* bob has arrived").expect("* carol has arrived");
    bob.expect("* carol has arrived");

    alice.say("/join ops");
    alice.expect("* now in #ops");
    alice.expect("* online (1): alice");
    bob.expect("* alice has left (joined #ops)");
    carol.expect("* alice has left (joined #ops)");

    bob.say("/join #ops");
    bob.expect("* now in #ops");
    bob.expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");
    carol.expect("* bob has left (joined #ops)");

    // Two users meet in #ops while a third stays in #lobby.
    alice.say("hi bob");
    alice.expect("alice: hi bob");
    bob.expect("alice: hi bob");
    carol.say("anyone?");
    carol.expect("carol: anyone?");
    bob.say("only us");
    bob.expect("bob: only us");
    alice.expect("bob: only us");
  }

  @Test
  void linesAroundAMoveGoToTheRoomTheSenderWasIn(Vertx vertx) {
    int port = start(vertx, "limits.linesPerSecond", 0);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    alice.expect("* bob has arrived").expect("* carol has arrived");
    bob.expect("* carol has arrived");
    move(carol, "ops", "* now in #ops", "* online (1): carol");
    alice.expect("* carol has left (joined #ops)");
    bob.expect("* carol has left (joined #ops)");

    // Sent in one write: five lines, the move, five more.
    StringBuilder burst = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      burst.append("before ").append(i).append('\n');
    }
    burst.append("/join ops\n");
    for (int i = 0; i < 5; i++) {
      burst.append("after ").append(i).append('\n');
    }
    alice.sendRaw(burst.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));

    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      expected.add("alice: before " + i);
    }
    expected.add("* now in #ops");
    expected.add("* online (2): carol, alice");
    for (int i = 0; i < 5; i++) {
      expected.add("alice: after " + i);
    }
    assertEquals(expected, alice.read(expected.size()));
    for (int i = 0; i < 5; i++) {
      bob.expect("alice: before " + i);
    }
    bob.expect("* alice has left (joined #ops)");
    carol.expect("* alice has arrived");
    for (int i = 0; i < 5; i++) {
      carol.expect("alice: after " + i);
    }
    // Nothing more reached bob from #ops.
    bob.say("/who");
    bob.expect("* online (1): bob");
  }

  @Test
  void whoListsOnlyTheOwnRoomAndMsgReachesAnyRoom(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
    bob.say("/join ops").expect("* now in #ops").expect("* online (1): bob");
    alice.expect("* bob has left (joined #ops)");

    alice.say("/who");
    alice.expect("* online (1): alice");
    bob.say("/who");
    bob.expect("* online (1): bob");

    alice.say("/msg bob psst");
    alice.expect("(private to bob) alice: psst");
    bob.expect("(private) alice: psst");
  }

  @Test
  void aRenameIsSeenOnlyInTheRenamedMembersRoom(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    alice.expect("* bob has arrived").expect("* carol has arrived");
    bob.expect("* carol has arrived");
    move(carol, "ops", "* now in #ops", "* online (1): carol");
    alice.expect("* carol has left (joined #ops)");
    bob.expect("* carol has left (joined #ops)");

    alice.say("/nick alicia");
    alice.expect("* alice is now known as alicia");
    bob.expect("* alice is now known as alicia");
    // carol, in #ops, is not told: the next line she receives is her own chat line.
    carol.say("anyone?");
    carol.expect("carol: anyone?");
    // The new name is server-wide all the same.
    carol.say("/msg alicia psst");
    carol.expect("(private to alicia) carol: psst");
    alice.expect("(private) carol: psst");
  }

  @Test
  void namesAreUniqueAcrossRooms(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    alice.say("/join ops").expect("* now in #ops").expect("* online (1): alice");

    ChatClient other = clients.connect(port);
    other.expect("* welcome to parley, what is your name?");
    other.say("Alice");
    other.expect("! name \"Alice\" is too like \"alice\", which is taken");
    other.expect("* what is your name?");
    other.say("bob");
    other.expect("* you are bob");
    other.expect("* online (1): bob");
    other.say("/nick alice");
    other.expect("! name \"alice\" is taken");
  }

  @Test
  void roomNamesThatWouldCollideAsNamesAreOneRoom(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    move(alice, "#Ops", "* now in #Ops", "* online (1): alice");

    move(bob, "#\uff4f\uff50\uff53", "* now in #Ops", "* online (2): alice, bob");
    // A Cyrillic о looks like the Latin o: the same room.
    move(carol, "#\u043eps", "* now in #Ops", "* online (3): alice, bob, carol");
    alice.expect("* bob has arrived").expect("* carol has arrived");
  }

  @Test
  void aBadRoomNameOrTheOwnRoomMovesNothing(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");

    alice.say("/join #lobby");
    alice.expect("! you are already in #lobby");
    alice.say("/join LOBBY");
    alice.expect("! you are already in #lobby");
    alice.say("/join #");
    alice.expect("! bad room name \"#\": it has no name");
    alice.say("/join -ops");
    alice.expect("! bad room name \"-ops\": name must start with a letter or a digit");
    alice.say("/join #a" + "b".repeat(32));
    alice.expect(
        "! bad room name \"#a" + "b".repeat(32) + "\": name is too long (at most 32 characters)");
    alice.say("/join");
    alice.expect("! usage: /join ROOM");
    alice.say("/join two words");
    alice.expect("! usage: /join ROOM");
    alice.say("/rooms");
    alice.expect("* rooms (1): #lobby (1)");
  }

  @Test
  void aRoomNameHasAtMost32CodePointsCountedInNfc(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    alice.expect("* bob has arrived").expect("* carol has arrived");
    bob.expect("* carol has arrived");
    // 32 code points of 2, 3 and 4 bytes; U+20000 is a CJK letter outside the BMP (two chars).
    String ext = Character.toString(0x20000);
    String name = "\u00e9" + "\u65e5".repeat(15) + ext.repeat(16);

    alice.say("/join #" + name);
    alice.expect("* now in #" + name);
    alice.expect("* online (1): alice");
    bob.expect("* alice has left (joined #" + name + ")");
    // Typed with e and a combining acute, 33 code points: 32 in NFC, and the same room.
    bob.say("/join #e\u0301" + "\u65e5".repeat(15) + ext.repeat(16));
    bob.expect("* now in #" + name);
    bob.expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");
    // 33 code points in NFC: refused, and carol stays in #lobby.
    carol.expect("* alice has left (joined #" + name + ")");
    carol.expect("* bob has left (joined #" + name + ")");
    carol.say("/join #" + name + ext);
    carol.expect(
        "! bad room name \"#" + name + ext + "\": name is too long (at most 32 characters)");
    carol.say("/who");
    carol.expect("* online (1): carol");
  }

  @Test
  void roomsListsTheLargestFirstAndEqualCountsByName(Vertx vertx) {
    int port = start(vertx);
    ChatClient a = clients.join(port, "a1");
    ChatClient b = clients.join(port, "b1");
    ChatClient c = clients.join(port, "c1");
    ChatClient d = clients.join(port, "d1");
    ChatClient e = clients.join(port, "e1");
    move(b, "Zeta", "* now in #Zeta", "* online (1): b1");
    move(c, "zeta", "* now in #Zeta", "* online (2): b1, c1");
    move(d, "alpha", "* now in #alpha", "* online (1): d1");
    move(e, "Beta", "* now in #Beta", "* online (1): e1");

    a.say("/rooms");
    // #Zeta has 2; #alpha, #Beta and #lobby 1 each, by case-folded name.
    assertEquals("* rooms (4): #Zeta (2), #alpha (1), #Beta (1), #lobby (1)", lastRooms(a));
  }

  @Test
  void roomsTakesNoArgument(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");

    alice.say("/rooms all");
    alice.expect("! usage: /rooms");
    alice.say("/rooms #lobby");
    alice.expect("! usage: /rooms");
    alice.say("/ROOMS");
    alice.expect("* rooms (1): #lobby (1)");
  }

  /**
   * Sends {@code /join room}, skips the notices that came before (others arriving or moving), and
   * checks the two lines of the move.
   */
  private static void move(ChatClient client, String room, String nowIn, String roster) {
    client.say("/join " + room);
    while (!client.nextLine().equals(nowIn)) {
      // a notice from before the move
    }
    client.expect(roster);
  }

  /** Reads lines until the {@code /rooms} answer; skips the notices of others moving. */
  private static String lastRooms(ChatClient client) {
    while (true) {
      String line = client.nextLine();
      if (line.startsWith("* rooms (")) {
        return line;
      }
    }
  }

  @Test
  void roomsListsAtMostFiftyAndCountsThemAll(Vertx vertx) {
    int port = start(vertx, "limits.maxConnectionsPerAddress", 0);
    ChatClient watcher = clients.join(port, "watcher");
    List<ChatClient> movers = new ArrayList<>();
    for (int i = 0; i < 52; i++) {
      ChatClient m = clients.join(port, "m" + i);
      String room = String.format("#r%02d", i);
      m.say("/join " + room).expect("* now in " + room).expect("* online (1): m" + i);
      movers.add(m);
    }
    watcher.say("/rooms");
    String line = lastRooms(watcher);
    List<String> expected = new ArrayList<>();
    expected.add("#lobby (1)");
    for (int i = 0; i < 49; i++) {
      expected.add(String.format("#r%02d (1)", i));
    }
    assertEquals("* rooms (53): " + String.join(", ", expected), line);
  }

  @Test
  void aRoomClosesWhenEmptyAndTheDefaultRoomNever(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    alice.say("/join ops").expect("* now in #ops").expect("* online (1): alice");

    // The empty default room is not listed, and is still there.
    alice.say("/rooms");
    alice.expect("* rooms (1): #ops (1)");
    alice.say("/join lobby").expect("* now in #lobby").expect("* online (1): alice");
    alice.say("/rooms");
    alice.expect("* rooms (1): #lobby (1)");

    // #ops closed with its last member; it opens again with a new spelling.
    alice.say("/join OPS").expect("* now in #OPS").expect("* online (1): alice");
  }

  @Test
  void aRoomClosesWhenItsLastMemberQuitsOrDisconnects(Vertx vertx) throws Exception {
    int port = start(vertx);
    // Nobody is left in the room to see the last departure: a service on the event bus sees it,
    // and tells the test when the rooms have taken it.
    RoomEvents events = RoomEvents.subscribe(RoomClient.create(vertx));
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    move(bob, "ops", "* now in #ops", "* online (1): bob");
    move(carol, "dev", "* now in #dev", "* online (1): carol");
    alice.expect("* bob has arrived").expect("* carol has arrived");
    alice.expect("* bob has left (joined #ops)").expect("* carol has left (joined #dev)");
    alice.say("/rooms");
    alice.expect("* rooms (3): #dev (1), #lobby (1), #ops (1)");

    bob.say("/quit done");
    bob.expect("* bye");
    bob.expectClosed();
    assertEquals("done", departure(events, "bob", "#ops"));
    alice.say("/rooms");
    alice.expect("* rooms (2): #dev (1), #lobby (1)");

    carol.close();
    assertEquals("", departure(events, "carol", "#dev"));
    alice.say("/rooms");
    alice.expect("* rooms (1): #lobby (1)");
    // #dev is gone, not just unlisted: it opens again with the spelling of the next /join.
    alice.say("/join DEV");
    alice.expect("* now in #DEV");
    alice.expect("* online (1): alice");
  }

  /**
   * Waits until a service on the event bus sees {@code name} leave {@code room}, skipping other
   * events.
   *
   * @return the departure's reason, empty for none
   */
  private static String departure(RoomEvents events, String name, String room)
      throws InterruptedException {
    while (true) {
      MemberLeft left = events.nextLeft();
      if (left.name().equals(name) && left.room().equals(room)) {
        return left.reason();
      }
    }
  }

  @Test
  void theRoomLimitRefusesANewRoomButNotAnExistingOneOrTheDefault(Vertx vertx) {
    int port = start(vertx, "rooms.maxRooms", 2);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    move(bob, "ops", "* now in #ops", "* online (1): bob");

    // #lobby and #ops have members: a third room is refused.
    carol.say("/join dev");
    carol.expect("* bob has left (joined #ops)");
    carol.expect("! too many rooms, join an existing one");
    move(carol, "ops", "* now in #ops", "* online (2): bob, carol");
    // The room a move empties does not count: alice leaves #lobby empty.
    move(alice, "dev", "* now in #dev", "* online (1): alice");
    // Back to the empty default room: alice's move empties #dev, so the count drops anyway
    // (joiningTheEmptyDefaultRoomIsNeverRefused tests the default room's own exception).
    move(alice, "lobby", "* now in #lobby", "* online (1): alice");
  }

  @Test
  void joiningTheEmptyDefaultRoomIsNeverRefused(Vertx vertx) {
    int port = start(vertx, "rooms.maxRooms", 2);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    move(alice, "ops", "* now in #ops", "* online (1): alice");
    move(bob, "ops", "* now in #ops", "* online (2): alice, bob");
    alice.expect("* bob has arrived");
    // carol's move empties #lobby, so it does not count: #ops and #dev are the two rooms.
    move(carol, "dev", "* now in #dev", "* online (1): carol");

    // The limit is reached and alice's move would leave bob in #ops: a new room is refused...
    alice.say("/join new");
    alice.expect("! too many rooms, join an existing one");
    // ...but the empty default room is not, and makes a third room with members.
    alice.say("/join lobby");
    alice.expect("* now in #lobby");
    alice.expect("* online (1): alice");
    bob.expect("* alice has left (joined #lobby)");
    alice.say("/rooms");
    alice.expect("* rooms (3): #dev (1), #lobby (1), #ops (1)");
  }

  @Test
  void aLargeRoomAnnouncesNoArrivalsAndCapsTheRosterButNotWho(Vertx vertx) {
    int port = start(vertx, "rooms.quietAbove", 3);
    ChatClient first = clients.join(port, "u0");
    List<ChatClient> all = new ArrayList<>(List.of(first));
    for (int i = 1; i < 3; i++) {
      all.add(clients.join(port, "u" + i));
    }
    first.expect("* u1 has arrived").expect("* u2 has arrived");
    // The fourth makes the room large: not announced; it sees the capped form of the roster
    // (every name still fits under 100, so nothing is left out).
    ChatClient u3 = clients.connect(port);
    u3.expect("* welcome to parley, what is your name?");
    u3.say("u3");
    u3.expect("* you are u3");
    u3.expect("* online (4): u0, u1, u2, u3");
    // A rename is announced to everyone in a large room, the member included.
    all.get(1).say("/nick uno");
    all.get(1).readUntil("* u1 is now known as uno");
    first.expect("* u1 is now known as uno");
    u3.expect("* u1 is now known as uno");
    // Its departure from a room of 4 is not announced either; u2's from a room of 3 is.
    u3.say("/quit");
    u3.expect("* bye");
    all.get(2).say("/quit");
    first.expect("* u2 has left");
    first.say("/who");
    first.expect("* online (2): u0, uno");
  }

  @Test
  void aLargeRoomListsTheFirstHundredOnEntering(Vertx vertx) {
    int port = start(vertx, "rooms.quietAbove", 2, "limits.maxConnectionsPerAddress", 0);
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 102; i++) {
      clients.join(port, "n" + i);
      names.add("n" + i);
    }
    ChatClient late = clients.connect(port);
    late.expect("* welcome to parley, what is your name?");
    late.say("late");
    late.expect("* you are late");
    late.expect("* online (103): " + String.join(", ", names.subList(0, 100)) + ", … (3 more)");
    late.say("/who");
    names.add("late");
    late.expect("* online (103): " + String.join(", ", names));
    // Renames are announced even in a large room.
    late.say("/nick later");
    late.expect("* late is now known as later");
  }

  @Test
  void movingIntoOrOutOfALargeRoomIsNotAnnounced(Vertx vertx) {
    ManualTimeSource time = new ManualTimeSource(); // 2023-11-14 22:13:20 UTC
    int port = TestServer.start(vertx, TestServer.config("rooms.quietAbove", 2), time).port();
    ChatClient u0 = clients.join(port, "u0");
    ChatClient mover = clients.join(port, "mover");
    u0.expect("* mover has arrived");
    move(mover, "ops", "* now in #ops", "* online (1): mover");
    u0.expect("* mover has left (joined #ops)");
    ChatClient u1 = clients.join(port, "u1");
    u0.expect("* u1 has arrived");
    u0.say("before");
    u0.expect("u0: before");
    u1.expect("u0: before");

    // With the mover, #lobby has 3 members, more than 2: the mover still gets its own lines, the
    // whole roster (no name is left out, so no "more"), and the room's history.
    mover.say("/join lobby");
    mover.expect("* now in #lobby");
    mover.expect("* online (3): u0, u1, mover");
    mover.expect("* history (1):");
    mover.expect("[22:13] u0: before");
    // The members see no arrival: their next line is the mover's first one.
    mover.say("hi");
    mover.expect("mover: hi");
    u0.expect("mover: hi");
    u1.expect("mover: hi");

    // Leaving a room of 3 is silent too, for those who stay.
    mover.say("/join ops");
    mover.expect("* now in #ops");
    mover.expect("* online (1): mover");
    u0.say("still here");
    u0.expect("u0: still here");
    u1.expect("u0: still here");
    u1.say("/who");
    u1.expect("* online (2): u0, u1");
  }

  @Test
  void movingIntoALargeRoomListsTheFirstHundredAndHowManyMore(Vertx vertx) {
    int port = start(vertx, "rooms.quietAbove", 2, "limits.maxConnectionsPerAddress", 0);
    ChatClient mover = clients.join(port, "mover");
    move(mover, "ops", "* now in #ops", "* online (1): mover");
    List<String> names = new ArrayList<>();
    ChatClient n0 = clients.join(port, "n0");
    names.add("n0");
    for (int i = 1; i < 101; i++) {
      clients.join(port, "n" + i);
      names.add("n" + i);
    }
    // Only n1's arrival was announced: #lobby had at most 2 members then.
    n0.expect("* n1 has arrived");

    mover.say("/join lobby");
    mover.expect("* now in #lobby");
    mover.expect("* online (102): " + String.join(", ", names.subList(0, 100)) + ", … (2 more)");
    mover.say("hi all");
    mover.expect("mover: hi all");
    n0.expect("mover: hi all");
    mover.say("/who");
    names.add("mover");
    mover.expect("* online (102): " + String.join(", ", names));
  }
}
