package dev.parley.session;

import dev.parley.protocol.Replies;

/** {@code /help}: one line per command. */
final class HelpCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    for (String line : Replies.help()) {
      session.send(line);
    }
  }
}
