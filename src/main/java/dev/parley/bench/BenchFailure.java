package dev.parley.bench;

/**
 * A run that cannot go on: the server cannot be reached, refused a connection, or did not let the
 * tool join in time. Its message is the one line that the command prints to standard error before
 * it exits with a non-zero status. Immutable; may be thrown and caught on any thread.
 */
final class BenchFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line for the user, without the {@code bench: } prefix
   */
  BenchFailure(String message) {
    super(message);
  }
}
