package dev.parley.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One room's history: its last chat lines, oldest first, at most {@code maxLines} of them and none
 * older than {@code maxAgeMillis}. Pure; confined to the object that holds it; not thread-safe.
 */
final class RoomHistory {
  private final ArrayDeque<HistoryLine> lines = new ArrayDeque<>();
  private final int maxLines;
  private final long maxAgeMillis;

  /**
   * Creates an empty history.
   *
   * @param maxLines how many lines are kept, at least 1
   * @param maxAgeMillis how old a kept line may be, in milliseconds
   */
  RoomHistory(int maxLines, long maxAgeMillis) {
    this.maxLines = maxLines;
    this.maxAgeMillis = maxAgeMillis;
  }

  /** Keeps a line, dropping the oldest beyond {@code maxLines}. */
  void add(HistoryLine line) {
    lines.addLast(line);
    if (lines.size() > maxLines) {
      lines.pollFirst();
    }
  }

  /**
   * Drops the lines older than the age limit.
   *
   * @param nowMillis the time now, milliseconds since the Unix epoch
   */
  void expire(long nowMillis) {
    long oldest = nowMillis - maxAgeMillis;
    while (!lines.isEmpty() && lines.peekFirst().time() < oldest) {
      lines.pollFirst();
    }
  }

  /** Whether no line is kept. */
  boolean isEmpty() {
    return lines.isEmpty();
  }

  /**
   * The last lines, oldest first.
   *
   * @param limit at most this many, 0 or more
   * @param nowMillis the time now, milliseconds since the Unix epoch, for the age limit
   * @return a new list of at most {@code limit} lines
   */
  List<HistoryLine> last(int limit, long nowMillis) {
    expire(nowMillis);
    int skip = Math.max(0, lines.size() - limit);
    List<HistoryLine> out = new ArrayList<>(lines.size() - skip);
    Iterator<HistoryLine> it = lines.iterator();
    for (int i = 0; it.hasNext(); i++) {
      HistoryLine line = it.next();
      if (i >= skip) {
        out.add(line);
      }
    }
    return out;
  }

  /** Every kept line, oldest first. */
  Iterable<HistoryLine> lines() {
    return lines;
  }
}
