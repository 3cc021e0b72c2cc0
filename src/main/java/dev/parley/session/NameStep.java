package dev.parley.session;

import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;

/**
 * The name step (PROTOCOL.md sections 3 and 5): the client's first lines are a name, empty for a
 * guest name, or {@code /quit}; a name that breaks the rules is refused with its error and asked
 * for again; a valid one is asked of the room, which may refuse it too. Confined to the
 * connection's event loop.
 */
final class NameStep {
  private final Session session;
  private final Outbox outbox;
  private final MemberRooms rooms;

  NameStep(Session session, Outbox outbox, MemberRooms rooms) {
    this.session = session;
    this.outbox = outbox;
    this.rooms = rooms;
  }

  /**
   * A line at the name prompt.
   *
   * @param requested the line, cleaned and trimmed
   */
  void onName(String requested) {
    CommandTable.Invocation invocation = CommandTable.find(requested);
    if (invocation != null && invocation.usableBeforeName()) {
      invocation.run(session);
      return;
    }
    if (requested.isEmpty()) {
      join("");
      return;
    }
    NameRules.Verdict verdict = NameRules.check(requested);
    if (verdict.valid()) {
      join(verdict.name());
    } else {
      outbox.send(Replies.error(verdict.error()));
      outbox.send(Replies.askName());
    }
  }

  private void join(String requested) {
    rooms.join(
        requested,
        0,
        null,
        rooms::joined,
        refusal -> {
          session.enter(Session.State.NAMING);
          session.fail(refusal);
          outbox.send(Replies.askName());
        });
  }
}
