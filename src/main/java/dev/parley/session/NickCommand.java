package dev.parley.session;

import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;

/**
 * {@code /nick NEW}, also {@code rename|NEW}: a new name. Everyone, the member included, hears of
 * it through the room's {@code Renamed} event.
 */
final class NickCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    NameRules.Verdict verdict = NameRules.check(argument);
    if (!verdict.valid()) {
      session.send(Replies.error(verdict.error()));
      return;
    }
    // Everyone, the member included, hears of the new name from the room's event.
    session.answer(session.room().nick(verdict.name()), renamed -> {});
  }
}
