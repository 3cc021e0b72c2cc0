package dev.parley.session;

import dev.parley.bus.RoomReady;
import dev.parley.protocol.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's recovery when its room opens again after a failover or handover: the lines the room
 * has not acknowledged are sent again with backoff ({@value #FIRST_RESEND_MILLIS} ms, doubling up
 * to {@value #LAST_RESEND_MILLIS} ms), or, when the room started afresh, the member joins it again
 * under its name. Confined to the connection's event loop; its one timer runs there too.
 */
final class Recovery {
  // Logged under the session's name, as before the session was split.
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /** After a room opens, kept lines are sent again after this long, then twice as long, … */
  private static final long FIRST_RESEND_MILLIS = 250;

  /** … up to this long, until the room has acknowledged every one. */
  private static final long LAST_RESEND_MILLIS = 4000;

  private final Session session;
  private final SessionHost host;
  private final Outbox outbox;
  private final ReplyOrder replies;
  private final ChatSender sender;
  private final MemberRooms rooms;
  private long resendTimer = -1;

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
      resendUntilAcknowledged(FIRST_RESEND_MILLIS);
    } else {
      rejoin();
    }
  }

  /**
   * The room opened on a node, maybe another one: the lines it has not acknowledged are sent to it
   * again at once, and again with backoff while some stay unacknowledged (a line sent while the
   * cluster still routed the room's address to the old host is lost on the way; the room orders
   * each line once, however often it arrives).
   */
  private void resendUntilAcknowledged(long delayMillis) {
    host.vertx().cancelTimer(resendTimer);
    resendTimer = -1;
    if (session.state() != Session.State.MEMBER || !sender.waiting()) {
      return;
    }
    sender.resendAll();
    resendTimer =
        host.vertx()
            .setTimer(
                delayMillis,
                t -> {
                  resendTimer = -1;
                  resendUntilAcknowledged(Math.min(LAST_RESEND_MILLIS, 2 * delayMillis));
                });
  }

  /**
   * The room started afresh, without this member: it joins its room again, under its name, and
   * sends its kept lines there, numbered on from the last one the old room ordered. If the new room
   * does not take it, each kept line is answered with a {@code ! } line (it was not delivered) and
   * the client is asked for a name again.
   */
  private void rejoin() {
    LOG.info("{} joins the room again: the room started afresh", session.name());
    rooms.join(
        session.name(),
        sender.lastAcknowledged(),
        rooms.currentRoom(),
        reply -> {
          rooms.rejoined(reply);
          resendUntilAcknowledged(FIRST_RESEND_MILLIS);
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
