package dev.parley.session;

import dev.parley.protocol.Replies;

/** A {@code /word} that names no command. */
final class UnknownCommand implements Command {
  private final String word;

  UnknownCommand(String word) {
    this.word = word;
  }

  @Override
  public void run(Session session, String argument) {
    session.send(Replies.unknownCommand(word));
  }
}
