package dev.parley.irc;

import dev.parley.api.ApiAddresses;
import dev.parley.bus.ModerationMessages.Action;
import dev.parley.bus.ModerationMessages.WhoisAnswer;
import dev.parley.names.NameRegistry;
import dev.parley.values.ErrorCode;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The IRC client's questions about rooms and members (PROTOCOL.md section 14): NAMES, LIST and
 * WHOIS (WHO is {@link IrcWho}), answered from the rooms' own views (the event-bus API's {@code
 * who} and {@code rooms}, and a whois asked of every group). Replies complete on the session's
 * event loop; nothing here blocks.
 */
final class IrcQueries {
  /** How many names one 353 carries: far below 512 bytes for names of 32 code points. */
  private static final int NAMES_PER_LINE = 10;

  private final IrcSession session;
  private final IrcRequests requests;

  IrcQueries(IrcSession session, IrcRequests requests) {
    this.session = session;
    this.requests = requests;
  }

  /** 353 and 366 for a room: operators carry {@code @}. */
  void namesReply(String room, List<String> roster, List<String> operators) {
    List<String> line = new ArrayList<>();
    for (String name : roster) {
      String shown =
          session.has("userhost-in-names") ? name + "!" + name + "@" + session.server() : name;
      line.add(operators.contains(name) ? "@" + shown : shown);
      if (line.size() == NAMES_PER_LINE) {
        session.numeric(IrcReplies.NAMREPLY, "=", room, String.join(" ", line));
        line.clear();
      }
    }
    if (!line.isEmpty()) {
      session.numeric(IrcReplies.NAMREPLY, "=", room, String.join(" ", line));
    }
    session.numeric(IrcReplies.ENDOFNAMES, room, IrcReplies.END_OF_NAMES);
  }

  /** {@code NAMES #room}: the roster of a room, joined or not; no parameter, only 366. */
  void names(IrcMessage m) {
    if (m.params().isEmpty()) {
      session.numeric(IrcReplies.ENDOFNAMES, "*", IrcReplies.END_OF_NAMES);
      return;
    }
    for (String typed : m.param(0).split(",")) {
      String room = IrcRequests.canonical(typed);
      if (room == null) {
        session.numeric(IrcReplies.ENDOFNAMES, typed, IrcReplies.END_OF_NAMES);
        continue;
      }
      requests
          .query(ApiAddresses.WHO, new JsonObject().put("room", room))
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  session.numeric(IrcReplies.ENDOFNAMES, room, IrcReplies.END_OF_NAMES);
                  return;
                }
                namesReply(
                    ar.result().getString("room", room),
                    memberNames(ar.result()),
                    operators(ar.result()));
              });
    }
  }

  /** {@code LIST}: 321, one 322 per room the server lists (largest first), 323. */
  void list(IrcMessage m) {
    requests
        .query(ApiAddresses.ROOMS, new JsonObject())
        .onComplete(
            ar -> {
              session.numeric(IrcReplies.LISTSTART, "Channel", IrcReplies.LIST_HEADER);
              if (ar.succeeded()) {
                for (Object listed : ar.result().getJsonArray("rooms", new JsonArray())) {
                  JsonObject room = (JsonObject) listed;
                  session.numeric(
                      IrcReplies.LIST,
                      room.getString("name"),
                      String.valueOf(room.getInteger("members", 0)),
                      "");
                }
              }
              session.numeric(IrcReplies.LISTEND, IrcReplies.END_OF_LIST);
            });
  }

  static String user(String name, NameRegistry.Holder holder) {
    return holder != null && holder.user() != null ? holder.user() : name;
  }

  static String realName(String name, NameRegistry.Holder holder) {
    return holder != null && holder.realName() != null ? holder.realName() : name;
  }

  /** {@code WHOIS NICK}: 311, 319, 312, 330 for a registered name, 318; 401 for nobody. */
  void whois(IrcMessage m) {
    String nick = m.param(m.params().size() - 1);
    Future<WhoisAnswer> answer = requests.actEverywhere(Action.WHOIS, nick);
    session.inOrder(
        answer.transform(
            ar ->
                session
                    .names()
                    .holder(ar.succeeded() ? ar.result().name() : nick)
                    .otherwise((NameRegistry.Holder) null)
                    .map(
                        holder -> {
                          whoisReply(nick, ar, holder);
                          return null;
                        })));
  }

  private void whoisReply(String nick, AsyncResult<WhoisAnswer> ar, NameRegistry.Holder holder) {
    if (ar.succeeded()) {
      WhoisAnswer a = ar.result();
      whoisUser(a.name(), holder);
      List<String> rooms = new ArrayList<>();
      for (String room : a.rooms()) {
        rooms.add(a.operatorRooms().contains(room) ? "@" + room : room);
      }
      if (!rooms.isEmpty()) {
        session.numeric(IrcReplies.WHOISCHANNELS, a.name(), String.join(" ", rooms));
      }
      session.numeric(IrcReplies.WHOISSERVER, a.name(), session.server(), IrcReplies.SERVER_INFO);
      if (holder != null && holder.operator()) {
        session.numeric(IrcReplies.WHOISOPERATOR, a.name(), IrcReplies.IS_OPERATOR);
      }
      if (holder != null && holder.away() != null) {
        session.numeric(IrcReplies.AWAY, a.name(), holder.away());
      }
      if (a.registered()) {
        session.numeric(IrcReplies.WHOISACCOUNT, a.name(), a.name(), IrcReplies.LOGGED_IN_AS);
      }
      session.numeric(IrcReplies.ENDOFWHOIS, a.name(), IrcReplies.END_OF_WHOIS);
    } else if (IrcRequests.code(ar.cause()) == ErrorCode.NO_SUCH_MEMBER.code() && holder != null) {
      // A name in no room: an IRC client between channels still holds it in the registry.
      whoisUser(holder.name(), holder);
      session.numeric(
          IrcReplies.WHOISSERVER, holder.name(), session.server(), IrcReplies.SERVER_INFO);
      if (holder.operator()) {
        session.numeric(IrcReplies.WHOISOPERATOR, holder.name(), IrcReplies.IS_OPERATOR);
      }
      if (holder.away() != null) {
        session.numeric(IrcReplies.AWAY, holder.name(), holder.away());
      }
      session.numeric(IrcReplies.ENDOFWHOIS, holder.name(), IrcReplies.END_OF_WHOIS);
    } else if (IrcRequests.code(ar.cause()) == ErrorCode.NO_SUCH_MEMBER.code()) {
      session.numeric(IrcReplies.NOSUCHNICK, nick, IrcReplies.NO_SUCH_NICK);
      session.numeric(IrcReplies.ENDOFWHOIS, nick, IrcReplies.END_OF_WHOIS);
    } else {
      session.notice(IrcRequests.text(ar.cause()));
      session.numeric(IrcReplies.ENDOFWHOIS, nick, IrcReplies.END_OF_WHOIS);
    }
  }

  private void whoisUser(String name, NameRegistry.Holder holder) {
    session.numeric(
        IrcReplies.WHOISUSER,
        name,
        user(name, holder),
        session.server(),
        "*",
        realName(name, holder));
  }

  static List<String> memberNames(JsonObject who) {
    List<String> names = new ArrayList<>();
    for (Object member : who.getJsonArray("members", new JsonArray())) {
      names.add(((JsonObject) member).getString("name"));
    }
    return names;
  }

  static List<String> operators(JsonObject who) {
    List<String> operators = new ArrayList<>();
    for (Object name : who.getJsonArray("operators", new JsonArray())) {
      operators.add(String.valueOf(name));
    }
    return operators;
  }
}
