package dev.parley.session;

import dev.parley.bus.ActivityNotice;
import dev.parley.bus.Addresses;
import dev.parley.bus.DepartRequest;
import dev.parley.bus.HistoryRequest;
import dev.parley.bus.HostedSay;
import dev.parley.bus.JoinRequest;
import dev.parley.bus.LeaveRequest;
import dev.parley.bus.ModerationMessages;
import dev.parley.bus.MoveRequest;
import dev.parley.bus.NickReply;
import dev.parley.bus.NickRequest;
import dev.parley.bus.PrivateRequest;
import dev.parley.bus.RoomsRequest;
import dev.parley.bus.RosterReply;
import dev.parley.bus.SayRequest;
import dev.parley.bus.WhoRequest;
import dev.parley.placement.RoomGroups;
import dev.parley.room.Entered;
import dev.parley.room.Moved;
import dev.parley.room.PrivateSent;
import dev.parley.room.RecentLines;
import dev.parley.room.RoomList;
import dev.parley.room.Rooms;
import dev.parley.time.TimeSource;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One session's requests to the host of its room's group, over the event bus. Every request also
 * tells the room that the member is active; {@link #touchIfQuiet} covers lines that send none, at
 * most once a second. Confined to the session's context.
 */
final class RoomLink {
  private static final long TOUCH_INTERVAL = TimeUnit.SECONDS.toNanos(1);

  /** How long, in milliseconds, a request waits in all for a room group that no node hosts. */
  static final long WAIT_FOR_ROOM_MILLIS = RoomAsk.WAIT_FOR_ROOM_MILLIS;

  private final Vertx vertx;
  private final EventBus bus;
  private final TimeSource time;
  private final String sessionId;
  private final String nodeId;
  private final RoomGroups groups;
  private final String clientAddress;
  private String account = "";
  private int group;
  private String address;
  private String hostNode;
  private long lastContact;

  /**
   * @param defaultRoom the room a new member enters, whose group the first requests go to
   */
  RoomLink(
      Vertx vertx,
      TimeSource time,
      String sessionId,
      String nodeId,
      RoomGroups groups,
      String defaultRoom,
      String clientAddress) {
    this.clientAddress = clientAddress;
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.time = time;
    this.sessionId = sessionId;
    this.nodeId = nodeId;
    this.groups = groups;
    this.lastContact = time.nanoTime();
    entered(defaultRoom);
  }

  /** The member is in {@code room} now: its requests go to that room's group. */
  void entered(String room) {
    group = groups.of(room);
    address = Addresses.room(group);
    hostNode = null;
  }

  /**
   * Sends the member's chat lines to the node that hosts its room's group, on that node's own
   * address, until {@link #sendViaGroup()}: for the moments after the group moved, while this node
   * may still route the group's address to the old host.
   *
   * @param nodeId the node that announced that it opened the group
   */
  void sendViaHost(String nodeId) {
    hostNode = nodeId;
  }

  /** Sends the member's chat lines to the group's address again, as usual. */
  void sendViaGroup() {
    hostNode = null;
  }

  /** The group of the member's room. */
  int group() {
    return group;
  }

  private <T> Future<T> request(Object body) {
    return request(address, body);
  }

  /** Asks a room group, waiting for it while no node hosts it ({@link RoomAsk}). */
  private <T> Future<T> request(String to, Object body) {
    lastContact = time.nanoTime();
    return RoomAsk.ask(vertx, to, body, null);
  }

  private void send(Object body) {
    send(address, body);
  }

  private void send(String to, Object body) {
    lastContact = time.nanoTime();
    bus.send(to, body);
  }

  /**
   * Asks the room to admit the session.
   *
   * @param name the name asked for, empty for a guest name
   * @param lastLineId the id of the session's last line before this room (0 for a new member)
   * @param room the room to enter, of this link's group; {@code null} for the default room
   */
  Future<Entered> join(String name, long lastLineId, String room) {
    return join(name, lastLineId, room, account);
  }

  /**
   * Asks the room to admit the session, logged in to {@code account} (empty: a guest), from this
   * link's client address.
   */
  Future<Entered> join(String name, long lastLineId, String room, String account) {
    return request(
        new JoinRequest(
            sessionId,
            nodeId,
            name,
            MemberKind.TCP,
            lastLineId,
            room,
            false,
            account,
            clientAddress));
  }

  /** The member logged in to {@code account} (empty: a guest): later joins and moves carry it. */
  void account(String account) {
    this.account = account;
  }

  void say(long lineId, String text) {
    SayRequest say = new SayRequest(sessionId, lineId, text);
    if (hostNode == null) {
      send(say);
    } else {
      send(Addresses.node(hostNode), new HostedSay(group, say));
    }
  }

  Future<Moved> move(String room) {
    return request(new MoveRequest(sessionId, room));
  }

  /** The rooms of every group, merged in the order of {@code /rooms}. */
  Future<RoomList> rooms() {
    if (groups.count() == 1) {
      return request(new RoomsRequest(sessionId));
    }
    List<Future<RoomList>> asked = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      asked.add(request(Addresses.room(g), new RoomsRequest(sessionId)));
    }
    return Future.all(asked)
        .map(
            all -> {
              List<RoomList> replies = new ArrayList<>();
              for (Future<RoomList> f : asked) {
                replies.add(f.result());
              }
              return RoomList.merge(replies, Rooms.LISTED_ROOMS);
            });
  }

  /**
   * Asks the member's room group for a change or an answer of moderation (PROTOCOL.md sections 12
   * and 13).
   *
   * @return the group's answer; fails with the refusal
   */
  <T> Future<T> act(ModerationMessages.Act act) {
    return request(act);
  }

  /**
   * Asks every room group (a kick, a {@code /whois}: the group that has the member answers).
   *
   * @return the first answer that succeeded, or the most telling failure: that of a group that has
   *     the member but refused, else {@code no such member}
   */
  <T> Future<T> actEverywhere(ModerationMessages.Act act) {
    if (groups.count() == 1) {
      return request(act);
    }
    List<Future<T>> asked = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      asked.add(request(Addresses.room(g), act));
    }
    return Future.join(asked)
        .transform(
            all -> {
              Throwable refusal = null;
              for (Future<T> f : asked) {
                if (f.succeeded()) {
                  return f;
                }
                if (refusal == null
                    || (f.cause() instanceof ReplyException e
                        && e.failureCode() != ErrorCode.NO_SUCH_MEMBER.code())) {
                  refusal = f.cause();
                }
              }
              return Future.failedFuture(refusal);
            });
  }

  /** The group of a valid room name. */
  int groupOf(String room) {
    return groups.of(room);
  }

  /**
   * Asks another group to admit the member into one of its rooms, under the name it holds.
   *
   * @param lastLineId the id of the member's last line, all ordered in its old room's group
   * @param freesOne whether the move empties the member's room
   */
  Future<Entered> enterElsewhere(
      int group, String name, long lastLineId, String room, boolean freesOne) {
    return request(
        Addresses.room(group),
        new JoinRequest(
            sessionId,
            nodeId,
            name,
            MemberKind.TCP,
            lastLineId,
            room,
            freesOne,
            account,
            clientAddress));
  }

  /**
   * Leaves the member's room for a room of another group, keeping the name.
   *
   * @return the sequence number of the departure
   */
  Future<Long> departTo(String target) {
    return request(new DepartRequest(sessionId, target));
  }

  /** Tells another group that the member leaves it (a move that could not be finished). */
  void leaveGroup(int group) {
    bus.send(Addresses.room(group), new LeaveRequest(sessionId, ""));
  }

  Future<NickReply> nick(String name) {
    return request(new NickRequest(sessionId, name));
  }

  Future<RecentLines> history(int limit) {
    return request(new HistoryRequest(sessionId, limit));
  }

  Future<RosterReply> who() {
    return request(new WhoRequest(sessionId));
  }

  Future<PrivateSent> privateMessage(String target, String text) {
    return request(new PrivateRequest(sessionId, target, text));
  }

  void leave(String reason) {
    send(new LeaveRequest(sessionId, reason == null ? "" : reason));
  }

  /** Tells the room the member is active, unless a request did so within the last second. */
  void touchIfQuiet() {
    if (time.nanoTime() - lastContact >= TOUCH_INTERVAL) {
      send(new ActivityNotice(sessionId));
    }
  }
}
