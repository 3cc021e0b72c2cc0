package dev.parley.session;

import dev.parley.bus.Addresses;
import dev.parley.bus.JoinReply;
import dev.parley.bus.LocalMember;
import dev.parley.bus.MoveReply;
import dev.parley.bus.RelayedEvent;
import dev.parley.protocol.EncodedLine;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.protocol.RoomNames;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.Left;
import dev.parley.room.Renamed;
import dev.parley.room.RoomEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's room traffic: entering a room from the room's join reply, following the rooms whose
 * events are the member's (usually one, two during a move), {@code /join} moves, and writing the
 * member's events to its outbox. {@link RoomMembership} decides which events are the member's.
 * Confined to the connection's event loop.
 */
final class MemberRooms {
  // Logged under the session's name, as before the session was split.
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /** How long a move's answer waits for the member's own departure from its old room to arrive. */
  static final long DEPARTURE_WAIT_MILLIS = 2000;

  private final Session session;
  private final SessionHost host;
  private final Outbox outbox;
  private final ReplyOrder replies;
  private final ChatSender sender;
  private final RoomLink room;
  private final HeldLines held;
  private final String address;
  private final RoomMembership membership;
  private final List<String> followed = new ArrayList<>(2);
  private String run = "";
  // After a move's reply, until the member's departure from its old room has been delivered.
  private Runnable arrival;
  private long arrivalTimer = -1;

  MemberRooms(
      Session session,
      SessionHost host,
      Outbox outbox,
      ReplyOrder replies,
      ChatSender sender,
      RoomLink room,
      HeldLines held,
      String address) {
    this.session = session;
    this.host = host;
    this.outbox = outbox;
    this.replies = replies;
    this.sender = sender;
    this.room = room;
    this.held = held;
    this.address = address;
    this.membership = new RoomMembership(session.id());
  }

  /** The run of the room the member joined: a room that opens with another run started afresh. */
  String run() {
    return run;
  }

  /** The group of the member's room. */
  int group() {
    return room.group();
  }

  /** The member's room, or {@code null} between two rooms. */
  String currentRoom() {
    String current = membership.room();
    return current.isEmpty() ? null : current;
  }

  /**
   * Asks the room to admit the session under {@code name}, the session waiting meanwhile (its lines
   * are held). If the session has closed by the time the room answers, it leaves the room again and
   * nothing else happens; otherwise {@code admitted} or {@code refused} runs, and then the held
   * lines are read.
   *
   * @param name the name asked for, {@code ""} for a guest name
   * @param lastLineId the session's last line before this room (0 for a new member)
   * @param roomName the room to enter, {@code null} for the default room
   */
  void join(
      String name,
      long lastLineId,
      String roomName,
      Consumer<JoinReply> admitted,
      Consumer<Throwable> refused) {
    session.enter(Session.State.JOINING);
    room.join(name, lastLineId, roomName)
        .onComplete(
            ar -> {
              if (session.state() == Session.State.CLOSED) {
                if (ar.succeeded()) {
                  room.leave("");
                }
                return;
              }
              if (ar.succeeded()) {
                admitted.accept(ar.result());
              } else {
                refused.accept(ar.cause());
              }
              held.release();
            });
  }

  /** Tells the node's relay whether this session is a member now. */
  void countLocally(boolean member) {
    host.vertx()
        .eventBus()
        .send(Addresses.LOCAL_MEMBERS, new LocalMember(session.id(), member), Session.LOCAL);
  }

  /** The room admitted the new member: it is told its name, the roster and the room's history. */
  void joined(JoinReply reply) {
    session.name(reply.name());
    membership.entered(reply.room(), reply.seq());
    room.entered(reply.room());
    follow(reply.room());
    run = reply.run();
    session.enter(Session.State.MEMBER);
    countLocally(true);
    LOG.info("{} joined from {}", session.name(), address);
    outbox.send(Replies.youAre(session.name()));
    outbox.send(Replies.online(reply.roster(), reply.total()));
    if (!reply.history().isEmpty()) {
      Replies.history(reply.history()).forEach(outbox::send);
    }
  }

  /** A room that started afresh took the member back: it follows that room alone, silently. */
  void rejoined(JoinReply reply) {
    session.name(reply.name());
    membership.entered(reply.room(), reply.seq());
    room.entered(reply.room());
    unfollowAll();
    follow(reply.room());
    run = reply.run();
    session.enter(Session.State.MEMBER);
  }

  /** A room event for a member: written if it is the member's. */
  void onEvent(RelayedEvent relayed) {
    if (membership.accept(relayed)) {
      deliver((RoomEvent) relayed.event(), relayed.line());
    }
    if (membership.takeDeparted()) {
      announceArrival();
    }
    String finished = membership.takeFinished();
    if (finished != null) {
      unfollow(finished);
    }
  }

  private void follow(String roomName) {
    if (!followed.contains(roomName)) {
      followed.add(roomName);
      host.follow(session, roomName);
    }
  }

  private void unfollow(String roomName) {
    if (followed.remove(roomName)) {
      host.unfollow(session, roomName);
    }
  }

  /** The member follows no room any more. */
  void unfollowAll() {
    for (String roomName : followed) {
      host.unfollow(session, roomName);
    }
    followed.clear();
  }

  /**
   * {@code /join}: asks the room to move this member; the member's lines go on meanwhile, and are
   * ordered in the new room.
   */
  void move(String requested) {
    NameRules.Verdict verdict = requested == null ? null : RoomNames.check(requested);
    if (verdict != null && verdict.valid()) {
      int target = room.groupOf(verdict.name());
      if (target != room.group()) {
        moveToGroup(target, verdict.name());
        return;
      }
    }
    long position = sender.lastId();
    membership.moving();
    host.followAll(session, true);
    room.move(requested)
        .onComplete(
            ar -> {
              host.followAll(session, false);
              if (session.state() != Session.State.MEMBER) {
                return;
              }
              if (ar.failed()) {
                membership.stayed();
                session.fail(ar.cause());
                return;
              }
              arrived(position, ar.result());
            });
  }

  /**
   * {@code /join} to a room of another group: the member's lines wait while the new group admits it
   * under its name and then its old group lets it go ({@code joined #ROOM}); then it is told where
   * it is, as for a move within a group. A refusal by the new group moves nothing.
   */
  private void moveToGroup(int target, String requested) {
    long position = sender.lastId();
    membership.moving();
    host.followAll(session, true);
    held.crossing(true);
    room.enterElsewhere(target, session.name(), sender.lastId(), requested)
        .compose(
            joined ->
                room.departTo(joined.room())
                    .map(
                        leftSeq -> {
                          room.entered(joined.room());
                          run = joined.run();
                          return new MoveReply(
                              leftSeq,
                              joined.seq(),
                              joined.room(),
                              joined.roster(),
                              joined.total(),
                              joined.history());
                        })
                    .onFailure(
                        e -> {
                          LOG.warn(
                              "{} could not leave its room for {}: {}",
                              session.name(),
                              joined.room(),
                              e.toString());
                          room.leaveGroup(target);
                        }))
        .onComplete(
            ar -> {
              host.followAll(session, false);
              if (session.state() != Session.State.MEMBER) {
                if (ar.succeeded()) {
                  room.leave("");
                }
                return;
              }
              if (ar.failed()) {
                membership.stayed();
                session.fail(ar.cause());
              } else {
                arrived(position, ar.result());
              }
              held.crossing(false);
            });
  }

  /** The member is in the room of a move's reply: it is told so once its departure has come. */
  private void arrived(long position, MoveReply reply) {
    List<RelayedEvent> early = membership.moved(reply.room(), reply.leftSeq(), reply.seq());
    follow(reply.room());
    arrival = () -> announce(position, reply, early);
    if (membership.awaitingDeparture()) {
      arrivalTimer = host.vertx().setTimer(DEPARTURE_WAIT_MILLIS, t -> announceArrival());
    } else {
      announceArrival();
    }
  }

  /**
   * Tells the member where it is now, once the old room's events before its departure have been
   * delivered (or {@value #DEPARTURE_WAIT_MILLIS} ms after the reply, if its departure is late),
   * then the new room's events that came meanwhile.
   */
  private void announceArrival() {
    if (arrival == null) {
      return;
    }
    host.vertx().cancelTimer(arrivalTimer);
    membership.stopAwaiting();
    Runnable pending = arrival;
    arrival = null;
    pending.run();
  }

  private void announce(long position, MoveReply reply, List<RelayedEvent> early) {
    replies.sendAfter(position, Replies.nowIn(reply.room()));
    replies.sendAfter(position, Replies.online(reply.roster(), reply.total()));
    if (!reply.history().isEmpty()) {
      for (String line : Replies.history(reply.history())) {
        replies.sendAfter(position, line);
      }
    }
    for (RelayedEvent e : early) {
      deliver((RoomEvent) e.event(), e.line());
    }
    for (RelayedEvent e : membership.takeWaiting()) {
      deliver((RoomEvent) e.event(), e.line());
    }
  }

  private void deliver(RoomEvent event, EncodedLine line) {
    if (event instanceof Chat chat) {
      boolean own = chat.sessionId().equals(session.id());
      if (own) {
        replies.beforeEcho(chat.lineId());
      }
      outbox.write(line);
      if (own) {
        held.acknowledged(chat.lineId());
      }
    } else if (event instanceof Arrived arrived) {
      if (line != null && !arrived.sessionId().equals(session.id())) {
        outbox.write(line);
      }
    } else if (event instanceof Left) {
      if (line != null) {
        outbox.write(line);
      }
    } else if (event instanceof Renamed renamed) {
      if (renamed.sessionId().equals(session.id())) {
        session.name(renamed.newName());
      }
      outbox.write(line);
    }
  }
}
