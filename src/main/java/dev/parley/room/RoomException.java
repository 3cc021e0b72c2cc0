package dev.parley.room;

import dev.parley.values.ErrorCode;

/**
 * A request the room refuses; becomes a reply failure with the code and the message. Carries no
 * stack trace: it is an answer, not a fault.
 */
public final class RoomException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode code;

  public RoomException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}
