package dev.parley.room;

import java.util.List;

/**
 * A member moved to another room.
 *
 * @param leftSeq the sequence number of its departure from the old room: the old room's events
 *     before it are still the member's
 * @param seq the sequence number of its {@link Arrived} event in the new room: the new room's
 *     events after it are the member's
 * @param room the room it is in now, with the spelling it was opened with
 * @param roster the room's members listed on entering, in order of arrival (the first 100 in a
 *     large room)
 * @param total how many members the room has, the mover included
 * @param history the room's last lines to replay, oldest first, at most {@code history.onJoin}
 * @param topic the room's topic, shown just before the roster line, or {@code null} for none
 */
public record Moved(
    long leftSeq,
    long seq,
    String room,
    List<String> roster,
    int total,
    List<HistoryLine> history,
    String topic) {
  /** Copies the lists. */
  public Moved {
    roster = List.copyOf(roster);
    history = List.copyOf(history);
  }
}
