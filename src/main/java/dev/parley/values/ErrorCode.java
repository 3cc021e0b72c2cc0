package dev.parley.values;

/**
 * The failure codes of the room's replies, public and internal: {@code
 * ReplyException#failureCode()} is {@link #code()}, and the failure message says what was wrong in
 * words (for a TCP client it is the text after {@code "! "}).
 */
public enum ErrorCode {
  /** The request is malformed or a field is missing. */
  BAD_REQUEST(400),
  /** The session or bus member is not (or no longer) a member of the room. */
  NOT_A_MEMBER(403),
  /** No member has the given name. */
  NO_SUCH_MEMBER(404),
  /** The name breaks the name rules. */
  INVALID_NAME(422),
  /** The name is taken, or collides with a name that is. */
  NAME_TAKEN(409),
  /** {@code rooms.maxRooms} rooms have members: a room without members cannot be opened. */
  TOO_MANY_ROOMS(429),
  /** Only an operator of the room (or of the server) may do that (PROTOCOL.md section 13). */
  NOT_OPERATOR(401),
  /** A ban of the room keeps the member out (PROTOCOL.md section 13). */
  BANNED(451),
  /**
   * A ban of the server keeps the member out: the connection is to close (PROTOCOL.md section 13).
   */
  BANNED_FROM_SERVER(452),
  /** The member is muted in the room: its chat line reached nobody. */
  MUTED(423),
  /**
   * The store could not save the change, which was not made (PROTOCOL.md section 15); asking again
   * later may work.
   */
  NOT_SAVED(507),
  /**
   * The room did not answer: no node hosts it right now (it is moving to another node, or no node
   * runs Parley), or no reply came within the send timeout. {@code dev.parley.api.RoomClient} and
   * {@code dev.parley.api.BusMember} report Vert.x's {@code NO_HANDLERS} and {@code TIMEOUT}
   * failures with this code; a node that hands a room group over answers with it, for a moment, the
   * requests that still reach it for that group. Asking again a little later is right.
   */
  UNAVAILABLE(503);

  private final int code;

  ErrorCode(int code) {
    this.code = code;
  }

  /**
   * The numeric code carried by the reply failure.
   *
   * @return an HTTP-like code
   */
  public int code() {
    return code;
  }

  /**
   * Finds the code of a failure.
   *
   * @param code a {@code failureCode()}
   * @return the matching constant, or {@code null} for a code Parley does not use
   */
  public static ErrorCode of(int code) {
    for (ErrorCode c : values()) {
      if (c.code == code) {
        return c;
      }
    }
    return null;
  }
}
