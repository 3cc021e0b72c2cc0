package dev.parley.irc;

import dev.parley.api.ApiAddresses;
import dev.parley.bus.JoinRequest;
import dev.parley.room.Chat;
import dev.parley.room.Entered;
import dev.parley.room.HistoryLine;
import dev.parley.room.Left;
import dev.parley.room.PolicyChanged;
import dev.parley.room.Renamed;
import dev.parley.room.RoomEvent;
import dev.parley.session.SessionHost;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rooms of one IRC client (PROTOCOL.md section 14): JOIN (several at once), PART, and the room
 * events it is shown ({@link IrcChat} speaks in them, {@link IrcModeration} moderates them). While
 * a JOIN is under way the session follows every room and holds their events; once the room answers,
 * the events up to its own arrival are dropped and the rest shown after JOIN, the topic, NAMES and
 * the history. A member that leaves several shared rooms at once is shown one QUIT. Confined to the
 * session's event loop.
 */
final class IrcChannels {
  /** A room the client is in: the group's sequence number of its arrival there. */
  private record Channel(long enteredSeq, int group) {}

  private static final int REMEMBERED = 256;
  private static final int MAX_HELD = 10_000;

  private final IrcSession session;
  private final SessionHost host;
  private final IrcRenderer renderer;
  private final IrcRequests requests;
  private final IrcQueries queries;
  private final Map<String, Channel> joined = new LinkedHashMap<>();
  private final List<RoomEvent> held = new ArrayList<>();
  private final Set<String> shown = new LinkedHashSet<>();
  private int joining;

  IrcChannels(IrcSession session, SessionHost host, IrcRenderer renderer) {
    this.session = session;
    this.host = host;
    this.renderer = renderer;
    this.requests = new IrcRequests(session, host);
    this.queries = new IrcQueries(session, requests);
  }

  IrcQueries queries() {
    return queries;
  }

  IrcRequests requests() {
    return requests;
  }

  /** The rooms the client is in, by their canonical names, in the order it joined them. */
  List<String> rooms() {
    return List.copyOf(joined.keySet());
  }

  /** The groups of the rooms the client is in. */
  List<Integer> groups() {
    List<Integer> groups = new ArrayList<>();
    for (Channel c : joined.values()) {
      if (!groups.contains(c.group())) {
        groups.add(c.group());
      }
    }
    return groups;
  }

  /** The canonical name of a room the client is in, as typed in any form that collides with it. */
  String joinedName(String typed) {
    String canonical = IrcRequests.canonical(typed);
    if (canonical == null) {
      return null;
    }
    for (String room : joined.keySet()) {
      // The folded skeleton, as the rooms compare names: #CHAN is #chan.
      if (dev.parley.protocol.RoomNames.key(room)
          .foldedSkeleton()
          .equals(dev.parley.protocol.RoomNames.key(canonical).foldedSkeleton())) {
        return room;
      }
    }
    return null;
  }

  /** The session ends: it follows no room. */
  void forgetAll() {
    for (String room : joined.keySet()) {
      host.unfollow(session, room);
    }
    joined.clear();
    if (joining > 0) {
      host.followAll(session, false);
      joining = 0;
    }
  }

  // ---- JOIN and PART

  void join(IrcMessage m) {
    if (m.param(0).equals("0")) {
      for (String room : List.copyOf(joined.keySet())) {
        part(room, "");
      }
      return;
    }
    for (String typed : m.param(0).split(",")) {
      String room = IrcRequests.canonical(typed);
      if (room == null) {
        session.numeric(IrcReplies.NOSUCHCHANNEL, typed, IrcReplies.NO_SUCH_CHANNEL);
      } else if (joinedName(room) == null) {
        enter(room);
      }
    }
  }

  private void enter(String room) {
    if (joining++ == 0) {
      host.followAll(session, true);
    }
    JoinRequest request =
        new JoinRequest(
            session.id(),
            host.nodeId(),
            session.nick(),
            MemberKind.IRC,
            0,
            room,
            false,
            session.account(),
            session.address());
    session.inOrder(
        requests
            .<Entered>room(room, request)
            .onComplete(
                ar -> {
                  if (session.state() != IrcSession.State.REGISTERED) {
                    return;
                  }
                  if (ar.succeeded()) {
                    entered(ar.result());
                  } else {
                    refusedEntry(room, ar.cause());
                  }
                  if (--joining == 0) {
                    host.followAll(session, false);
                    List<RoomEvent> events = List.copyOf(held);
                    held.clear();
                    events.forEach(this::show);
                  }
                }));
  }

  private void entered(Entered entered) {
    String room = entered.room();
    joined.put(room, new Channel(entered.seq(), requests.groupOf(room)));
    host.follow(session, room);
    session.send(IrcMessage.of(renderer.source(session.nick()), "JOIN", room));
    if (entered.topic() != null) {
      session.numeric(IrcReplies.TOPIC, room, entered.topic());
    }
    queries.namesReply(room, entered.roster(), entered.operators());
    if (entered.history().isEmpty()) {
      return;
    }
    String batch =
        session.has("batch") && session.timeTags() ? Long.toString(entered.seq(), 36) : null;
    if (batch != null) {
      session.send(IrcMessage.of(session.server(), "BATCH", "+" + batch, "chathistory", room));
    }
    for (HistoryLine line : entered.history()) {
      session.send(renderer.history(line, batch));
    }
    if (batch != null) {
      session.send(IrcMessage.of(session.server(), "BATCH", "-" + batch));
    }
  }

  private void refusedEntry(String room, Throwable failure) {
    int code = IrcRequests.code(failure);
    if (code == ErrorCode.BANNED.code() || code == ErrorCode.BANNED_FROM_SERVER.code()) {
      session.numeric(IrcReplies.BANNEDFROMCHAN, room, IrcRequests.text(failure));
    } else if (code == ErrorCode.TOO_MANY_ROOMS.code()) {
      session.numeric(IrcReplies.TOOMANYCHANNELS, room, IrcRequests.text(failure));
    } else if (code == ErrorCode.INVALID_NAME.code()) {
      session.numeric(IrcReplies.NOSUCHCHANNEL, room, IrcRequests.text(failure));
    } else {
      session.notice(IrcRequests.text(failure));
    }
  }

  void part(IrcMessage m) {
    for (String typed : m.param(0).split(",")) {
      String room = joinedName(typed);
      if (room == null) {
        notOn(typed);
      } else {
        part(room, m.param(1));
      }
    }
  }

  private void part(String room, String reason) {
    session.inOrder(
        requests
            .api(ApiAddresses.LEAVE, new JsonObject().put("room", room).put("reason", reason))
            .onComplete(
                ar -> {
                  if (ar.failed()
                      && IrcRequests.code(ar.cause()) != ErrorCode.NOT_A_MEMBER.code()) {
                    session.notice(IrcRequests.text(ar.cause()));
                    return;
                  }
                  if (joined.remove(room) != null) {
                    host.unfollow(session, room);
                    String source = renderer.source(session.nick());
                    session.send(
                        reason.isEmpty()
                            ? IrcMessage.of(source, "PART", room)
                            : IrcMessage.of(source, "PART", room, reason));
                  }
                }));
  }

  /**
   * A command about a channel the client is not in: 442 when the room has members, 403 when it has
   * none or the name is not a room's.
   */
  void notOn(String typed) {
    String room = IrcRequests.canonical(typed);
    if (room == null) {
      session.numeric(IrcReplies.NOSUCHCHANNEL, typed, IrcReplies.NO_SUCH_CHANNEL);
      return;
    }
    requests
        .query(ApiAddresses.WHO, new JsonObject().put("room", room))
        .onComplete(
            ar -> {
              boolean open =
                  ar.succeeded() && !ar.result().getJsonArray("members", new JsonArray()).isEmpty();
              session.numeric(
                  open ? IrcReplies.NOTONCHANNEL : IrcReplies.NOSUCHCHANNEL,
                  typed,
                  open ? IrcReplies.NOT_ON_CHANNEL : IrcReplies.NO_SUCH_CHANNEL);
            });
  }

  /** A refused moderation request: 482 for a non-operator, 441/401 for a target, else a NOTICE. */
  void refusedAct(String room, Throwable failure) {
    int code = IrcRequests.code(failure);
    if (code == ErrorCode.NOT_OPERATOR.code()) {
      session.numeric(IrcReplies.CHANOPRIVSNEEDED, room, IrcRequests.text(failure));
    } else if (code == ErrorCode.NO_SUCH_MEMBER.code()) {
      session.numeric(IrcReplies.USERNOTINCHANNEL, "*", room, IrcRequests.text(failure));
    } else if (code == ErrorCode.NOT_A_MEMBER.code()) {
      session.numeric(IrcReplies.NOTONCHANNEL, room, IrcRequests.text(failure));
    } else {
      session.notice(IrcRequests.text(failure));
    }
  }

  // ---- events

  void onEvent(RoomEvent event) {
    if (joining > 0) {
      if (held.size() < MAX_HELD) {
        held.add(event);
      }
      return;
    }
    show(event);
  }

  private void show(RoomEvent event) {
    Channel channel = joined.get(event.room());
    if (channel == null || event.seq() <= channel.enteredSeq()) {
      return;
    }
    boolean mine = session.id().equals(event.sessionId());
    if (mine && event instanceof Chat && !session.has("echo-message")) {
      return;
    }
    if (mine && event instanceof Left left) {
      if (IrcRenderer.isKick(left)) {
        joined.remove(event.room());
        host.unfollow(session, event.room());
        session.send(renderer.render(event, false));
      }
      return;
    }
    if (mine && !(event instanceof Chat) && !(event instanceof PolicyChanged)) {
      return;
    }
    if (event instanceof Left left && IrcRenderer.isQuit(left) && !once("q" + left.sessionId())) {
      return;
    }
    if (event instanceof Renamed r && !once("n" + r.sessionId() + r.newName())) {
      return;
    }
    session.send(renderer.render(event, session.timeTags()));
  }

  /** True the first time a key is seen among the last {@value #REMEMBERED}. */
  private boolean once(String key) {
    if (!shown.add(key)) {
      return false;
    }
    if (shown.size() > REMEMBERED) {
      shown.remove(shown.iterator().next());
    }
    return true;
  }
}
