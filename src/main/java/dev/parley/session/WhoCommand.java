package dev.parley.session;

import dev.parley.protocol.Replies;
import dev.parley.values.RosterEntry;
import java.util.ArrayList;
import java.util.List;

/** {@code /who}, also {@code who online}: the roster. */
final class WhoCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    session.answer(
        session.room().who(),
        roster -> {
          List<String> names = new ArrayList<>();
          for (RosterEntry e : roster.members()) {
            names.add(e.name());
          }
          session.send(Replies.online(names));
        });
  }
}
