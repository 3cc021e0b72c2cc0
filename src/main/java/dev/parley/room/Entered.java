package dev.parley.room;

import java.util.List;

/**
 * The rooms admitted a member (a new one into a room, or one that moves to a room of another
 * group): what it is told on entering.
 *
 * @param seq the sequence number of the member's own {@link Arrived} event; events up to it are not
 *     for the newcomer
 * @param name the name given, in NFC
 * @param room the room it entered
 * @param roster the room's members listed on entering, the newcomer included, in order of arrival
 *     (the first 100 in a large room)
 * @param total how many members the room has, the newcomer included
 * @param run the id of the order the member joined; a room that starts with another run (its room
 *     group opened afresh) does not have the member
 * @param history the room's last lines to replay, oldest first, at most {@code history.onJoin}
 * @param topic the room's topic, shown just before the roster line, or {@code null} for none
 * @param operators the names in {@code roster} that are the room's operators (section 13), in
 *     roster order, for clients that mark them (IRC's {@code @})
 */
public record Entered(
    long seq,
    String name,
    String room,
    List<String> roster,
    int total,
    String run,
    List<HistoryLine> history,
    String topic,
    List<String> operators) {
  /** Copies the lists. */
  public Entered {
    roster = List.copyOf(roster);
    history = List.copyOf(history);
    operators = List.copyOf(operators);
  }
}
