package dev.parley.room;

import java.util.List;

/**
 * The room admitted a member.
 *
 * @param seq the sequence number of the member's own {@link Arrived} event; events up to it are not
 *     for the newcomer
 * @param name the name given, in NFC
 * @param roster everyone in the room, the newcomer included, in order of arrival
 */
public record JoinReply(long seq, String name, List<String> roster) {
  /** Copies the roster. */
  public JoinReply {
    roster = List.copyOf(roster);
  }
}
