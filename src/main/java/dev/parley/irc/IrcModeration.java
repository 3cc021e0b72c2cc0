package dev.parley.irc;

import dev.parley.bus.ModerationMessages.Action;
import dev.parley.bus.ModerationMessages.Answer;
import dev.parley.protocol.LineCleaner;

/**
 * TOPIC and KICK for the IRC port (PROTOCOL.md sections 13 and 14): a room's topic asked or set by
 * its operators, a member kicked out of one room; refusals get the numerics of {@link
 * IrcChannels#refusedAct}. Confined to the session's event loop.
 */
final class IrcModeration {
  private final IrcSession session;
  private final IrcChannels channels;

  IrcModeration(IrcSession session, IrcChannels channels) {
    this.session = session;
    this.channels = channels;
  }

  void topic(IrcMessage m) {
    String room = channels.joinedName(m.param(0));
    if (room == null) {
      channels.notOn(m.param(0));
      return;
    }
    if (m.params().size() < 2) {
      channels
          .requests()
          .<Answer>act(Action.TOPIC, room, "", "", "", 0)
          .onSuccess(
              a -> {
                if (a.text() == null || a.text().isEmpty()) {
                  session.numeric(IrcReplies.NOTOPIC, room, IrcReplies.NO_TOPIC);
                } else {
                  session.numeric(IrcReplies.TOPIC, room, a.text());
                }
              })
          .onFailure(f -> session.notice(IrcRequests.text(f)));
      return;
    }
    String text = m.param(1).isEmpty() ? "-" : LineCleaner.clean(m.param(1));
    channels
        .requests()
        .<Answer>act(Action.SET_TOPIC, room, "", "", text, 0)
        .onFailure(failure -> channels.refusedAct(room, failure));
  }

  void kick(IrcMessage m) {
    String room = channels.joinedName(m.param(0));
    if (room == null) {
      channels.notOn(m.param(0));
      return;
    }
    for (String target : m.param(1).split(",")) {
      channels
          .requests()
          .<Answer>act(Action.KICK, room, target, "", m.param(2), 0)
          .onFailure(failure -> channels.refusedAct(room, failure));
    }
  }
}
