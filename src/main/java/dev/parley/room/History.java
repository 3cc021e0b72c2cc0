package dev.parley.room;

import dev.parley.protocol.RoomNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history of every room (PROTOCOL.md section 10), open or closed: each room's last chat lines
 * within {@code history.maxLines} and {@code history.maxAgeSeconds}. A room is found by every
 * collision key of its name, so {@code #Ops} and {@code #ops} share one history, as they are one
 * room. A room whose lines have all aged out is forgotten. Pure: no Vert.x, no clock of its own;
 * confined to the object that holds it; not thread-safe.
 */
public final class History {
  private final Map<String, RoomHistory> byKey = new HashMap<>();
  private final Map<String, RoomHistory> bySpelling = new HashMap<>();
  private final int maxLines;
  private final long maxAgeMillis;

  /**
   * Creates an empty history.
   *
   * @param maxLines how many lines each room keeps, at least 1
   * @param maxAgeMillis how old a kept line may be, in milliseconds
   */
  public History(int maxLines, long maxAgeMillis) {
    this.maxLines = maxLines;
    this.maxAgeMillis = maxAgeMillis;
  }

  /**
   * Keeps a line in its room's history.
   *
   * @param line a chat line the room ordered, its room a valid room name
   */
  public void add(HistoryLine line) {
    RoomHistory room = find(line.room());
    if (room == null) {
      room = new RoomHistory(maxLines, maxAgeMillis);
      for (String k : RoomNames.key(line.room()).all()) {
        byKey.put(k, room);
      }
      bySpelling.put(line.room(), room);
    }
    room.add(line);
  }

  /**
   * A room's last lines, oldest first.
   *
   * @param room a valid room name
   * @param limit at most this many, 0 or more
   * @param nowMillis the time now, milliseconds since the Unix epoch
   * @return the lines, empty when the room has none
   */
  public List<HistoryLine> last(String room, int limit, long nowMillis) {
    RoomHistory history = find(room);
    return history == null ? List.of() : history.last(limit, nowMillis);
  }

  /**
   * The last lines of one room or of every room, oldest first.
   *
   * @param room a valid room name, or {@code null} for every room
   * @param limit at most this many
   * @param run {@code null} for lines of any order; otherwise only lines of this order with a
   *     sequence number below {@code beforeSeq}, sorted by sequence number
   * @param beforeSeq see {@code run}
   * @param nowMillis the time now, milliseconds since the Unix epoch
   * @return the lines; lines of every room, or of several orders, are sorted by time, then number
   */
  public List<HistoryLine> last(
      String room, int limit, String run, long beforeSeq, long nowMillis) {
    List<HistoryLine> found = new ArrayList<>();
    for (RoomHistory history : room == null ? distinct() : single(find(room))) {
      history.expire(nowMillis);
      for (HistoryLine line : history.lines()) {
        if (run == null || (line.run().equals(run) && line.seq() < beforeSeq)) {
          found.add(line);
        }
      }
    }
    if (room == null || run != null) {
      found.sort(
          run != null
              ? Comparator.comparingLong(HistoryLine::seq)
              : Comparator.comparingLong(HistoryLine::time).thenComparingLong(HistoryLine::seq));
    }
    return found.size() <= limit
        ? found
        : new ArrayList<>(found.subList(found.size() - limit, found.size()));
  }

  private static List<RoomHistory> single(RoomHistory history) {
    return history == null ? List.of() : List.of(history);
  }

  private Set<RoomHistory> distinct() {
    Set<RoomHistory> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.addAll(byKey.values());
    return seen;
  }

  /**
   * Drops the lines past the age limit, and forgets the rooms left without lines.
   *
   * @param nowMillis the time now, milliseconds since the Unix epoch
   */
  public void expire(long nowMillis) {
    byKey
        .values()
        .removeIf(
            room -> {
              room.expire(nowMillis);
              return room.isEmpty();
            });
    bySpelling.values().removeIf(RoomHistory::isEmpty);
  }

  /**
   * Every kept line, room by room, each room's lines oldest first: for a snapshot of the rooms.
   *
   * @return a new list
   */
  public List<HistoryLine> lines() {
    List<HistoryLine> out = new ArrayList<>();
    for (RoomHistory room : distinct()) {
      room.lines().forEach(out::add);
    }
    return out;
  }

  /** Forgets every line. */
  public void clear() {
    byKey.clear();
    bySpelling.clear();
  }

  /** The room's history; the spelling seen last is looked up without computing keys. */
  private RoomHistory find(String room) {
    RoomHistory known = bySpelling.get(room);
    if (known != null) {
      return known;
    }
    for (String k : RoomNames.key(room).all()) {
      RoomHistory history = byKey.get(k);
      if (history != null) {
        bySpelling.put(room, history);
        return history;
      }
    }
    return null;
  }
}
