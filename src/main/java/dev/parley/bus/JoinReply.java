package dev.parley.bus;

import dev.parley.room.Arrived;
import dev.parley.room.HistoryLine;
import java.util.List;

/**
 * The server admitted a member, into the default room.
 *
 * @param seq the sequence number of the member's own {@link Arrived} event; events up to it are not
 *     for the newcomer
 * @param name the name given, in NFC
 * @param room the room it entered
 * @param roster the room's members listed on entering, the newcomer included, in order of arrival
 *     (the first 100 in a large room)
 * @param total how many members the room has, the newcomer included
 * @param run the id of the order the member joined; a room that starts with another run (see {@link
 *     RoomReady}) does not have the member
 * @param history the room's last lines to replay, oldest first, at most {@code history.onJoin}
 */
public record JoinReply(
    long seq,
    String name,
    String room,
    List<String> roster,
    int total,
    String run,
    List<HistoryLine> history) {
  /** Copies the lists. */
  public JoinReply {
    roster = List.copyOf(roster);
    history = List.copyOf(history);
  }
}
