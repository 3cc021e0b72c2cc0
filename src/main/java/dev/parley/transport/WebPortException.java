package dev.parley.transport;

/**
 * The web port or the IRC port could not listen (in use, or no permission; the message names host
 * and port), or the web port's signed tokens' key could not be read (the message names the setting
 * and the file).
 */
public final class WebPortException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not listen, and why
   * @param cause the listener's failure
   */
  public WebPortException(String message, Throwable cause) {
    super(message, cause);
  }
}
