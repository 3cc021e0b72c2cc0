package dev.parley.session;

import dev.parley.protocol.Replies;

/** {@code /join ROOM}: move to another room (PROTOCOL.md section 9). */
final class JoinCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    if (argument.isEmpty() || argument.chars().anyMatch(Character::isWhitespace)) {
      session.send(Replies.usage("/join ROOM"));
      return;
    }
    session.move(argument);
  }
}
