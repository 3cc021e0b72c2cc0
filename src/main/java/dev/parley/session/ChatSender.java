package dev.parley.session;

import dev.parley.time.TimeSource;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * A session's chat lines on their way to the room. Each line gets the next line id and is kept
 * until its echo shows that the room ordered it; the kept lines are sent again, in order and with
 * the same ids, when a room starts on another node or when the oldest has waited too long. The room
 * ignores a line id it has already ordered, so each line is delivered exactly once. At most {@code
 * limit} lines are kept: while {@link #full()}, the session holds further lines and stops reading
 * from its client until the room acknowledges one. Confined to the session's context.
 */
final class ChatSender {
  /** How long the oldest unacknowledged line may wait before every kept line is sent again. */
  static final long RESEND_AFTER_NANOS = TimeUnit.SECONDS.toNanos(5);

  private record Line(long id, String text, long sentAt) {}

  private final RoomLink room;
  private final TimeSource time;
  private final int limit;
  private final ArrayDeque<Line> unacked = new ArrayDeque<>(2);
  private long lastId;

  ChatSender(RoomLink room, TimeSource time, int limit) {
    this.room = room;
    this.time = time;
    this.limit = limit;
  }

  /** Sends a line; the caller checks {@link #full()} first. */
  void say(String text) {
    Line line = new Line(++lastId, text, time.nanoTime());
    unacked.addLast(line);
    room.say(line.id(), line.text());
  }

  /** Whether {@code limit} lines wait for the room: no more may be sent now. */
  boolean full() {
    return unacked.size() >= limit;
  }

  /** The id of the last line sent, 0 before the first. */
  long lastId() {
    return lastId;
  }

  /** Whether lines wait for the room's acknowledgement. */
  boolean waiting() {
    return !unacked.isEmpty();
  }

  /** The id of the last line the room ordered, as far as this sender knows. */
  long lastAcknowledged() {
    return unacked.isEmpty() ? lastId : unacked.peekFirst().id() - 1;
  }

  /**
   * Gives up the kept lines: the room that would have ordered them is gone.
   *
   * @return how many lines were given up
   */
  int giveUp() {
    int count = unacked.size();
    unacked.clear();
    return count;
  }

  /** Whether every line up to {@code lineId} has been acknowledged. */
  boolean acknowledgedUpTo(long lineId) {
    return unacked.isEmpty() || unacked.peekFirst().id() > lineId;
  }

  /** The room ordered this session's line {@code lineId}, and so every line before it. */
  void acknowledged(long lineId) {
    while (!unacked.isEmpty() && unacked.peekFirst().id() <= lineId) {
      unacked.pollFirst();
    }
  }

  /**
   * Sends the lines to the node that opened the room's group, on its own address, until {@link
   * #viaGroup()} (see {@link RoomLink#sendViaHost}).
   */
  void viaHost(String nodeId) {
    room.sendViaHost(nodeId);
  }

  /** Sends the lines to the room group's address again. */
  void viaGroup() {
    room.sendViaGroup();
  }

  /** Sends every kept line again, oldest first. */
  void resendAll() {
    long now = time.nanoTime();
    ArrayDeque<Line> again = new ArrayDeque<>(unacked.size());
    for (Line line : unacked) {
      room.say(line.id(), line.text());
      again.addLast(new Line(line.id(), line.text(), now));
    }
    unacked.clear();
    unacked.addAll(again);
  }

  /**
   * Sends the kept lines again if the oldest has waited longer than {@link #RESEND_AFTER_NANOS}.
   */
  void resendIfStale(long now) {
    resendIfOlderThan(now, RESEND_AFTER_NANOS);
  }

  /**
   * Sends every kept line again if the oldest was last sent more than {@code ageNanos} nanoseconds
   * before {@code now}.
   */
  void resendIfOlderThan(long now, long ageNanos) {
    if (!unacked.isEmpty() && now - unacked.peekFirst().sentAt() > ageNanos) {
      resendAll();
    }
  }
}
