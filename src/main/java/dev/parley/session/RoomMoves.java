package dev.parley.session;

import dev.parley.bus.RelayedEvent;
import dev.parley.lines.EventLines;
import dev.parley.protocol.ModerationReplies;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.protocol.RoomNames;
import dev.parley.room.Moved;
import dev.parley.room.RoomEvent;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's {@code /join} moves: within its room's group (one request, the room orders the
 * departure and the arrival), or to a room of another group (the new group admits it, then the old
 * one lets it go); then the member is told where it is, once its old room's events before its
 * departure have been delivered. Confined to the connection's event loop.
 */
final class RoomMoves {
  // Logged under the session's name, as before the session was split.
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /** How long a move's answer waits for the member's own departure from its old room to arrive. */
  static final long DEPARTURE_WAIT_MILLIS = 2000;

  private final Session session;
  private final SessionHost host;
  private final ReplyOrder replies;
  private final ChatSender sender;
  private final RoomLink room;
  private final HeldLines held;
  private final RoomMembership membership;
  private final MemberRooms rooms;
  // After a move's reply, until the member's departure from its old room has been delivered.
  private Runnable arrival;
  private long arrivalTimer = -1;
  // From a move's request until the member has been told where it is (or that it stayed).
  private boolean moving;

  RoomMoves(
      Session session,
      SessionHost host,
      ReplyOrder replies,
      ChatSender sender,
      RoomLink room,
      HeldLines held,
      RoomMembership membership,
      MemberRooms rooms) {
    this.session = session;
    this.host = host;
    this.replies = replies;
    this.sender = sender;
    this.room = room;
    this.held = held;
    this.membership = membership;
    this.rooms = rooms;
  }

  /**
   * {@code /join}: asks the room to move this member. Within its group, the member's lines go on
   * meanwhile, and are ordered in the new room; to a room of another group, they wait.
   *
   * @param requested the room as typed
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
    moving = true;
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
                session.failAfter(position, ar.cause());
                settledNow();
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
    moving = true;
    membership.moving();
    host.followAll(session, true);
    held.crossing(true);
    room.who()
        .map(roster -> roster.members().size() == 1)
        .compose(
            alone -> room.enterElsewhere(target, session.name(), sender.lastId(), requested, alone))
        .compose(
            joined ->
                room.departTo(joined.room())
                    .map(
                        leftSeq -> {
                          room.entered(joined.room());
                          rooms.run(joined.run());
                          return new Moved(
                              leftSeq,
                              joined.seq(),
                              joined.room(),
                              joined.roster(),
                              joined.total(),
                              joined.history(),
                              joined.topic());
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
                settledNow();
              } else {
                arrived(position, ar.result());
              }
              held.crossing(false);
            });
  }

  /**
   * The member was kicked out of its room (PROTOCOL.md section 13): it is told, the lines it sent
   * there since reach nobody, and it enters the default room under its name, with the lines of a
   * {@code /join}. When the default room does not take it (a ban of the server), it is told why and
   * the connection closes.
   *
   * @param notice {@code * you were kicked: WHY}
   * @param leftSeq the sequence number of its departure from the room
   */
  void kickedOut(String notice, long leftSeq) {
    sender.giveUp();
    replies.release();
    replies.send(notice);
    long position = sender.lastId();
    String lobby = session.settings().rooms().defaultRoom();
    moving = true;
    membership.moving();
    host.followAll(session, true);
    held.crossing(true);
    room.enterElsewhere(room.groupOf(lobby), session.name(), position, lobby, false)
        .map(
            joined -> {
              room.entered(joined.room());
              rooms.run(joined.run());
              return new Moved(
                  leftSeq,
                  joined.seq(),
                  joined.room(),
                  joined.roster(),
                  joined.total(),
                  joined.history(),
                  joined.topic());
            })
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
                settledNow();
                session.closeWith(Refusals.line(ar.cause()));
              } else {
                arrived(position, ar.result());
              }
              held.crossing(false);
            });
  }

  /** The member is in the room of a move's reply: it is told so once its departure has come. */
  private void arrived(long position, Moved reply) {
    List<RelayedEvent> early = membership.moved(reply.room(), reply.leftSeq(), reply.seq());
    rooms.follow(reply.room());
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
  /** The member's own departure from its old room has been delivered. */
  void departed() {
    announceArrival();
  }

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

  /** Whether no move is under way: the member has been told where it is. */
  boolean settled() {
    return !moving;
  }

  private void settledNow() {
    moving = false;
    session.movesSettled();
  }

  private void announce(long position, Moved reply, List<RelayedEvent> early) {
    replies.sendAfter(position, Replies.nowIn(reply.room()));
    if (reply.topic() != null) {
      replies.sendAfter(position, ModerationReplies.topic(reply.topic()));
    }
    replies.sendAfter(position, Replies.online(reply.roster(), reply.total()));
    if (!reply.history().isEmpty()) {
      for (String line : EventLines.history(reply.history())) {
        replies.sendAfter(position, line);
      }
    }
    for (RelayedEvent e : early) {
      rooms.deliver((RoomEvent) e.event(), e.line());
    }
    for (RelayedEvent e : membership.takeWaiting()) {
      rooms.deliver((RoomEvent) e.event(), e.line());
    }
    settledNow();
  }
}
