package dev.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.node.RoomMirror;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import dev.parley.values.RosterEntry;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A bus member holds one name and may be in many rooms at once: {@link Rooms} without Vert.x. */
class BusMembershipsTest {
  private final EventLog log = new EventLog();
  private final List<RoomEvent> events = log.events;

  private Rooms rooms(Object... settings) {
    return log.rooms(settings);
  }

  private static List<String> names(List<RosterEntry> roster) {
    return roster.stream().map(RosterEntry::name).toList();
  }

  private static String describe(RoomEvent e) {
    if (e instanceof Arrived a) {
      return a.room() + " arrived " + a.name();
    } else if (e instanceof Left l) {
      return l.room() + " left " + l.name() + (l.reason().isEmpty() ? "" : " (" + l.reason() + ")");
    } else if (e instanceof Chat c) {
      return c.room() + " " + c.name() + ": " + c.text();
    }
    return e.toString();
  }

  @Test
  void aBusMemberJoinsAnyRoomAndEntersMoreUnderTheSameName() {
    Rooms rooms = rooms();
    rooms.join("s-alice", "n1", "alice", MemberKind.TCP, 0);
    Entered joined = rooms.join("bot", "n1", "bot", MemberKind.BUS, 0, "ops");
    assertEquals("#ops", joined.room());
    assertEquals(List.of("bot"), joined.roster());
    Entered lobby = rooms.enter("bot", "#Lobby");
    assertEquals("#lobby", lobby.room());
    assertEquals(List.of("alice", "bot"), lobby.roster());

    assertEquals(List.of("bot"), names(rooms.rosterOf("#OPS")));
    assertEquals(List.of("alice", "bot"), names(rooms.rosterOf(null)));
    assertEquals(List.of(), names(rooms.rosterOf("#nobody-here")));
    RoomException again = assertThrows(RoomException.class, () -> rooms.enter("bot", "\u043eps"));
    assertEquals(ErrorCode.BAD_REQUEST, again.code());
    assertEquals("you are already in #ops", again.getMessage());
    RoomException tcp = assertThrows(RoomException.class, () -> rooms.enter("s-alice", "ops"));
    assertEquals(ErrorCode.BAD_REQUEST, tcp.code());
  }

  @Test
  void aBusMemberSaysInTheRoomItNamesAndMustNameItWhenInSeveral() {
    Rooms rooms = rooms();
    rooms.join("bot", "n1", "bot", MemberKind.BUS, 0, null);
    assertEquals("#lobby", rooms.say("bot", null, "one room").room());
    rooms.enter("bot", "ops");

    RoomException which = assertThrows(RoomException.class, () -> rooms.say("bot", null, "x"));
    assertEquals(ErrorCode.BAD_REQUEST, which.code());
    assertEquals("in 2 rooms: name the room", which.getMessage());
    assertEquals("#ops", rooms.say("bot", "OPS", "in ops").room());
    RoomException notIn = assertThrows(RoomException.class, () -> rooms.say("bot", "dev", "x"));
    assertEquals(ErrorCode.NOT_A_MEMBER, notIn.code());
    assertEquals("not in #dev", notIn.getMessage());
    RoomException bad = assertThrows(RoomException.class, () -> rooms.say("bot", "#", "x"));
    assertEquals(ErrorCode.INVALID_NAME, bad.code());
  }

  @Test
  void leavingOneRoomKeepsTheNameAndLeavingAllFreesIt() {
    Rooms rooms = rooms();
    rooms.join("bot", "n1", "bot", MemberKind.BUS, 0, null);
    rooms.enter("bot", "ops");
    rooms.leaveRoom("bot", "#lobby", "later");
    rooms.leaveRoom("bot", "ops", "");
    RoomException taken =
        assertThrows(RoomException.class, () -> rooms.join("s-b", "n1", "BOT", MemberKind.TCP, 0));
    assertEquals(ErrorCode.NAME_TAKEN, taken.code());
    RoomException none = assertThrows(RoomException.class, () -> rooms.say("bot", null, "x"));
    assertEquals(ErrorCode.NOT_A_MEMBER, none.code());
    assertEquals("not in any room", none.getMessage());

    rooms.enter("bot", "ops");
    rooms.leave("bot", "bye");
    rooms.join("s-b", "n1", "BOT", MemberKind.TCP, 0);
    assertEquals(
        List.of(
            "#lobby arrived bot",
            "#ops arrived bot",
            "#lobby left bot (later)",
            "#ops left bot",
            "#ops arrived bot",
            "#ops left bot (bye)",
            "#lobby arrived BOT"),
        events.stream().map(BusMembershipsTest::describe).toList());
  }

  @Test
  void aKickAndALostNodeTakeABusMemberOutOfEveryRoom() {
    Rooms rooms = rooms();
    rooms.join("bot", "n2", "bot", MemberKind.BUS, 0, "ops");
    rooms.enter("bot", "dev");
    rooms.join("other", "n1", "other", MemberKind.BUS, 0, "ops");
    rooms.enter("other", "dev");
    assertEquals("bot", rooms.kick("BOT", "spam"));
    rooms.removeMembersOfNodesNotIn(Set.of("n2"));
    assertEquals(
        List.of(
            "#ops left bot (kicked: spam)",
            "#dev left bot (kicked: spam)",
            "#ops left other (connection lost)",
            "#dev left other (connection lost)"),
        events.subList(4, events.size()).stream().map(BusMembershipsTest::describe).toList());
    assertEquals(0, rooms.occupied(), "no room has members left");
  }

  @Test
  void theRoomLimitCountsTheRoomsABusMemberOpens() {
    Rooms rooms = rooms("rooms.maxRooms", 2);
    rooms.join("bot", "n1", "bot", MemberKind.BUS, 0, "one");
    rooms.enter("bot", "two");
    RoomException full = assertThrows(RoomException.class, () -> rooms.enter("bot", "three"));
    assertEquals(ErrorCode.TOO_MANY_ROOMS, full.code());
    rooms.enter("bot", "#lobby");
  }

  @Test
  void aSnapshotAndANodesCopyKeepABusMemberInEachOfItsRooms() {
    Rooms rooms = rooms();
    RoomMirror mirror = new RoomMirror(100, 3_600_000);
    mirror.reset(rooms.snapshot());
    rooms.join("s-alice", "n1", "alice", MemberKind.TCP, 0);
    rooms.join("bot", "n1", "bot", MemberKind.BUS, 0, "ops");
    rooms.enter("bot", "#lobby");
    rooms.say("bot", "ops", "hello ops");
    rooms.leaveRoom("bot", "ops", "");
    rooms.enter("bot", "dev");
    events.forEach(mirror::apply);

    for (RoomSnapshot snapshot : List.of(rooms.snapshot(), mirror.snapshot())) {
      Rooms continued = log.from(snapshot);
      assertEquals(List.of("alice", "bot"), names(continued.rosterOf("lobby")));
      assertEquals(List.of("bot"), names(continued.rosterOf("dev")));
      assertEquals(List.of(), names(continued.rosterOf("ops")));
      assertEquals("#dev", continued.say("bot", "dev", "still here").room());
      continued.leave("bot", "");
      assertEquals(List.of("alice"), names(continued.rosterOf("lobby")));
      assertEquals(List.of(), names(continued.rosterOf("dev")));
    }
  }

  /**
   * A numbered line (an IRC client's, sent again after a request that went unanswered) is ordered
   * once: here, and on the node that continues the rooms from a snapshot or from its copy,
   * whichever of the member's rooms the last line was in.
   */
  @Test
  void aNumberedLineSentAgainIsOrderedOnceHereAndWhereTheRoomsContinue() {
    Rooms rooms = rooms();
    RoomMirror mirror = new RoomMirror(100, 3_600_000);
    mirror.reset(rooms.snapshot());
    rooms.join("irc", "n1", "eve", MemberKind.IRC, 0, "ops");
    rooms.enter("irc", "#lobby");
    assertEquals("hello ops", rooms.say("irc", "ops", "hello ops", 1, false).text());
    assertEquals(null, rooms.say("irc", "ops", "hello ops", 1, false));
    assertEquals("hello lobby", rooms.say("irc", "lobby", "hello lobby", 2, false).text());
    assertEquals(null, rooms.say("irc", "lobby", "hello lobby", 2, false));
    events.forEach(mirror::apply);

    for (RoomSnapshot snapshot : List.of(rooms.snapshot(), mirror.snapshot())) {
      Rooms continued = log.from(snapshot);
      assertEquals(null, continued.say("irc", "lobby", "hello lobby", 2, false));
      assertEquals(null, continued.say("irc", "ops", "hello ops", 1, false));
      assertEquals("next", continued.say("irc", "ops", "next", 3, false).text());
    }
    assertEquals(
        List.of("#ops eve: hello ops", "#lobby eve: hello lobby"),
        events.stream()
            .filter(e -> e instanceof Chat)
            .map(BusMembershipsTest::describe)
            .toList()
            .subList(0, 2));
  }
}
