package dev.parley.irc;

import dev.parley.api.ApiAddresses;
import dev.parley.session.SessionHost;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.Counter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The welcome an IRC client receives once registered (PROTOCOL.md section 14): 001 to 004, the
 * ISUPPORT tokens in 005s of at most 13, the LUSERS replies (251, 254, 255, counted from the
 * members of the server's largest rooms) and 422, as there is no MOTD. Stateless; runs on the
 * session's event loop.
 */
final class IrcWelcome {
  private static final String VERSION = "parley-3";
  private static final String STARTED = Instant.now().toString();

  /** The node's local counter of the most members a LUSERS reply has counted. */
  private static final String MAX_USERS = "parley.irc.max-users";

  /** The most ISUPPORT tokens one 005 carries, as the Modern IRC documents advise. */
  private static final int ISUPPORT_PER_LINE = 13;

  private IrcWelcome() {}

  /**
   * Sends the welcome.
   *
   * @return completes once 422 is sent
   */
  static Future<Void> send(IrcSession session, SessionHost host) {
    String nick = session.nick();
    String server = session.server();
    String network = host.settings().irc().network();
    session.numeric(IrcReplies.WELCOME, IrcReplies.welcome(network, nick));
    session.numeric(IrcReplies.YOURHOST, IrcReplies.yourHost(server, VERSION));
    session.numeric(IrcReplies.CREATED, IrcReplies.created(STARTED));
    session.numeric(IrcReplies.MYINFO, server, VERSION, "i", "bo");
    List<String> tokens = new ArrayList<>();
    tokens.add("NETWORK=" + network);
    tokens.addAll(IrcReplies.ISUPPORT);
    for (int from = 0; from < tokens.size(); from += ISUPPORT_PER_LINE) {
      List<String> line =
          new ArrayList<>(tokens.subList(from, Math.min(tokens.size(), from + ISUPPORT_PER_LINE)));
      line.add(IrcReplies.ISUPPORT_TEXT);
      session.numeric(IrcReplies.ISUPPORT_NUMERIC, line.toArray(String[]::new));
    }
    return lusers(session, host)
        .onComplete(v -> session.numeric(IrcReplies.NOMOTD, IrcReplies.NO_MOTD));
  }

  /**
   * The LUSERS replies, 251, 254, 255, 265 and 266: the members are the names held on the server
   * (every kind of member, each once, cluster-wide, in 265 as in 266), the channels the rooms that
   * have members, and the max the most members any LUSERS reply of this node has counted (every
   * registration's welcome counts them).
   *
   * @return completes once they are sent
   */
  static Future<Void> lusers(IrcSession session, SessionHost host) {
    Future<JsonObject> rooms =
        host.vertx()
            .eventBus()
            .<JsonObject>request(ApiAddresses.ROOMS, new JsonObject())
            .map(reply -> reply.body());
    Future<Integer> members = session.names().count();
    Future<Long> highest =
        members.compose(
            users ->
                host.vertx()
                    .sharedData()
                    .getLocalCounter(MAX_USERS)
                    .compose(counter -> raise(counter, users)));
    return session.inOrder(
        Future.join(rooms, highest)
            .transform(
                ar -> {
                  int open = rooms.succeeded() ? rooms.result().getInteger("total", 0) : 0;
                  int users = members.succeeded() ? members.result() : 0;
                  int max = highest.succeeded() ? highest.result().intValue() : users;
                  String count = String.valueOf(users);
                  String most = String.valueOf(max);
                  session.numeric(IrcReplies.LUSERCLIENT, IrcReplies.luserClient(users));
                  session.numeric(
                      IrcReplies.LUSERCHANNELS, String.valueOf(open), IrcReplies.CHANNELS_FORMED);
                  session.numeric(IrcReplies.LUSERME, IrcReplies.luserMe(users));
                  session.numeric(
                      IrcReplies.LOCALUSERS, count, most, IrcReplies.localUsers(users, max));
                  session.numeric(
                      IrcReplies.GLOBALUSERS, count, most, IrcReplies.globalUsers(users, max));
                  return Future.<Void>succeededFuture();
                }));
  }

  /** Raises the counter to {@code users} unless it is higher; completes with the max. */
  private static Future<Long> raise(Counter counter, long users) {
    return counter
        .get()
        .compose(
            max ->
                max >= users
                    ? Future.succeededFuture(max)
                    : counter
                        .compareAndSet(max, users)
                        .compose(
                            set -> set ? Future.succeededFuture(users) : raise(counter, users)));
  }
}
