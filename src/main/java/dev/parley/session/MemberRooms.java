package dev.parley.session;

import dev.parley.bus.LocalMember;
import dev.parley.bus.RelayedEvent;
import dev.parley.lines.EventLines;
import dev.parley.protocol.EncodedLine;
import dev.parley.protocol.ModerationReplies;
import dev.parley.protocol.Replies;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.Entered;
import dev.parley.room.Left;
import dev.parley.room.PolicyChanged;
import dev.parley.room.Renamed;
import dev.parley.room.RoomEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's room traffic: entering a room from the room's join reply, following the rooms whose
 * events are the member's (usually one, two during a move; {@link RoomMoves} makes the moves), and
 * writing the member's events to its outbox. {@link RoomMembership} decides which events are the
 * member's. Confined to the connection's event loop.
 */
final class MemberRooms {
  // Logged under the session's name, as before the session was split.
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

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
  private final RoomMoves moves;
  private String run = "";
  private boolean counted;

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
    this.moves = new RoomMoves(session, host, replies, sender, room, held, membership, this);
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
      Consumer<Entered> admitted,
      Consumer<Throwable> refused) {
    join(name, lastLineId, roomName, "", admitted, refused);
  }

  /**
   * Asks the room to admit the session (see {@link #join(String, long, String, Consumer,
   * Consumer)}), logged in to {@code account} (empty: a guest).
   */
  void join(
      String name,
      long lastLineId,
      String roomName,
      String account,
      Consumer<Entered> admitted,
      Consumer<Throwable> refused) {
    session.enter(Session.State.JOINING);
    room.join(name, lastLineId, roomName, account)
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

  /** Tells the node's relay whether this session is a member now, when that changes. */
  void countLocally(boolean member) {
    if (member != counted) {
      counted = member;
      LocalMember.tell(host.vertx().eventBus(), session.id(), member);
    }
  }

  /** The room admitted the new member: it is told its name, the roster and the room's history. */
  void joined(Entered reply) {
    session.name(reply.name());
    membership.entered(reply.room(), reply.seq());
    room.entered(reply.room());
    follow(reply.room());
    run = reply.run();
    session.enter(Session.State.MEMBER);
    countLocally(true);
    LOG.info("{} joined from {}", session.name(), address);
    outbox.send(Replies.youAre(session.name()));
    if (reply.topic() != null) {
      outbox.send(ModerationReplies.topic(reply.topic()));
    }
    outbox.send(Replies.online(reply.roster(), reply.total()));
    if (!reply.history().isEmpty()) {
      EventLines.history(reply.history()).forEach(outbox::send);
    }
  }

  /** A room that started afresh took the member back: it follows that room alone, silently. */
  void rejoined(Entered reply) {
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
      moves.departed();
    }
    String finished = membership.takeFinished();
    if (finished != null) {
      unfollow(finished);
    }
  }

  /** The member follows a room: its announced events are handed to the member. */
  void follow(String roomName) {
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
   * {@code /join}: moves this member to another room (see {@link RoomMoves}).
   *
   * @param requested the room as typed
   */
  void move(String requested) {
    moves.move(requested);
  }

  /** Whether no move is under way: the member has been told where it is. */
  boolean settled() {
    return moves.settled();
  }

  /** The member was kicked out of its room: it enters the default room (see {@link RoomMoves}). */
  void kickedOut(String notice, long leftSeq) {
    moves.kickedOut(notice, leftSeq);
  }

  /** The run of the member's room's group, after a move to a room of another group. */
  void run(String run) {
    this.run = run;
  }

  /** Writes one of the member's room events to its outbox, as the member sees it. */
  void deliver(RoomEvent event, EncodedLine line) {
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
    } else if (event instanceof PolicyChanged changed) {
      if (changed.change() == PolicyChanged.Change.FIRST_OPERATOR) {
        if (changed.sessionId().equals(session.id())) {
          outbox.send(EventLines.firstOperator(changed));
        }
      } else if (line != null) {
        outbox.write(line);
      }
    }
  }
}
