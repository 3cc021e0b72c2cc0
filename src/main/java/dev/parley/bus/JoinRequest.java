package dev.parley.bus;

import dev.parley.room.Entered;
import dev.parley.values.MemberKind;

/**
 * Asks the room to admit a member. Reply: {@link Entered}, or a failure with a {@link
 * dev.parley.values.ErrorCode} code.
 *
 * @param sessionId the session's id, unique in the cluster
 * @param nodeId the id of the node the session lives on
 * @param name the name asked for, or empty for a guest name
 * @param kind how the member is connected
 * @param lastLineId the id of the session's last chat line already ordered or given up: the room
 *     orders its line {@code lastLineId + 1} next (0 for a new session; a session that joins a room
 *     again after the room started afresh goes on with its own numbering)
 * @param room the room to enter, as typed; {@code null} for the default room (a line session that
 *     moves to a room of another group enters it this way)
 * @param freesOne whether the member's move empties its room in another group, which then no longer
 *     counts for {@code rooms.maxRooms}
 * @param account the account the member logged in to (its name is then {@code name}), empty for a
 *     guest: a login takes the name over from any session that holds it (PROTOCOL.md section 12)
 * @param address the client's address, for bans; empty when unknown
 */
public record JoinRequest(
    String sessionId,
    String nodeId,
    String name,
    MemberKind kind,
    long lastLineId,
    String room,
    boolean freesOne,
    String account,
    String address) {
  /** Asks to admit a guest from an unknown address. */
  public JoinRequest(
      String sessionId,
      String nodeId,
      String name,
      MemberKind kind,
      long lastLineId,
      String room,
      boolean freesOne) {
    this(sessionId, nodeId, name, kind, lastLineId, room, freesOne, "", "");
  }

  /** Asks to admit a member into the default room. */
  public JoinRequest(
      String sessionId, String nodeId, String name, MemberKind kind, long lastLineId) {
    this(sessionId, nodeId, name, kind, lastLineId, null, false);
  }
}
