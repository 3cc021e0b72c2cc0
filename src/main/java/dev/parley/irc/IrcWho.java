package dev.parley.irc;

import dev.parley.api.ApiAddresses;
import dev.parley.names.NameRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * WHO for the IRC port (PROTOCOL.md section 14): the members of a room, of the client's rooms, or
 * one nick, from the rooms' own views (the event-bus API's {@code who}) and the name registry.
 * Replies complete on the session's event loop; nothing here blocks.
 */
final class IrcWho {
  private final IrcSession session;
  private final IrcRequests requests;

  IrcWho(IrcSession session, IrcRequests requests) {
    this.session = session;
    this.requests = requests;
  }

  /**
   * {@code WHO #room}: one 352 per member, {@code H} or {@code H@}; {@code WHO NICK}: that member,
   * in no channel ({@code *}); {@code WHO *}: the members of the client's rooms; then 315.
   */
  void who(IrcMessage m) {
    String mask = m.params().isEmpty() ? "*" : m.param(0);
    String room = IrcRequests.canonical(mask);
    Future<List<String[]>> rows;
    if (room != null) {
      rows =
          requests
              .query(ApiAddresses.WHO, new JsonObject().put("room", room))
              .compose(
                  who -> {
                    List<String> operators = IrcQueries.operators(who);
                    List<String> names = IrcQueries.memberNames(who);
                    return holders(names)
                        .map(
                            found -> {
                              List<String[]> list = new ArrayList<>();
                              for (int i = 0; i < names.size(); i++) {
                                String flags = operators.contains(names.get(i)) ? "H@" : "H";
                                list.add(row(room, names.get(i), found.get(i), flags));
                              }
                              return list;
                            });
                  });
    } else if (mask.equals("*") || mask.equals("0")) {
      rows = sharedRooms();
    } else if (mask.contains("*") || mask.contains("?")) {
      rows = Future.succeededFuture(List.of());
    } else {
      rows =
          session
              .names()
              .holder(mask)
              .map(
                  holder ->
                      holder == null
                          ? List.<String[]>of()
                          : List.<String[]>of(row("*", holder.name(), holder, "H")));
    }
    session.inOrder(
        rows.onComplete(
            ar -> {
              if (ar.succeeded()) {
                for (String[] row : ar.result()) {
                  session.numeric(IrcReplies.WHOREPLY, row);
                }
              }
              session.numeric(IrcReplies.ENDOFWHO, mask, IrcReplies.END_OF_WHO);
            }));
  }

  /** The members of the rooms the client is in, each once, in no channel. */
  private Future<List<String[]>> sharedRooms() {
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
                        List<String[]> list = new ArrayList<>();
                        for (int i = 0; i < names.size(); i++) {
                          list.add(row("*", names.get(i), found.get(i), "H"));
                        }
                        return list;
                      });
            });
  }

  /** One 352's parameters after the client's nick. */
  private String[] row(String channel, String name, NameRegistry.Holder holder, String flags) {
    return new String[] {
      channel,
      IrcQueries.user(name, holder),
      session.server(),
      session.server(),
      name,
      flags,
      "0 " + IrcQueries.realName(name, holder)
    };
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
}
