package dev.parley.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.bus.RelayedEvent;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.Left;
import dev.parley.room.RoomEvent;
import dev.parley.values.MemberKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which events are a member's across a {@code /join} move, without Vert.x: the room's reply and its
 * events travel different paths, so either may come first.
 */
class RoomMembershipTest {
  private final RoomMembership me = new RoomMembership("s-me");

  private static RelayedEvent arrived(long seq, String room, String who) {
    return new RelayedEvent(
        new Arrived(seq, 0, room, who, "s-" + who, "n1", MemberKind.TCP, true), null);
  }

  private static RelayedEvent left(long seq, String room, String who, String reason) {
    return new RelayedEvent(new Left(seq, 0, room, who, reason, "s-" + who, true, false), null);
  }

  private static RelayedEvent chat(long seq, String room, String who, String text) {
    return new RelayedEvent(new Chat(seq, 0, room, who, text, "s-" + who, 0), null);
  }

  private static long seq(RelayedEvent e) {
    return ((RoomEvent) e.event()).seq();
  }

  @Test
  void whenTheReplyComesFirstTheOldRoomsEarlierEventsStillCountAndTheNewRoomsWait() {
    me.entered("#lobby", 1);
    me.moving();
    // The room ordered: carol arrives in #lobby (2), I leave #lobby (3) for #ops (4), bob speaks
    // in #ops (5). Its reply to my move comes before any of these events.
    assertEquals(List.of(), me.moved("#ops", 3, 4));
    assertTrue(me.awaitingDeparture());

    assertTrue(me.accept(arrived(2, "#lobby", "carol")), "before my departure: mine");
    assertFalse(me.accept(chat(5, "#ops", "bob", "hi")), "the new room waits for my departure");
    assertFalse(me.takeDeparted());
    assertFalse(me.accept(left(3, "#lobby", "me", "joined #ops")), "my own departure is not shown");
    assertTrue(me.takeDeparted());
    assertFalse(me.takeDeparted(), "once");
    assertFalse(me.awaitingDeparture());
    assertEquals(List.of(5L), me.takeWaiting().stream().map(RoomMembershipTest::seq).toList());
    assertEquals("#lobby", me.takeFinished());

    assertTrue(me.accept(chat(6, "#ops", "bob", "again")));
    assertFalse(me.accept(chat(7, "#lobby", "carol", "gone")), "after my departure: not mine");
  }

  @Test
  void whenTheEventsComeFirstNothingWaits() {
    me.entered("#lobby", 1);
    me.moving();
    assertTrue(me.accept(arrived(2, "#lobby", "carol")));
    assertFalse(me.accept(left(3, "#lobby", "me", "joined #ops")));
    assertFalse(me.accept(arrived(5, "#ops", "bob")), "kept until the reply says where I am");

    List<RelayedEvent> early = me.moved("#ops", 3, 4);

    assertFalse(me.awaitingDeparture());
    assertFalse(me.takeDeparted());
    assertEquals(List.of(5L), early.stream().map(RoomMembershipTest::seq).toList());
    assertTrue(me.accept(chat(6, "#ops", "bob", "hi")));
  }

  @Test
  void aLateDepartureStopsBeingAwaited() {
    me.entered("#lobby", 1);
    me.moving();
    me.moved("#ops", 3, 4);
    assertFalse(me.accept(chat(5, "#ops", "bob", "hi")));
    me.stopAwaiting();
    assertEquals(1, me.takeWaiting().size());
    assertTrue(me.accept(chat(6, "#ops", "bob", "again")));
    assertFalse(me.accept(left(3, "#lobby", "me", "joined #ops")));
    assertFalse(me.takeDeparted(), "no longer awaited");
  }

  @Test
  void anEventOfTheOldRoomFromBeforeTheMemberEnteredItIsNeverItsOwn() {
    // The reply that admitted me to #lobby (at event 7) came before #lobby's events 4 to 6.
    me.entered("#lobby", 7);
    assertFalse(me.accept(arrived(4, "#lobby", "early")), "before my arrival");
    me.moving();
    assertFalse(me.accept(arrived(5, "#lobby", "early2")), "before my arrival, while moving");
    assertTrue(me.accept(arrived(8, "#lobby", "carol")), "after my arrival");
    assertFalse(me.accept(left(9, "#lobby", "me", "joined #ops")));
    assertFalse(me.accept(arrived(6, "#lobby", "late")), "before my arrival, after my departure");

    List<RelayedEvent> early = me.moved("#ops", 9, 2);

    assertEquals(List.of(), early, "none of the kept events of #lobby is mine");
    assertFalse(me.accept(arrived(3, "#lobby", "later")), "still not mine in #ops");
  }

  @Test
  void afterALateDepartureTheOldRoomsRemainingEventsAreNotTheMembers() {
    me.entered("#lobby", 1);
    me.moving();
    me.moved("#ops", 5, 4);
    me.stopAwaiting();
    // I have been told that I am in #ops: #lobby's events before my departure come too late.
    assertFalse(me.accept(arrived(3, "#lobby", "carol")));
    assertFalse(me.accept(chat(4, "#lobby", "carol", "hi")));
    assertTrue(me.accept(chat(6, "#ops", "bob", "in ops")));
  }
}
