package dev.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rooms' rules without Vert.x: {@link Rooms} fed calls directly, its events collected in a
 * list.
 */
class RoomRulesTest {
  private final EventLog log = new EventLog();
  private final List<RoomEvent> events = log.events;

  private Rooms rooms(Object... settings) {
    return log.rooms(settings);
  }

  private static Entered join(Rooms rooms, String name) {
    return rooms.join("s-" + name, "n1", name, MemberKind.TCP, 0);
  }

  @Test
  void aMoveIsADepartureThenAnArrivalAndTheSequenceGoesOnAcrossRooms() {
    Rooms rooms = rooms();
    Entered alice = join(rooms, "alice");
    assertEquals("#lobby", alice.room());
    Moved moved = rooms.move("s-alice", "ops");

    assertEquals("#ops", moved.room());
    assertEquals(List.of("alice"), moved.roster());
    Left left = (Left) events.get(1);
    Arrived arrived = (Arrived) events.get(2);
    assertEquals("#lobby", left.room());
    assertEquals("joined #ops", left.reason());
    assertEquals("#ops", arrived.room());
    assertEquals(List.of(1L, 2L, 3L), events.stream().map(RoomEvent::seq).toList());
    assertEquals(left.seq(), moved.leftSeq());
    assertEquals(arrived.seq(), moved.seq());
  }

  @Test
  void aSnapshotKeepsEveryMemberInItsRoomAndTheRoomsInArrivalOrder() {
    Rooms rooms = rooms();
    join(rooms, "alice");
    join(rooms, "bob");
    join(rooms, "carol");
    rooms.move("s-carol", "Ops");
    rooms.move("s-alice", "ops");
    rooms.say("s-alice", 1, "hi");

    Rooms continued = log.from(rooms.snapshot());
    assertEquals(rooms.seq(), continued.seq());
    assertEquals(
        List.of("carol", "alice"),
        continued.roster("s-alice").stream().map(e -> e.name()).toList());
    assertEquals(List.of("bob"), continued.roster("s-bob").stream().map(e -> e.name()).toList());
    assertEquals(
        List.of(new RoomList.RoomCount("#Ops", 2), new RoomList.RoomCount("#lobby", 1)),
        continued.rooms("s-bob").rooms());
    // alice's next line is 2: the line she sent in #Ops is not ordered twice.
    assertEquals(null, continued.say("s-alice", 1, "hi"));
  }

  @Test
  void theLargeRoomRuleCountsTheRoomWithTheNewcomerAndBeforeTheDeparture() {
    Rooms rooms = rooms("rooms.quietAbove", 2);
    join(rooms, "a");
    join(rooms, "b");
    Entered c = join(rooms, "c");
    List<Boolean> announced = new ArrayList<>();
    for (RoomEvent e : events) {
      announced.add(((Arrived) e).announced());
    }
    assertEquals(List.of(true, true, false), announced);
    assertEquals(3, c.total());

    rooms.leave("s-c", "");
    assertFalse(((Left) events.get(3)).announced(), "a departure from 3 is not announced");
    rooms.leave("s-b", "");
    assertTrue(((Left) events.get(4)).announced(), "a departure from 2 is");
  }

  @Test
  void theRosterOnEnteringALargeRoomListsTheFirstHundred() {
    Rooms rooms = rooms("rooms.quietAbove", 5);
    for (int i = 0; i < 120; i++) {
      join(rooms, "m" + i);
    }
    Entered last = join(rooms, "last");
    assertEquals(121, last.total());
    assertEquals(Rooms.LARGE_ROSTER_NAMES, last.roster().size());
    assertEquals("m0", last.roster().get(0));
    assertEquals(121, rooms.roster("s-last").size());
  }

  @Test
  void theRoomLimitCountsRoomsWithMembersButNotTheOneAMoveEmpties() {
    Rooms rooms = rooms("rooms.maxRooms", 2);
    join(rooms, "a");
    join(rooms, "b");
    join(rooms, "c");
    rooms.move("s-a", "one");
    RoomException refused = assertThrows(RoomException.class, () -> rooms.move("s-b", "two"));
    assertEquals(ErrorCode.TOO_MANY_ROOMS, refused.code());
    rooms.move("s-a", "two");
    assertEquals(
        List.of(new RoomList.RoomCount("#lobby", 2), new RoomList.RoomCount("#two", 1)),
        rooms.rooms("s-a").rooms());
  }

  @Test
  void aRoomOfConfusableNameIsTheSameRoom() {
    Rooms rooms = rooms();
    join(rooms, "a");
    join(rooms, "b");
    rooms.move("s-a", "#ops");
    assertEquals("#ops", rooms.move("s-b", "#\u043eps").room());
    RoomException own = assertThrows(RoomException.class, () -> rooms.move("s-b", "OPS"));
    assertEquals("you are already in #ops", own.getMessage());
  }
}
