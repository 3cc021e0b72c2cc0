package dev.parley.irc;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The IRC port's command table (PROTOCOL.md section 14), with the checks every command shares run
 * before it: a command that needs registration gets 451 before it, one with too few parameters 461,
 * an unknown one 421 (ignored before registration, as clients probe). Handlers run on the session's
 * event loop and MUST NOT block. Stateless.
 */
final class IrcCommands {
  /** One command: its fewest parameters, whether it needs registration, and what it does. */
  private record Entry(int minParams, boolean registered, BiConsumer<IrcSession, IrcMessage> run) {}

  private static final Map<String, Entry> TABLE =
      Map.ofEntries(
          Map.entry("CAP", new Entry(1, false, (s, m) -> s.registration().cap(m))),
          Map.entry("PASS", new Entry(1, false, (s, m) -> s.registration().pass(m))),
          Map.entry("NICK", new Entry(0, false, (s, m) -> s.registration().nick(m))),
          Map.entry("USER", new Entry(4, false, (s, m) -> s.registration().user(m))),
          Map.entry(
              "AUTHENTICATE",
              new Entry(1, false, (s, m) -> s.registration().sasl().authenticate(m))),
          Map.entry("PING", new Entry(1, false, IrcCommands::ping)),
          Map.entry("PONG", new Entry(0, false, (s, m) -> {})),
          Map.entry("QUIT", new Entry(0, false, (s, m) -> s.close(m.param(0)))),
          Map.entry("JOIN", new Entry(1, true, (s, m) -> s.channels().join(m))),
          Map.entry("PART", new Entry(1, true, (s, m) -> s.channels().part(m))),
          Map.entry("PRIVMSG", new Entry(0, true, (s, m) -> s.chat().message(m, false))),
          Map.entry("NOTICE", new Entry(0, true, (s, m) -> s.chat().message(m, true))),
          Map.entry("NAMES", new Entry(0, true, (s, m) -> s.channels().queries().names(m))),
          Map.entry("TOPIC", new Entry(1, true, (s, m) -> s.moderation().topic(m))),
          Map.entry("LIST", new Entry(0, true, (s, m) -> s.channels().queries().list(m))),
          Map.entry(
              "WHO", new Entry(0, true, (s, m) -> new IrcWho(s, s.channels().requests()).who(m))),
          Map.entry("WHOIS", new Entry(1, true, (s, m) -> s.channels().queries().whois(m))),
          Map.entry("AWAY", new Entry(0, true, (s, m) -> s.away().away(m))),
          Map.entry("KICK", new Entry(2, true, (s, m) -> s.moderation().kick(m))),
          Map.entry("MODE", new Entry(1, true, (s, m) -> IrcModes.mode(s, m))),
          Map.entry("LUSERS", new Entry(0, true, (s, m) -> IrcWelcome.lusers(s, s.host()))),
          Map.entry("TIME", new Entry(0, true, (s, m) -> IrcInfo.time(s))),
          Map.entry("INFO", new Entry(0, true, (s, m) -> IrcInfo.info(s))),
          Map.entry("HELP", new Entry(0, true, IrcInfo::help)),
          Map.entry("HELPOP", new Entry(0, true, IrcInfo::help)),
          Map.entry("USERHOST", new Entry(1, true, IrcInfo::userhost)),
          Map.entry("ISON", new Entry(1, true, IrcInfo::ison)),
          Map.entry("WHOWAS", new Entry(1, true, IrcInfo::whowas)),
          Map.entry("INVITE", new Entry(0, true, IrcInvite::invite)),
          Map.entry("MONITOR", new Entry(1, true, (s, m) -> s.monitors().monitor(m))),
          Map.entry(
              "MOTD",
              new Entry(0, true, (s, m) -> s.numeric(IrcReplies.NOMOTD, IrcReplies.NO_MOTD))),
          Map.entry("OPER", new Entry(2, true, IrcOper::oper)));

  private IrcCommands() {}

  /** Runs one message from the client. */
  static void run(IrcSession session, IrcMessage message) {
    Entry entry = TABLE.get(message.command());
    boolean registered = session.state() == IrcSession.State.REGISTERED;
    if (entry == null) {
      if (registered) {
        session.numeric(IrcReplies.UNKNOWNCOMMAND, message.command(), IrcReplies.UNKNOWN_COMMAND);
      }
    } else if (entry.registered() && !registered) {
      session.numeric(IrcReplies.NOTREGISTERED, IrcReplies.NOT_REGISTERED);
    } else if (message.params().size() < entry.minParams()) {
      session.numeric(IrcReplies.NEEDMOREPARAMS, message.command(), IrcReplies.NEED_MORE_PARAMS);
    } else {
      entry.run().accept(session, message);
    }
  }

  private static void ping(IrcSession session, IrcMessage m) {
    session.send(IrcMessage.of(session.server(), "PONG", session.server(), m.param(0)));
  }
}
