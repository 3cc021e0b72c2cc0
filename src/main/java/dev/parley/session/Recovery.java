package dev.parley.session;

import dev.parley.bus.RoomReady;
import dev.parley.protocol.Replies;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's recovery when its room opens again after a failover or handover: the lines the room
 * has not acknowledged are sent again at once, or, when the room started afresh, the member joins
 * it again under its name. Then, for {@value #WATCH_MILLIS} ms, the member's lines are watched
 * every {@value #WATCH_TICK_MILLIS} ms while some wait (no timer runs while none does): when the
 * oldest unacknowledged line was sent more than {@value #RESEND_AGE_MILLIS} ms before, it is sent
 * again with every line after it. The watch covers the moments after the room opened while this
 * node may still route the room's address to the old host, which drops what it receives (the room
 * orders no later line of the member until a lost one arrives): during the watch the lines go to
 * the new host's node on that node's own address ({@link ChatSender#viaHost}). After the watch,
 * lines that still wait are sent again with backoff (doubling up to {@value #LAST_RESEND_MILLIS}
 * ms) until the room acknowledges them. Confined to the connection's event loop; its one timer runs
 * there too.
 */
final class Recovery {
  // Logged under the session's name, as before the session was split.
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /** How often the member's lines are looked at while watched, in milliseconds. */
  private static final long WATCH_TICK_MILLIS = 100;

  /** How long a line may wait for the room's acknowledgement before it is sent again, in ms. */
  private static final long RESEND_AGE_MILLIS = 50;

  /** The longest delay between two resends after the watch, in milliseconds. */
  private static final long LAST_RESEND_MILLIS = 4000;

  /** How long after the room opened the member's lines are watched, even when none waits. */
  static final long WATCH_MILLIS = 10_000;

  private final Session session;
  private final SessionHost host;
  private final Outbox outbox;
  private final ReplyOrder replies;
  private final ChatSender sender;
  private final MemberRooms rooms;
  private long resendTimer = -1;
  private long watchUntil;
  private boolean watched;

  Recovery(
      Session session,
      SessionHost host,
      Outbox outbox,
      ReplyOrder replies,
      ChatSender sender,
      MemberRooms rooms) {
    this.session = session;
    this.host = host;
    this.outbox = outbox;
    this.replies = replies;
    this.sender = sender;
    this.rooms = rooms;
  }

  /**
   * A room group opened on a node: if it is the group of the member's room, the same run gets the
   * kept lines, a new one a rejoin.
   */
  void roomReady(RoomReady ready) {
    if (ready.group() != rooms.group()) {
      return;
    }
    if (ready.run().equals(rooms.run())) {
      watch(ready.nodeId());
    } else {
      rejoin(ready.nodeId());
    }
  }

  /**
   * The room opened on a node, maybe another one: the lines it has not acknowledged are sent to it
   * again at once (they may have gone to the old host), and the watch starts. While it lasts, the
   * lines go to the node that opened the room on that node's own address: this node may still route
   * the room's address to the old host for a moment.
   */
  private void watch(String hostNode) {
    watchUntil = host.time().nanoTime() + TimeUnit.MILLISECONDS.toNanos(WATCH_MILLIS);
    watched = true;
    sender.viaHost(hostNode);
    if (session.state() == Session.State.MEMBER) {
      sender.resendAll();
    }
    schedule(WATCH_TICK_MILLIS);
  }

  /**
   * The member is about to send a chat line. While its lines are watched, the watch's tick runs
   * again if it had stopped (it stops whenever no line waits, so that an idle member costs no
   * timer); once the watch is over, it ends.
   */
  void beforeLine() {
    if (!watched) {
      return;
    }
    if (!watching(host.time().nanoTime())) {
      endWatch();
    } else if (resendTimer < 0) {
      schedule(WATCH_TICK_MILLIS);
    }
  }

  private boolean watching(long now) {
    return watched && now - watchUntil < 0;
  }

  /**
   * The lines go to the group's address again, which routes to whichever node hosts the group now.
   * The lines still waiting are sent again that way, oldest first, so that none is left behind on
   * the old route (the room orders each once, in order).
   */
  private void endWatch() {
    watched = false;
    sender.viaGroup();
    if (sender.waiting()) {
      sender.resendAll();
    }
  }

  /**
   * Looks at the member's lines again in {@code delayMillis} ms, and on while lines wait: while
   * watching, every {@value #WATCH_TICK_MILLIS} ms; afterwards with backoff (the room orders each
   * line once, however often it arrives).
   */
  private void schedule(long delayMillis) {
    host.vertx().cancelTimer(resendTimer);
    resendTimer =
        host.vertx()
            .setTimer(
                delayMillis,
                t -> {
                  resendTimer = -1;
                  long now = host.time().nanoTime();
                  if (session.state() != Session.State.MEMBER || !sender.waiting()) {
                    return;
                  }
                  if (watched && !watching(now)) {
                    endWatch();
                  }
                  sender.resendIfOlderThan(now, TimeUnit.MILLISECONDS.toNanos(RESEND_AGE_MILLIS));
                  schedule(
                      watching(now)
                          ? WATCH_TICK_MILLIS
                          : Math.min(LAST_RESEND_MILLIS, 2 * delayMillis));
                });
  }

  /**
   * The room started afresh, without this member: it joins its room again, under its name, and
   * sends its kept lines there, numbered on from the last one the old room ordered. If the new room
   * does not take it, each kept line is answered with a {@code ! } line (it was not delivered) and
   * the client is asked for a name again.
   */
  private void rejoin(String hostNode) {
    LOG.info("{} joins the room again: the room started afresh", session.name());
    rooms.join(
        session.name(),
        sender.lastAcknowledged(),
        rooms.currentRoom(),
        reply -> {
          rooms.rejoined(reply);
          watch(hostNode);
        },
        refusal -> {
          for (int i = sender.giveUp(); i > 0; i--) {
            outbox.send(Replies.roomUnavailable());
          }
          replies.release();
          rooms.countLocally(false);
          session.name(null);
          session.enter(Session.State.NAMING);
          session.fail(refusal);
          outbox.send(Replies.askName());
        });
  }
}
