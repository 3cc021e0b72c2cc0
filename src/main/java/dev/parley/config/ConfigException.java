package dev.parley.config;

/**
 * A setting that cannot be used: its message is one line that names the setting, the value and what
 * is allowed, fit to print as the only output of a failed start-up.
 */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message one line naming the setting, the value given and what is allowed
   */
  public ConfigException(String message) {
    super(message);
  }

  /**
   * Creates the exception for a setting whose value is outside what is allowed.
   *
   * @param path the setting, such as {@code idle.timeoutSeconds}
   * @param value the value that was given
   * @param allowed what would have been accepted, such as {@code "a number of seconds above 0"}
   * @return the exception, for the caller to throw
   */
  public static ConfigException invalid(String path, Object value, String allowed) {
    return new ConfigException(
        "invalid setting " + path + " = " + render(value) + ": expected " + allowed);
  }

  private static String render(Object value) {
    return value instanceof String ? "\"" + value + "\"" : String.valueOf(value);
  }
}
