package dev.parley.irc;

import dev.parley.names.NameRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The IRC client's questions about the server and about nicks that need no room (PROTOCOL.md
 * section 14, the Modern IRC documents): TIME, INFO, HELP and HELPOP, USERHOST, ISON and WHOWAS.
 * Nicks are looked up in the name registry, so members of every kind and every node are found;
 * WHOWAS asks the node's {@link IrcWhowas}. Replies are sent in the order of the client's commands;
 * nothing here blocks. Stateless.
 */
final class IrcInfo {
  /** USERHOST answers at most this many nicks, as the Modern IRC documents say. */
  static final int USERHOST_MAX_NICKS = 5;

  private static final DateTimeFormatter TIME_TEXT =
      DateTimeFormatter.ofPattern("EEEE MMMM d yyyy -- HH:mm:ss xxx", Locale.ROOT);

  private IrcInfo() {}

  /** {@code TIME}: 391 with the server's time, in UTC. */
  static void time(IrcSession session) {
    ZonedDateTime now =
        ZonedDateTime.ofInstant(
            Instant.ofEpochMilli(session.host().time().epochMillis()), ZoneOffset.UTC);
    session.numeric(IrcReplies.TIME, session.server(), TIME_TEXT.format(now));
  }

  /** {@code INFO}: the lines of 371, then 374. */
  static void info(IrcSession session) {
    for (String line : IrcReplies.INFO) {
      session.numeric(IrcReplies.INFO_NUMERIC, line);
    }
    session.numeric(IrcReplies.ENDOFINFO, IrcReplies.END_OF_INFO);
  }

  /**
   * {@code HELP [SUBJECT]} (and HELPOP): 704, one 705 per further line, 706, the subject as the
   * client typed it; a subject without help gets 524.
   */
  static void help(IrcSession session, IrcMessage m) {
    String typed = m.params().isEmpty() ? "index" : m.param(0);
    List<String> lines = IrcReplies.HELP.get(typed.toUpperCase(Locale.ROOT));
    if (lines == null) {
      session.numeric(IrcReplies.HELPNOTFOUND, typed, IrcReplies.HELP_NOT_FOUND);
      return;
    }
    session.numeric(IrcReplies.HELPSTART, typed, lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      session.numeric(IrcReplies.HELPTXT, typed, line);
    }
    session.numeric(IrcReplies.ENDOFHELP, typed, IrcReplies.END_OF_HELP);
  }

  /**
   * {@code USERHOST NICK...}: one 302 with {@code NICK=+USER@HOST} ({@code -} while away) for each
   * of the first {@value #USERHOST_MAX_NICKS} nicks that somebody holds.
   */
  static void userhost(IrcSession session, IrcMessage m) {
    List<String> nicks = m.params().subList(0, Math.min(m.params().size(), USERHOST_MAX_NICKS));
    session.inOrder(
        holders(session, nicks)
            .onSuccess(
                found -> {
                  List<String> replies = new ArrayList<>();
                  for (NameRegistry.Holder holder : found) {
                    String user = holder.user() != null ? holder.user() : holder.name();
                    String away = holder.away() != null ? "-" : "+";
                    replies.add(holder.name() + "=" + away + user + "@" + session.server());
                  }
                  session.numeric(IrcReplies.USERHOST, String.join(" ", replies));
                }));
  }

  /** {@code ISON NICK...}: one 303 with the nicks somebody holds, as they hold them. */
  static void ison(IrcSession session, IrcMessage m) {
    List<String> nicks = new ArrayList<>();
    for (String param : m.params()) {
      for (String nick : param.split(" ")) {
        if (!nick.isEmpty()) {
          nicks.add(nick);
        }
      }
    }
    session.inOrder(
        holders(session, nicks)
            .onSuccess(
                found -> {
                  List<String> here = new ArrayList<>();
                  for (NameRegistry.Holder holder : found) {
                    here.add(holder.name());
                  }
                  session.numeric(IrcReplies.ISON, String.join(" ", here));
                }));
  }

  /**
   * {@code WHOWAS NICK[,NICK...] [COUNT]}: for each nick, the newest COUNT (all for none, 0 or
   * less) of the times an IRC client gave it up, each a 314 and a 312 with the time, or 406 when
   * none; then 369.
   */
  static void whowas(IrcSession session, IrcMessage m) {
    if (m.param(0).isEmpty()) {
      session.numeric(IrcReplies.NONICKNAMEGIVEN, IrcReplies.NO_NICK_GIVEN);
      return;
    }
    int count = 0;
    if (m.params().size() > 1) {
      try {
        count = Integer.parseInt(m.param(1));
      } catch (NumberFormatException e) {
        count = 0;
      }
    }
    Future<Void> chain = Future.succeededFuture();
    for (String nick : m.param(0).split(",")) {
      JsonObject ask = new JsonObject().put("nick", nick).put("count", count);
      chain =
          chain.compose(
              v ->
                  session
                      .host()
                      .vertx()
                      .eventBus()
                      .<JsonObject>request(IrcWhowas.ASK, ask, IrcMonitor.LOCAL)
                      .map(reply -> reply.body().getJsonArray("entries", new JsonArray()))
                      .otherwise(new JsonArray())
                      .map(
                          entries -> {
                            whowasReply(session, nick, entries);
                            return null;
                          }));
    }
    session.inOrder(chain);
  }

  private static void whowasReply(IrcSession session, String nick, JsonArray entries) {
    if (entries.isEmpty()) {
      session.numeric(IrcReplies.WASNOSUCHNICK, nick, IrcReplies.WAS_NO_SUCH_NICK);
    }
    for (Object listed : entries) {
      JsonObject entry = (JsonObject) listed;
      String was = entry.getString("nick");
      session.numeric(
          IrcReplies.WHOWASUSER,
          was,
          entry.getString("user", was),
          session.server(),
          "*",
          entry.getString("real", was));
      ZonedDateTime at =
          ZonedDateTime.ofInstant(Instant.ofEpochMilli(entry.getLong("at", 0L)), ZoneOffset.UTC);
      session.numeric(IrcReplies.WHOISSERVER, was, session.server(), TIME_TEXT.format(at));
    }
    session.numeric(IrcReplies.ENDOFWHOWAS, nick, IrcReplies.END_OF_WHOWAS);
  }

  /** The holders of those of {@code nicks} that somebody holds, in their order. */
  private static Future<List<NameRegistry.Holder>> holders(IrcSession session, List<String> nicks) {
    List<Future<NameRegistry.Holder>> asked = new ArrayList<>();
    for (String nick : nicks) {
      asked.add(IrcNicks.holder(session.names(), nick));
    }
    return Future.join(asked)
        .transform(
            all -> {
              List<NameRegistry.Holder> found = new ArrayList<>();
              for (Future<NameRegistry.Holder> f : asked) {
                if (f.succeeded() && f.result() != null) {
                  found.add(f.result());
                }
              }
              return Future.succeededFuture(found);
            });
  }
}
