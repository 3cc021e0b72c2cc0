package dev.parley.store;

/**
 * A store that cannot be used, with a one-line message fit to print as the only output of a failed
 * start-up (such as a SQLite file that cannot be made). It never carries a password.
 */
public final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line saying what cannot be used and why
   * @param cause the failure underneath
   */
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * The first line of a failure's message, or its class name when it has none.
   *
   * @param failure any failure
   * @return one line
   */
  static String oneLine(Throwable failure) {
    String message = failure.getMessage();
    if (message == null || message.isBlank()) {
      return failure.getClass().getSimpleName();
    }
    return message.lines().findFirst().orElse(message).strip();
  }
}
