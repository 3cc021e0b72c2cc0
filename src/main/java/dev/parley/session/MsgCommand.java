package dev.parley.session;

import dev.parley.protocol.Replies;

/** {@code /msg NAME text}: a private message, echoed to its sender. */
final class MsgCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    int space = 0;
    while (space < argument.length() && !Character.isWhitespace(argument.charAt(space))) {
      space++;
    }
    String target = argument.substring(0, space);
    String text = argument.substring(space).strip();
    session.answer(
        session.room().privateMessage(target, text),
        sent -> session.send(Replies.privateTo(sent.target(), sent.from(), text)));
  }
}
