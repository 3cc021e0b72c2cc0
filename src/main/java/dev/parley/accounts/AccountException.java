package dev.parley.accounts;

import dev.parley.values.ErrorCode;

/**
 * A refusal of the accounts (PROTOCOL.md sections 12 and 15): its message is the text a line client
 * sees after {@code "! "}, its code the one the event-bus API replies with. Carries no stack trace.
 */
public final class AccountException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ErrorCode code;

  /**
   * @param code the failure code
   * @param message the text of PROTOCOL.md
   */
  public AccountException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The failure code. */
  public ErrorCode code() {
    return code;
  }
}
