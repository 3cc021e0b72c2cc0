package dev.parley.session;

import dev.parley.lines.EventLines;
import dev.parley.protocol.Replies;

/**
 * {@code /history [N]}: the last N lines of the member's room (PROTOCOL.md section 10), N from 1 to
 * {@code history.maxLines}, 20 without N; any other N gets the usage line and asks nothing of the
 * room.
 */
final class HistoryCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    int maxLines = session.settings().history().maxLines();
    int limit = argument.isEmpty() ? Math.min(Replies.HISTORY_DEFAULT, maxLines) : parse(argument);
    if (limit < 1 || limit > maxLines) {
      session.send(Replies.historyUsage(maxLines));
      return;
    }
    session.answer(
        session.room().history(limit),
        reply -> EventLines.history(reply.lines()).forEach(session::send));
  }

  /** The number, or 0 when the argument is not a plain decimal number that fits an int. */
  private static int parse(String argument) {
    if (argument.length() > 9 || !argument.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0;
    }
    return Integer.parseInt(argument);
  }
}
