package dev.parley.irc;

import dev.parley.api.ApiAddresses;
import dev.parley.session.SessionHost;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The welcome an IRC client receives once registered (PROTOCOL.md section 14): 001 to 004, the
 * ISUPPORT tokens in 005, the LUSERS replies (251, 254, 255, counted from the members of the
 * server's largest rooms) and 422, as there is no MOTD. Stateless; runs on the session's event
 * loop.
 */
final class IrcWelcome {
  private static final String VERSION = "parley-3";
  private static final String STARTED = Instant.now().toString();

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
    List<String> tokens = new ArrayList<>(IrcReplies.ISUPPORT);
    tokens.add("NETWORK=" + network);
    tokens.add(IrcReplies.ISUPPORT_TEXT);
    session.numeric(IrcReplies.ISUPPORT_NUMERIC, tokens.toArray(String[]::new));
    return lusers(session, host)
        .onComplete(v -> session.numeric(IrcReplies.NOMOTD, IrcReplies.NO_MOTD));
  }

  /**
   * The LUSERS replies, 251, 254 and 255, counted from the server's listed rooms (a member in
   * several rooms counts once per room; members in no room are not counted).
   *
   * @return completes once they are sent
   */
  static Future<Void> lusers(IrcSession session, SessionHost host) {
    return session.inOrder(
        host.vertx()
            .eventBus()
            .<JsonObject>request(ApiAddresses.ROOMS, new JsonObject())
            .transform(
                ar -> {
                  int rooms = ar.succeeded() ? ar.result().body().getInteger("total", 0) : 0;
                  int members = 0;
                  if (ar.succeeded()) {
                    for (Object room : ar.result().body().getJsonArray("rooms")) {
                      members += ((JsonObject) room).getInteger("members", 0);
                    }
                  }
                  session.numeric(IrcReplies.LUSERCLIENT, IrcReplies.luserClient(members));
                  session.numeric(
                      IrcReplies.LUSERCHANNELS, String.valueOf(rooms), IrcReplies.CHANNELS_FORMED);
                  session.numeric(IrcReplies.LUSERME, IrcReplies.luserMe(members));
                  String count = String.valueOf(members);
                  session.numeric(
                      IrcReplies.LOCALUSERS, count, count, IrcReplies.localUsers(members));
                  session.numeric(
                      IrcReplies.GLOBALUSERS, count, count, IrcReplies.globalUsers(members));
                  return Future.<Void>succeededFuture();
                }));
  }
}
