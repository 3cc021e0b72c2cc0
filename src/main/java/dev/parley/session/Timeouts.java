package dev.parley.session;

/**
 * A session's timeouts: the client's activity (its last line, read or refused), and the checks of
 * the server's periodic sweep: a client that gives no name within {@code idle.timeoutSeconds}, one
 * whose outbound queue stays full past {@code slowClient.timeoutSeconds}, and chat lines the room
 * has not acknowledged for {@link ChatSender#RESEND_AFTER_NANOS}. Times are in nanoseconds of the
 * node's {@code TimeSource}. Confined to the connection's event loop.
 */
final class Timeouts {
  private final Session session;
  private final SessionHost host;
  private final Outbox outbox;
  private final ChatSender sender;
  private final RoomLink room;
  private final Endings endings;
  private long lastLineAt;

  Timeouts(
      Session session,
      SessionHost host,
      Outbox outbox,
      ChatSender sender,
      RoomLink room,
      Endings endings) {
    this.session = session;
    this.host = host;
    this.outbox = outbox;
    this.sender = sender;
    this.room = room;
    this.endings = endings;
    this.lastLineAt = host.time().nanoTime();
  }

  /**
   * The client sent a line, read or refused: activity for the idle timeout, checked here for an
   * unnamed connection and by the room for a member (told at most once a second, and not at all
   * when the line itself was a request to the room).
   */
  void markActive() {
    lastLineAt = host.time().nanoTime();
    if (session.state() == Session.State.MEMBER) {
      room.touchIfQuiet();
    }
  }

  /** Called by the server's periodic sweep. */
  void sweep(long now) {
    Session.State state = session.state();
    if (state == Session.State.CLOSED) {
      return;
    }
    if (state == Session.State.MEMBER) {
      sender.resendIfStale(now);
    }
    if (outbox.congestedFor(now) > host.settings().slowClient().timeout().toNanos()) {
      endings.tooSlow();
    } else if ((state == Session.State.NAMING
            || state == Session.State.PASSWORD
            || state == Session.State.VERIFYING)
        && now - lastLineAt > host.settings().idle().timeout().toNanos()) {
      endings.idle();
    }
  }
}
