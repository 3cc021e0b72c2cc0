package dev.parley.irc;

import dev.parley.api.ApiAddresses;
import dev.parley.bus.Addresses;
import dev.parley.bus.Invitation;
import dev.parley.names.NameRegistry;
import dev.parley.values.MemberKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * INVITE for the IRC port (RFC 2812, the Modern IRC documents): a member of a room tells another
 * member, of any node, where to join it. A Parley room is never invite-only, so an invitation opens
 * nothing: an IRC client receives {@code INVITE NICK #ROOM}, a line member {@code * FROM invites
 * you to #ROOM: /join #ROOM}; a service on the event bus cannot be invited. {@code INVITE} alone
 * lists the rooms the client was invited to since it connected (336, 337), the last {@value
 * #MAX_REMEMBERED}. Runs on the session's event loop; nothing here blocks.
 */
final class IrcInvite {
  /** The most invitations a client remembers for {@code INVITE} alone. */
  static final int MAX_REMEMBERED = 20;

  private IrcInvite() {}

  /** {@code INVITE NICK #ROOM}, or {@code INVITE} alone. */
  static void invite(IrcSession session, IrcMessage m) {
    if (m.params().isEmpty()) {
      for (String room : session.invitations()) {
        session.numeric(IrcReplies.INVITELIST, room);
      }
      session.numeric(IrcReplies.ENDOFINVITELIST, IrcReplies.END_OF_INVITE_LIST);
      return;
    }
    if (m.params().size() < 2) {
      session.numeric(IrcReplies.NEEDMOREPARAMS, "INVITE", IrcReplies.NEED_MORE_PARAMS);
      return;
    }
    String nick = m.param(0);
    IrcChannels channels = session.channels();
    String room = channels.joinedName(m.param(1));
    if (room == null) {
      channels.notOn(m.param(1));
      return;
    }
    Future<NameRegistry.Holder> found = IrcNicks.holder(session.names(), nick);
    Future<JsonObject> roster =
        channels.requests().query(ApiAddresses.WHO, new JsonObject().put("room", room));
    session.inOrder(
        Future.join(found, roster)
            .onComplete(
                all -> {
                  NameRegistry.Holder holder = found.succeeded() ? found.result() : null;
                  if (holder == null) {
                    session.numeric(IrcReplies.NOSUCHNICK, nick, IrcReplies.NO_SUCH_NICK);
                  } else if (roster.succeeded() && isIn(holder.name(), roster.result())) {
                    session.numeric(
                        IrcReplies.USERONCHANNEL, holder.name(), room, IrcReplies.USER_ON_CHANNEL);
                  } else if (holder.kind() == MemberKind.BUS) {
                    session.notice(IrcReplies.cannotInvite(holder.name()));
                  } else {
                    session
                        .host()
                        .vertx()
                        .eventBus()
                        .send(
                            Addresses.node(holder.nodeId()),
                            new Invitation(
                                holder.memberId(),
                                session.nick(),
                                session.registration().user(),
                                roomName(room, roster)));
                    session.numeric(IrcReplies.INVITING, holder.name(), roomName(room, roster));
                  }
                }));
  }

  private static String roomName(String room, Future<JsonObject> roster) {
    return roster.succeeded() ? roster.result().getString("room", room) : room;
  }

  private static boolean isIn(String name, JsonObject roster) {
    for (String member : IrcQueries.memberNames(roster)) {
      if (IrcNicks.same(member, name)) {
        return true;
      }
    }
    return false;
  }

  /** Remembers an invitation received, for {@code INVITE} alone: the newest last, at most 20. */
  static void remember(List<String> invitations, String room) {
    invitations.remove(room);
    invitations.add(room);
    if (invitations.size() > MAX_REMEMBERED) {
      invitations.remove(0);
    }
  }

  /** A new, empty list of invitations. */
  static List<String> none() {
    return new ArrayList<>(2);
  }
}
