package dev.parley.room;

import dev.parley.time.TimeSource;
import java.util.List;
import java.util.UUID;

/**
 * The one order of events of all the rooms of a {@link Rooms} (a room group), and the history it
 * keeps: each event gets the next sequence number of the order's run and the time, goes into
 * history when it is a chat line, and is handed to {@link Rooms.Output#publish}. Confined to the
 * {@link Rooms} that holds it; not thread-safe.
 */
final class EventOrder {
  private final TimeSource time;
  private final Rooms.Output output;
  private final History history;
  private final String run;
  private long seq;

  /**
   * Continues the order of a snapshot, or starts a new one (a new run) for an empty snapshot.
   *
   * @param maxLines how many history lines each room keeps ({@code history.maxLines})
   * @param maxAgeMillis how old a kept history line may be, in milliseconds
   */
  EventOrder(
      TimeSource time, Rooms.Output output, RoomSnapshot from, int maxLines, long maxAgeMillis) {
    this.time = time;
    this.output = output;
    this.run = from.run().isEmpty() ? UUID.randomUUID().toString() : from.run();
    this.seq = from.seq();
    this.history = new History(maxLines, maxAgeMillis);
    from.history().forEach(history::add);
  }

  String run() {
    return run;
  }

  long seq() {
    return seq;
  }

  Arrived arrived(Member member, RoomRoster room, boolean announced) {
    return publish(
        new Arrived(
            ++seq,
            time.epochMillis(),
            room.name(),
            member.name,
            member.sessionId,
            member.nodeId,
            member.kind,
            announced,
            member.account,
            member.address));
  }

  Left left(Member member, RoomRoster room, String reason, boolean announced, boolean parted) {
    return publish(
        new Left(
            ++seq,
            time.epochMillis(),
            room.name(),
            member.name,
            reason == null ? "" : reason,
            member.sessionId,
            announced,
            parted));
  }

  Chat chat(Member member, RoomRoster room, long lineId, String text, boolean notice) {
    Chat event =
        new Chat(
            ++seq,
            time.epochMillis(),
            room.name(),
            member.name,
            text,
            member.sessionId,
            lineId,
            notice);
    history.add(HistoryLine.of(run, event));
    return publish(event);
  }

  Renamed renamed(Member member, RoomRoster room, String oldName) {
    return publish(
        new Renamed(
            ++seq, time.epochMillis(), room.name(), oldName, member.name, member.sessionId));
  }

  PolicyChanged policyChanged(Moderation.PolicyEdit edit) {
    return publish(
        new PolicyChanged(
            ++seq,
            time.epochMillis(),
            edit.after().room(),
            edit.change(),
            edit.actor(),
            edit.target(),
            edit.text(),
            edit.untilMillis(),
            edit.sessionId(),
            edit.after()));
  }

  private <E extends RoomEvent> E publish(E event) {
    output.publish(event);
    return event;
  }

  /** Every room's kept lines, room by room, each room's oldest first. */
  List<HistoryLine> lines() {
    return history.lines();
  }

  /** The last {@code limit} lines of one room (0 for none), oldest first. */
  List<HistoryLine> last(String room, int limit) {
    return limit == 0 ? List.of() : history.last(room, limit, time.epochMillis());
  }

  /**
   * The last lines of a room, or of every room ({@code room} null); with {@code beforeSeq} above 0,
   * only the lines of this run with a smaller sequence number.
   */
  List<HistoryLine> last(String room, int limit, long beforeSeq) {
    return history.last(room, limit, beforeSeq == 0 ? null : run, beforeSeq, time.epochMillis());
  }

  /** Forgets the lines past the age limit. */
  void expire() {
    history.expire(time.epochMillis());
  }
}
