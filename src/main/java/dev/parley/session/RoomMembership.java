package dev.parley.session;

import dev.parley.bus.RelayedEvent;
import dev.parley.room.Left;
import dev.parley.room.RoomEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Which room events belong to one member: those of its room after it entered, and, after a move,
 * those of the room it left that came before its departure. While a move is under way, events of
 * other rooms are kept (at most {@value #MAX_EARLY} of them) until the room says where the member
 * now is: the room's reply and its events travel different paths, and the events may come first.
 * Confined to the session's context; not thread-safe.
 */
final class RoomMembership {
  /** How many events of other rooms are kept while a move is under way. */
  static final int MAX_EARLY = 1024;

  private final String sessionId;
  private String room = "";
  private long since;
  private String previous = "";
  private long previousSince;
  private long previousUntil;
  private boolean moving;
  private String finished;
  private final ArrayDeque<RelayedEvent> early = new ArrayDeque<>(2);
  private boolean awaitingDeparture;
  private long departureSeq;
  private boolean departed;
  private final List<RelayedEvent> waiting = new ArrayList<>();

  RoomMembership(String sessionId) {
    this.sessionId = sessionId;
  }

  /** The member's room, or empty before it has one (and between two rooms). */
  String room() {
    return room;
  }

  /** The member entered {@code room} with the event {@code seq}: later events there are its. */
  void entered(String room, long seq) {
    this.room = room;
    this.since = seq;
    this.previous = "";
    this.moving = false;
    this.awaitingDeparture = false;
    early.clear();
    waiting.clear();
  }

  /** The member asked to move: events of other rooms are kept until {@link #moved}. */
  void moving() {
    moving = true;
  }

  /**
   * The member left its room with the event {@code leftSeq} and entered {@code newRoom} with {@code
   * seq}.
   *
   * @return the kept events that are the member's, in order
   */
  List<RelayedEvent> moved(String newRoom, long leftSeq, long seq) {
    // The member's own departure has not come yet when its old room is still set: the old room's
    // events before it are still on their way, and the new room waits for them.
    awaitingDeparture = !room.isEmpty();
    departureSeq = leftSeq;
    if (!room.isEmpty()) {
      left(leftSeq);
    }
    room = newRoom;
    since = seq;
    moving = false;
    List<RelayedEvent> mine = new ArrayList<>();
    for (RelayedEvent e : early) {
      if (mine((RoomEvent) e.event())) {
        mine.add(e);
      }
    }
    early.clear();
    return mine;
  }

  /**
   * The room whose last event for the member has passed (its own departure), once; the member need
   * not follow it any more.
   *
   * @return the room's name, or {@code null}
   */
  String takeFinished() {
    String room = finished;
    finished = null;
    return room;
  }

  /**
   * Whether the member's own departure from its old room has yet to arrive after a move: until it
   * does, the old room's earlier events are still the member's, and the new room's wait ({@link
   * #takeWaiting}).
   */
  boolean awaitingDeparture() {
    return awaitingDeparture;
  }

  /**
   * Whether the awaited departure has just arrived, once: everything of the old room is delivered.
   */
  boolean takeDeparted() {
    boolean was = departed;
    departed = false;
    return was;
  }

  /**
   * Stops waiting for the departure (it is late): the new room's events flow again, and the old
   * room's events that are still on their way are not the member's any more, since it has been told
   * where it is now.
   */
  void stopAwaiting() {
    if (awaitingDeparture) {
      previous = "";
    }
    awaitingDeparture = false;
  }

  /**
   * The new room's events that arrived while the departure was awaited, in order; taken once.
   *
   * @return the events, the member's
   */
  List<RelayedEvent> takeWaiting() {
    List<RelayedEvent> taken = new ArrayList<>(waiting);
    waiting.clear();
    return taken;
  }

  /** The move was refused or got no answer: the member stays where it is. */
  void stayed() {
    moving = false;
    early.clear();
  }

  /**
   * Whether a relayed room event is the member's now; an event of another room that may become the
   * member's is kept during a move.
   */
  boolean accept(RelayedEvent relayed) {
    RoomEvent event = (RoomEvent) relayed.event();
    if (event instanceof Left && event.sessionId().equals(sessionId)) {
      // The member's own departure: the last event of the old room that concerns it (the member
      // does not see it). Before the room's reply, later events of the old room are not its own.
      // (Not moving: the member was kicked out of its room, and will be told where it is now.)
      if (event.room().equals(room)) {
        left(event.seq());
      }
      if (awaitingDeparture && event.seq() == departureSeq) {
        awaitingDeparture = false;
        departed = true;
      }
      finished = event.room();
      return false;
    }
    if (mine(event)) {
      if (awaitingDeparture && event.room().equals(room)) {
        waiting.add(relayed);
        return false;
      }
      return true;
    }
    if (moving && !event.room().equals(previous)) {
      if (early.size() == MAX_EARLY) {
        early.pollFirst();
      }
      early.addLast(relayed);
    }
    return false;
  }

  private void left(long leftSeq) {
    previous = room;
    previousSince = since;
    previousUntil = leftSeq;
    room = "";
  }

  /**
   * Whether an event is the member's: one of its room after it entered, or one of the room it left
   * between its arrival there and its departure. An event of either room from before the member
   * entered it is never its own, however late it arrives (the room's reply that admitted the member
   * may come before the room's earlier events).
   */
  private boolean mine(RoomEvent event) {
    return (event.seq() > since && event.room().equals(room))
        || (event.seq() > previousSince
            && event.seq() < previousUntil
            && event.room().equals(previous));
  }
}
