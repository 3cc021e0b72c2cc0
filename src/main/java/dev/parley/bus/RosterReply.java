package dev.parley.bus;

import dev.parley.values.RosterEntry;
import java.util.List;

/**
 * The roster.
 *
 * @param members everyone in the room, in order of arrival
 */
public record RosterReply(List<RosterEntry> members) {
  /** Copies the list. */
  public RosterReply {
    members = List.copyOf(members);
  }
}
