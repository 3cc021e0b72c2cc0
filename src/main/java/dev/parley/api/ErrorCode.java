package dev.parley.room;

/**
 * The failure codes of the room's replies ({@code ReplyException#failureCode()}); the failure
 * message is the error text shown to a TCP client after {@code "! "}.
 */
public enum RoomError {
  /** The request is malformed or a field is missing. */
  BAD_REQUEST(400),
  /** The session is not a member of the room. */
  NOT_A_MEMBER(403),
  /** No member has the given name. */
  NO_SUCH_MEMBER(404),
  /** The name breaks the name rules. */
  INVALID_NAME(422),
  /** The name is taken, or collides with a name that is. */
  NAME_TAKEN(409);

  private final int code;

  RoomError(int code) {
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
}
