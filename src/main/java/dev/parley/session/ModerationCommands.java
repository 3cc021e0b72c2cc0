package dev.parley.session;

import dev.parley.bus.ModerationMessages.Act;
import dev.parley.bus.ModerationMessages.Action;
import dev.parley.bus.ModerationMessages.Answer;
import dev.parley.bus.ModerationMessages.BanList;
import dev.parley.bus.ModerationMessages.WhoisAnswer;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.ModerationReplies;
import dev.parley.room.AddressBlock;
import dev.parley.room.Ban;
import dev.parley.store.Account;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of PROTOCOL.md section 13 ({@code /topic}, {@code /op}, {@code /deop}, {@code
 * /kick}, {@code /ban}, {@code /unban}, {@code /bans}, {@code /mute}, {@code /unmute}) and {@code
 * /whois} of section 12. Each asks the member's room group (a kick and {@code /whois} every group:
 * the one that has the member answers), which checks the member's rights; the room sees the changes
 * it announces, and the member is answered what the room does not show it. Run on the session's
 * event loop.
 */
final class ModerationCommands {
  private ModerationCommands() {}

  /** A request of this member's. */
  static Act act(
      Session session, Action action, String target, String account, String text, long minutes) {
    return new Act(
        action,
        session.id(),
        session.name(),
        session.account(),
        target,
        account == null ? "" : account,
        text,
        minutes,
        "");
  }

  /** The first word of an argument, and the rest. */
  private record Words(String first, String rest) {
    static Words of(String argument) {
      int space = 0;
      while (space < argument.length() && !Character.isWhitespace(argument.charAt(space))) {
        space++;
      }
      return new Words(argument.substring(0, space), argument.substring(space).strip());
    }
  }

  /** A number of minutes, 0 for none, and the text after it. */
  private record Timed(long minutes, String rest) {
    /** The number of minutes at the start of {@code text}, if it starts with one. */
    static Timed of(String text) {
      Words words = Words.of(text);
      if (!words.first().isEmpty()
          && words.first().length() <= 9
          && words.first().chars().allMatch(c -> c >= '0' && c <= '9')) {
        return new Timed(Long.parseLong(words.first()), words.rest());
      }
      return new Timed(0, text);
    }
  }

  /** {@code /topic [TEXT]}: shows the topic, or sets it ({@code /topic -} clears it). */
  static final class Topic implements Command {
    @Override
    public void run(Session session, String argument) {
      if (argument.isEmpty()) {
        session.<Answer>answer(
            session.room().act(act(session, Action.TOPIC, "", "", "", 0)),
            answer ->
                session.send(
                    answer.text() == null
                        ? ModerationReplies.noTopic(answer.room())
                        : ModerationReplies.topicOf(answer.room(), answer.text())));
      } else {
        session.<Answer>answer(
            session.room().act(act(session, Action.SET_TOPIC, "", "", argument, 0)), a -> {});
      }
    }
  }

  /** {@code /op NAME}, {@code /deop NAME}: the room sees the change. */
  static final class Operator implements Command {
    private final boolean op;

    Operator(boolean op) {
      this.op = op;
    }

    @Override
    public void run(Session session, String argument) {
      Future<Account> account =
          op
              ? session.accounts().find(argument).otherwise(failure -> null)
              : Future.succeededFuture(null);
      session.<Answer>answer(
          account.compose(
              found ->
                  session
                      .room()
                      .act(
                          act(
                              session,
                              op ? Action.OP : Action.DEOP,
                              argument,
                              found == null ? "" : found.name(),
                              "",
                              0))),
          a -> {});
    }
  }

  /** {@code /kick NAME [WHY]}, by an operator of NAME's room, wherever it is. */
  static final class Kick implements Command {
    @Override
    public void run(Session session, String argument) {
      Words words = Words.of(argument);
      session.<Answer>answer(
          session
              .room()
              .actEverywhere(act(session, Action.KICK, words.first(), "", words.rest(), 0)),
          a -> {});
    }
  }

  /** {@code /ban TARGET [MINUTES] [WHY]}: the operator is told the ban is made. */
  static final class BanCommand implements Command {
    @Override
    public void run(Session session, String argument) {
      Words words = Words.of(argument);
      Timed timed = Timed.of(words.rest());
      long minutes = timed.minutes();
      String why = timed.rest();
      String target = words.first();
      Future<Account> account =
          AddressBlock.parse(target) != null
              ? Future.succeededFuture(null)
              : session.accounts().find(target).otherwise(failure -> null);
      session.<Answer>answer(
          account.compose(
              found ->
                  session
                      .room()
                      .act(
                          act(
                              session,
                              Action.BAN,
                              target,
                              found == null ? "" : found.name(),
                              why,
                              minutes))),
          answer -> session.send(ModerationReplies.banned(answer.target(), answer.room())));
    }
  }

  /** {@code /unban TARGET}. */
  static final class Unban implements Command {
    @Override
    public void run(Session session, String argument) {
      session.<Answer>answer(
          session.room().act(act(session, Action.UNBAN, argument, "", "", 0)),
          answer -> session.send(ModerationReplies.unbanned(argument, answer.room())));
    }
  }

  /** {@code /bans}: the room's bans in force. */
  static final class Bans implements Command {
    @Override
    public void run(Session session, String argument) {
      session.<BanList>answer(
          session.room().act(act(session, Action.BANS, "", "", "", 0)),
          list -> {
            List<String> bans = new ArrayList<>();
            for (Ban ban : list.bans()) {
              bans.add(ModerationReplies.ban(ban.target(), ban.by(), ban.untilMillis(), ban.why()));
            }
            session.send(ModerationReplies.bans(list.room(), bans));
          });
    }
  }

  /** {@code /mute NAME [MINUTES]}, {@code /unmute NAME}: the room sees the change. */
  static final class MuteCommand implements Command {
    private final boolean mute;

    MuteCommand(boolean mute) {
      this.mute = mute;
    }

    @Override
    public void run(Session session, String argument) {
      Words words = Words.of(argument);
      long minutes = mute ? Timed.of(words.rest()).minutes() : 0;
      session.<Answer>answer(
          session
              .room()
              .act(
                  act(session, mute ? Action.MUTE : Action.UNMUTE, words.first(), "", "", minutes)),
          a -> {});
    }
  }

  /** {@code /whois NAME}. */
  static final class Whois implements Command {
    @Override
    public void run(Session session, String argument) {
      session.<WhoisAnswer>answer(
          session.room().actEverywhere(act(session, Action.WHOIS, argument, "", "", 0)),
          whois ->
              session.send(
                  AccountReplies.whois(
                      whois.name(), whois.room(), whois.registered(), whois.operatorOf())));
    }
  }
}
