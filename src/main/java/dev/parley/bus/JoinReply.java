package dev.parley.bus;

import dev.parley.room.Arrived;
import java.util.List;

/**
 * The room admitted a member.
 *
 * @param seq the sequence number of the member's own {@link Arrived} event; events up to it are not
 *     for the newcomer
 * @param name the name given, in NFC
 * @param roster everyone in the room, the newcomer included, in order of arrival
 * @param run the id of the room's order the member joined; a room that starts with another run (see
 *     {@link RoomReady}) does not have the member
 */
public record JoinReply(long seq, String name, List<String> roster, String run) {
  /** Copies the roster. */
  public JoinReply {
    roster = List.copyOf(roster);
  }
}
