package dev.parley.irc;

import dev.parley.api.ApiAddresses;
import dev.parley.names.NameRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * WHO for the IRC port (PROTOCOL.md section 14, the Modern IRC documents and IRCv3 WHOX): the
 * members of a room, of the client's rooms, one nick, or the nicks a mask matches, from the rooms'
 * own views (the event-bus API's {@code who}) and the name registry. Each member is a 352, or a 354
 * with the fields a {@code %FIELDS[,TOKEN]} parameter asks for; flags are {@code H} or {@code G}
 * (away), then {@code @} for a room operator. Replies complete on the session's event loop, in the
 * order of the client's commands; nothing here blocks. Made for one command.
 */
final class IrcWho {
  /** A mask is matched against at most this many members' rows: the rest are left out. */
  static final int MAX_MATCHES = 200;

  /** The WHOX fields in the order a 354 carries them. */
  private static final String WHOX_ORDER = "tcuihsnfdlaor";

  /** One member of the reply: the channel it is listed in ({@code *} for none). */
  private record Row(String channel, String name, NameRegistry.Holder holder, boolean operator) {}

  private final IrcSession session;
  private final IrcRequests requests;

  IrcWho(IrcSession session, IrcRequests requests) {
    this.session = session;
    this.requests = requests;
  }

  /**
   * {@code WHO #room}, {@code WHO NICK}, {@code WHO MASK} ({@code *} and {@code ?}, matched with
   * nicks, user names and real names), {@code WHO *} or {@code WHO 0} (the members of the client's
   * rooms); then 315 with the mask as typed.
   */
  void who(IrcMessage m) {
    String mask = m.params().isEmpty() || m.param(0).isEmpty() ? "*" : m.param(0);
    String fields = m.params().size() > 1 && m.param(1).startsWith("%") ? m.param(1) : null;
    String room = IrcRequests.canonical(mask);
    Future<List<Row>> rows;
    if (room != null) {
      rows = room(room);
    } else if (mask.equals("*") || mask.equals("0")) {
      rows = sharedRooms();
    } else if (IrcNicks.isMask(mask)) {
      rows = matching(mask);
    } else {
      rows =
          IrcNicks.holder(session.names(), mask)
              .map(
                  holder ->
                      holder == null
                          ? List.<Row>of()
                          : List.of(new Row("*", holder.name(), holder, false)));
    }
    session.inOrder(
        rows.otherwise(List.of())
            .compose(found -> send(found, fields))
            .onComplete(v -> session.numeric(IrcReplies.ENDOFWHO, mask, IrcReplies.END_OF_WHO)));
  }

  private Future<List<Row>> room(String room) {
    return requests
        .query(ApiAddresses.WHO, new JsonObject().put("room", room))
        .compose(
            who -> {
              List<String> operators = IrcQueries.operators(who);
              List<String> names = IrcQueries.memberNames(who);
              String name = who.getString("room", room);
              return holders(names)
                  .map(
                      found -> {
                        List<Row> list = new ArrayList<>();
                        for (int i = 0; i < names.size(); i++) {
                          String member = names.get(i);
                          list.add(new Row(name, member, found.get(i), operators.contains(member)));
                        }
                        return list;
                      });
            });
  }

  /** The members of the rooms the client is in, each once, in no channel. */
  private Future<List<Row>> sharedRooms() {
    List<Future<JsonObject>> asked = new ArrayList<>();
    for (String room : session.channels().rooms()) {
      asked.add(requests.query(ApiAddresses.WHO, new JsonObject().put("room", room)));
    }
    return Future.join(asked)
        .transform(
            all -> {
              List<String> names = new ArrayList<>();
              for (Future<JsonObject> f : asked) {
                if (f.succeeded()) {
                  for (String name : IrcQueries.memberNames(f.result())) {
                    if (!names.contains(name)) {
                      names.add(name);
                    }
                  }
                }
              }
              return holders(names)
                  .map(
                      found -> {
                        List<Row> list = new ArrayList<>();
                        for (int i = 0; i < names.size(); i++) {
                          list.add(new Row("*", names.get(i), found.get(i), false));
                        }
                        return list;
                      });
            });
  }

  /**
   * The holders whose nick, user name or real name the mask matches, at most {@link #MAX_MATCHES}.
   */
  private Future<List<Row>> matching(String mask) {
    return session
        .names()
        .holders()
        .map(
            all -> {
              List<Row> list = new ArrayList<>();
              for (NameRegistry.Holder holder : all) {
                if (list.size() < MAX_MATCHES && matches(mask, holder)) {
                  list.add(new Row("*", holder.name(), holder, false));
                }
              }
              return list;
            });
  }

  private static boolean matches(String mask, NameRegistry.Holder holder) {
    return IrcNicks.matches(mask, holder.name())
        || holder.user() != null && IrcNicks.matches(mask, holder.user())
        || holder.realName() != null && IrcNicks.matches(mask, holder.realName());
  }

  /** The registry's holders of {@code names}, {@code null} where none is known. */
  private Future<List<NameRegistry.Holder>> holders(List<String> names) {
    List<Future<NameRegistry.Holder>> found = new ArrayList<>();
    for (String name : names) {
      found.add(session.names().holder(name).otherwise((NameRegistry.Holder) null));
    }
    return Future.join(found)
        .transform(
            all -> {
              List<NameRegistry.Holder> list = new ArrayList<>();
              for (Future<NameRegistry.Holder> f : found) {
                list.add(f.succeeded() ? f.result() : null);
              }
              return Future.succeededFuture(list);
            });
  }

  /**
   * The rows as 352s, or as the 354s of the WHOX {@code fields} ({@code %FIELDS[,TOKEN]}); the
   * account field asks the store which members are logged in (a registered name is only ever held
   * by its account).
   */
  private Future<Void> send(List<Row> rows, String fields) {
    if (fields == null) {
      for (Row row : rows) {
        session.numeric(
            IrcReplies.WHOREPLY,
            row.channel(),
            IrcQueries.user(row.name(), row.holder()),
            session.server(),
            session.server(),
            row.name(),
            flags(row),
            "0 " + IrcQueries.realName(row.name(), row.holder()));
      }
      return Future.succeededFuture();
    }
    int comma = fields.indexOf(',');
    String wanted = comma < 0 ? fields.substring(1) : fields.substring(1, comma);
    String token = comma < 0 ? "0" : fields.substring(comma + 1);
    List<Future<Boolean>> registered = new ArrayList<>();
    for (Row row : rows) {
      registered.add(
          wanted.indexOf('a') < 0
              ? Future.succeededFuture(false)
              : session.accounts().find(row.name()).map(found -> found != null).otherwise(false));
    }
    return Future.join(registered)
        .transform(
            all -> {
              for (int i = 0; i < rows.size(); i++) {
                Row row = rows.get(i);
                String account = registered.get(i).result() ? row.name() : "0";
                session.numeric(IrcReplies.WHOSPCRPL, whox(row, wanted, token, account));
              }
              return Future.succeededFuture();
            });
  }

  /** One 354's parameters after the client's nick, in the order WHOX gives the fields. */
  private String[] whox(Row row, String wanted, String token, String account) {
    List<String> params = new ArrayList<>();
    for (char field : WHOX_ORDER.toCharArray()) {
      if (wanted.indexOf(field) >= 0) {
        params.add(
            switch (field) {
              case 't' -> token;
              case 'c' -> row.channel();
              case 'u' -> IrcQueries.user(row.name(), row.holder());
              case 'i' -> IrcReplies.HIDDEN_ADDRESS;
              case 'h', 's' -> session.server();
              case 'n' -> row.name();
              case 'f' -> flags(row);
              case 'd', 'l' -> "0";
              case 'a' -> account;
              case 'o' -> "n/a";
              default -> IrcQueries.realName(row.name(), row.holder());
            });
      }
    }
    return params.toArray(String[]::new);
  }

  /**
   * {@code H} here or {@code G} away, {@code *} for an IRC operator (OPER), then {@code @} for an
   * operator of the row's room.
   */
  private static String flags(Row row) {
    boolean away = row.holder() != null && row.holder().away() != null;
    boolean oper = row.holder() != null && row.holder().operator();
    return (away ? "G" : "H") + (oper ? "*" : "") + (row.operator() ? "@" : "");
  }
}
