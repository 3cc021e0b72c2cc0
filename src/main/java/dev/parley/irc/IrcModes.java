package dev.parley.irc;

import dev.parley.bus.ModerationMessages.Action;
import dev.parley.bus.ModerationMessages.Answer;
import dev.parley.bus.ModerationMessages.BanList;
import dev.parley.protocol.NameKey;
import dev.parley.room.AddressBlock;
import dev.parley.room.Ban;
import dev.parley.store.Account;
import io.vertx.core.Future;

/**
 * MODE for the IRC port (PROTOCOL.md sections 13 and 14): a room has no modes of its own but its
 * operators ({@code +o}/{@code -o NICK}) and its bans ({@code +b}/{@code -b MASK}, and {@code +b}
 * alone for the list, 367 and 368); a user's own modes are always {@code +}. A granted change
 * reaches every member of the room as the room's MODE, from the room's event; a refusal gets the
 * numeric {@link IrcChannels#refusedAct} gives it. Stateless; runs on the session's event loop and
 * MUST NOT block.
 */
final class IrcModes {
  private IrcModes() {}

  static void mode(IrcSession session, IrcMessage m) {
    String target = m.param(0);
    if (target.startsWith("#")) {
      channel(session, m);
    } else {
      user(session, m);
    }
  }

  private static void user(IrcSession session, IrcMessage m) {
    if (!NameKey.of(m.param(0))
        .foldedSkeleton()
        .equals(NameKey.of(session.nick()).foldedSkeleton())) {
      session.numeric(IrcReplies.USERSDONTMATCH, IrcReplies.USERS_DONT_MATCH);
    } else if (m.params().size() < 2) {
      session.numeric(IrcReplies.UMODEIS, session.operatorAccount() != null ? "+o" : "+");
    } else if (!m.param(1).matches("([+-]?[io]*)*")) {
      session.numeric(IrcReplies.UMODEUNKNOWNFLAG, IrcReplies.UNKNOWN_MODE);
    } else if (m.param(1).startsWith("-") && m.param(1).contains("o")) {
      // +o comes only from OPER; -o gives its rights up.
      IrcOper.deoper(session);
    }
  }

  private static void channel(IrcSession session, IrcMessage m) {
    IrcChannels channels = session.channels();
    String room = channels.joinedName(m.param(0));
    if (room == null) {
      channels.notOn(m.param(0));
      return;
    }
    if (m.params().size() < 2) {
      session.numeric(IrcReplies.CHANNELMODEIS, room, "+");
      return;
    }
    String modes = m.param(1);
    boolean add = true;
    int next = 2;
    for (int i = 0; i < modes.length(); i++) {
      char c = modes.charAt(i);
      if (c == '+' || c == '-') {
        add = c == '+';
      } else if (c == 'o') {
        if (next >= m.params().size()) {
          session.numeric(IrcReplies.NEEDMOREPARAMS, "MODE", IrcReplies.NEED_MORE_PARAMS);
          return;
        }
        operator(session, room, add, m.param(next++));
      } else if (c == 'b') {
        if (next >= m.params().size()) {
          bans(session, room);
        } else {
          ban(session, room, add, m.param(next++));
        }
      } else {
        session.numeric(IrcReplies.UNKNOWNMODE, String.valueOf(c), IrcReplies.UNKNOWN_MODE_CHAR);
      }
    }
  }

  private static void operator(IrcSession session, String room, boolean op, String nick) {
    Future<Account> account =
        op
            ? session.accounts().find(nick).otherwise(failure -> null)
            : Future.succeededFuture(null);
    account
        .compose(
            found ->
                session
                    .channels()
                    .requests()
                    .<Answer>act(
                        op ? Action.OP : Action.DEOP,
                        room,
                        nick,
                        found == null ? "" : found.name(),
                        "",
                        0))
        .onFailure(failure -> session.channels().refusedAct(room, failure));
  }

  private static void ban(IrcSession session, String room, boolean add, String mask) {
    String target = BanMasks.target(mask);
    if (target == null) {
      session.notice(IrcReplies.banMaskUnsupported(mask));
      return;
    }
    IrcRequests requests = session.channels().requests();
    if (!add) {
      requests
          .<Answer>act(Action.UNBAN, room, target, "", "", 0)
          .onFailure(failure -> session.channels().refusedAct(room, failure));
      return;
    }
    Future<Account> account =
        AddressBlock.parse(target) != null
            ? Future.succeededFuture(null)
            : session.accounts().find(target).otherwise(failure -> null);
    account
        .compose(
            found ->
                requests.<Answer>act(
                    Action.BAN, room, target, found == null ? "" : found.name(), "", 0))
        .onFailure(failure -> session.channels().refusedAct(room, failure));
  }

  private static void bans(IrcSession session, String room) {
    session
        .channels()
        .requests()
        .<BanList>act(Action.BANS, room, "", "", "", 0)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                session.channels().refusedAct(room, ar.cause());
                return;
              }
              for (Ban ban : ar.result().bans()) {
                session.numeric(
                    IrcReplies.BANLIST,
                    room,
                    BanMasks.mask(ban.target()),
                    ban.by(),
                    String.valueOf(ban.atMillis() / 1000));
              }
              session.numeric(IrcReplies.ENDOFBANLIST, room, IrcReplies.END_OF_BANS);
            });
  }
}
