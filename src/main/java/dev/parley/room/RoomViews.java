package dev.parley.room;

import dev.parley.config.ParleyConfig;
import dev.parley.time.TimeSource;
import dev.parley.values.RosterEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the rooms show a member (PROTOCOL.md section 9): the roster and history on entering a room
 * (a large room's roster capped at {@value Rooms#LARGE_ROSTER_NAMES} names), the {@code /rooms}
 * listing (at most {@value Rooms#LISTED_ROOMS} rooms) and a room's members for {@code /who}. Reads
 * the rooms' state, never changes it. Confined with the {@link Rooms} that holds it.
 */
final class RoomViews {
  private final ParleyConfig config;
  private final TimeSource time;
  private final EventOrder order;
  private final RoomDirectory directory;
  private final Policies policies;

  RoomViews(
      ParleyConfig config,
      TimeSource time,
      EventOrder order,
      RoomDirectory directory,
      Policies policies) {
    this.config = config;
    this.time = time;
    this.order = order;
    this.directory = directory;
    this.policies = policies;
  }

  /** The topic shown on entering a room, or {@code null}. */
  private String topic(RoomRoster room) {
    Topic topic = policies.of(room.name()).topic();
    return topic == null ? null : topic.text();
  }

  /** The reply to a member that entered {@code room} with the event {@code event}. */
  Entered entered(Member member, Arrived event, RoomRoster room) {
    return new Entered(
        event.seq(),
        member.name,
        room.name(),
        entryRoster(room),
        room.size(),
        order.run(),
        replay(room),
        topic(room),
        operators(room));
  }

  /** The members of a room listed on entering it who are its operators, in roster order. */
  private List<String> operators(RoomRoster room) {
    List<String> names = new ArrayList<>();
    for (Member m : room.members()) {
      if (names.size() == Rooms.LARGE_ROSTER_NAMES) {
        break;
      }
      if (policies.isOperator(m.account, room.name())) {
        names.add(m.name);
      }
    }
    return names;
  }

  /** The reply to a member that left its room with {@code left} and entered {@code target}. */
  Moved moved(Left left, Arrived arrived, RoomRoster target) {
    return new Moved(
        left.seq(),
        arrived.seq(),
        target.name(),
        entryRoster(target),
        target.size(),
        replay(target),
        topic(target));
  }

  /**
   * The rooms that have members, largest first, equal counts by case-folded name, code point by
   * code point; at most {@value Rooms#LISTED_ROOMS}.
   */
  RoomList listing() {
    List<RoomRoster> open = directory.occupiedRooms();
    List<RoomList.RoomCount> listed = new ArrayList<>();
    for (RoomRoster room : open.subList(0, Math.min(Rooms.LISTED_ROOMS, open.size()))) {
      listed.add(new RoomList.RoomCount(room.name(), room.size()));
    }
    return new RoomList(open.size(), listed);
  }

  /** Everyone in a room, in order of arrival, with their idle time in seconds. */
  List<RosterEntry> entries(RoomRoster room) {
    long now = time.nanoTime();
    List<RosterEntry> entries = new ArrayList<>();
    for (Member m : room.members()) {
      long idle = TimeUnit.NANOSECONDS.toSeconds(now - m.lastActiveNanos);
      entries.add(new RosterEntry(m.name, m.arrivedAt, idle, m.kind));
    }
    return entries;
  }

  /** The lines replayed on entering a room ({@code history.onJoin}). */
  private List<HistoryLine> replay(RoomRoster room) {
    return order.last(room.name(), config.history().onJoin());
  }

  /** The names listed on entering a room: everyone, or the first 100 of a large room. */
  private List<String> entryRoster(RoomRoster room) {
    return room.names(
        room.size() > config.rooms().quietAbove() ? Rooms.LARGE_ROSTER_NAMES : Integer.MAX_VALUE);
  }
}
