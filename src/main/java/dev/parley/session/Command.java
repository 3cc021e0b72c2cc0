package dev.parley.session;

/** One command of the line protocol, run on the session's event loop. */
interface Command {
  /**
   * Runs the command.
   *
   * @param session the member's session
   * @param argument the text after the command word, trimmed, possibly empty
   */
  void run(Session session, String argument);
}
