package dev.parley.session;

import dev.parley.bus.Evicted;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a session ends, once: refused by the gate, {@code /quit}, evicted by the room (idle, kicked),
 * idle before a name, too slow, the node's shutdown, or the end of the client's input; then the
 * close, the member's departure from its room and the connection's place given back to the gate.
 *
 * <p>The end of the client's input (it closed its side, or the connection was lost) comes in order
 * after its lines (PROTOCOL.md section 8): a member whose input ends leaves only once its lines
 * have been ordered by the room, at most {@value #LINGER_MILLIS} ms later, so that a script that
 * sends its name and a line and closes at once is named, heard, and then leaves. Closing waits for
 * queued output for at most {@code shutdown.drainSeconds}; a client whose write queue is full is
 * cut off at once. Confined to the connection's event loop.
 */
final class Endings {
  // Logged under the session's name, as before the session was split.
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /**
   * How long a member whose input ended waits for the room to order its last lines before it leaves
   * anyway, and how long a closed connection waits for the end of its input.
   */
  static final long LINGER_MILLIS = 10_000;

  private final Session session;
  private final SessionHost host;
  private final Connection connection;
  private final Outbox outbox;
  private final RoomLink room;
  private final GatePass gate;
  private final MemberRooms rooms;
  private final ChatSender sender;
  private final String address;
  private boolean departed;
  private boolean shuttingDown;
  private boolean connectionClosed;
  private boolean leavingAfterLines;
  private String quitting;
  private boolean finished;
  private long lingerTimer = -1;
  private String departure;
  private Connection.Ending ending = Connection.Ending.NORMAL;

  Endings(
      Session session,
      SessionHost host,
      Connection connection,
      Outbox outbox,
      RoomLink room,
      GatePass gate,
      MemberRooms rooms,
      ChatSender sender,
      String address) {
    this.session = session;
    this.host = host;
    this.connection = connection;
    this.outbox = outbox;
    this.room = room;
    this.gate = gate;
    this.rooms = rooms;
    this.sender = sender;
    this.address = address;
  }

  /** Whether the node's shutdown has begun for this session. */
  boolean shuttingDown() {
    return shuttingDown;
  }

  /** The gate refused the connection: the client gets the refusal, then the connection closes. */
  void refused(String refusal) {
    LOG.info("refused {}: {}", address, refusal);
    outbox.sendLast(refusal);
    ending =
        refusal.equals(Replies.serverFull())
            ? Connection.Ending.SERVER_FULL
            : Connection.Ending.ADDRESS_LIMIT;
    close();
  }

  /** The room evicted the member (idle, kicked): it already announced the departure. */
  void evicted(Evicted evicted) {
    departed = true;
    departure = evicted.reason();
    if (Replies.REASON_IDLE.equals(evicted.reason())) {
      host.metrics().idleDisconnect();
    }
    outbox.sendLast(evicted.notice());
    close();
  }

  /**
   * Sends a last line and closes, leaving the room first when a member: a ban of the server, the
   * third wrong password, a token that could not log in.
   */
  void closeWith(String line) {
    outbox.sendLast(line);
    depart("");
    close();
  }

  /**
   * Another session logged in to this member's account (PROTOCOL.md section 12): the client is
   * told, the member leaves its room with {@code logged in elsewhere}, and the connection closes.
   */
  void takenOver() {
    if (session.state() == Session.State.CLOSED) {
      return;
    }
    outbox.sendLast(AccountReplies.loggedInElsewhere());
    depart(AccountReplies.REASON_LOGGED_IN_ELSEWHERE);
    close();
  }

  /**
   * {@code /quit}: once the lines before it have been answered (their echoes, a move's answer),
   * says bye, announces the departure with the reason and closes; nothing the client sends after it
   * is read.
   */
  void quit(String reason) {
    quitting = reason == null ? "" : reason;
    connection.pause();
    quitWhenAnswered();
  }

  /** Whether the member has quit and waits for the answers to its earlier lines. */
  boolean quitting() {
    return quitting != null;
  }

  private void quitWhenAnswered() {
    if (quitting == null) {
      return;
    }
    if (session.state() == Session.State.MEMBER && (sender.waiting() || !rooms.settled())) {
      lingerUntil(this::quitNow);
    } else {
      quitNow();
    }
  }

  private void quitNow() {
    String reason = quitting;
    quitting = null;
    if (session.state() == Session.State.CLOSED) {
      return;
    }
    outbox.send(Replies.bye());
    depart(reason);
    close();
  }

  /** The client's write queue stayed full past {@code slowClient.timeoutSeconds}: cut off. */
  void tooSlow() {
    departure = Replies.REASON_TOO_SLOW;
    host.metrics().tooSlowDisconnect();
    depart(Replies.REASON_TOO_SLOW);
    abort();
  }

  /** The client gave no name within {@code idle.timeoutSeconds}. */
  void idle() {
    departure = Replies.REASON_IDLE;
    host.metrics().idleDisconnect();
    outbox.sendLast(Replies.idleDisconnect(host.settings().idle().timeout().toString()));
    close();
  }

  /**
   * The client's input has ended, after its last line was read: an unnamed connection closes; a
   * member leaves ({@code * NAME has left}) once the room has ordered the lines it sent.
   */
  void inputEnded() {
    if (quitting != null) {
      return;
    }
    switch (session.state()) {
      case MEMBER -> {
        if (sender.waiting()) {
          leavingAfterLines = true;
          lingerUntil(this::leaveAtEnd);
        } else {
          leaveAtEnd();
        }
      }
      case CLOSED -> finishIfClosed();
      default -> close();
    }
  }

  /** Every chat line the member sent has been ordered by the room. */
  void linesOrdered() {
    if (leavingAfterLines) {
      leaveAtEnd();
    }
    quitWhenAnswered();
  }

  /** The member has been told where it is after a move. */
  void movesSettled() {
    quitWhenAnswered();
  }

  private void leaveAtEnd() {
    leavingAfterLines = false;
    if (session.state() == Session.State.MEMBER) {
      depart("");
      close();
    }
  }

  /**
   * The node begins to shut down: the client receives the notice after what is already queued for
   * it, and nothing more; its lines are no longer read.
   */
  void beginShutdown() {
    if (shuttingDown || session.state() == Session.State.CLOSED) {
      return;
    }
    shuttingDown = true;
    ending = Connection.Ending.SHUTDOWN;
    connection.pause();
    outbox.sendLast(Replies.shuttingDown());
    outbox.close();
  }

  /** The listener stops: the member departs and the connection closes once output is flushed. */
  void shutdown() {
    if (session.state() == Session.State.CLOSED) {
      return;
    }
    beginShutdown();
    depart(Replies.REASON_SHUTDOWN);
    close();
  }

  private void depart(String reason) {
    if (session.state() == Session.State.MEMBER && !departed) {
      departed = true;
      departure = reason;
      room.leave(reason);
    }
  }

  /**
   * Closes after what is queued has been flushed; a client whose queue is full is cut off at once,
   * and one that does not take its last lines within the drain time is cut off then.
   */
  void close() {
    stopListening();
    if (connectionClosed) {
      finishIfClosed();
      return;
    }
    if (outbox.congested()) {
      abort();
      return;
    }
    outbox.close();
    // Our shutdown handler would otherwise take over the close and leave the connection open.
    connection.shutdownHandler(null);
    connection.close(ending);
    host.vertx()
        .setTimer(
            host.settings().shutdown().drain().toMillis(),
            t -> {
              if (host.isOpen(session)) {
                abort();
              }
            });
  }

  private void abort() {
    stopListening();
    outbox.abort();
  }

  private void stopListening() {
    session.enter(Session.State.CLOSED);
  }

  /**
   * The connection has closed, from either end: nothing more reaches the client. A session the
   * server ended is over; otherwise it ends once the client's input has ({@link #inputEnded}),
   * which the connection hands over after the lines it still held.
   */
  void onClosed() {
    connectionClosed = true;
    outbox.discard();
    if (session.state() == Session.State.CLOSED) {
      finishIfClosed();
    } else {
      // The end of the input follows the close; should it not, the session still ends.
      lingerUntil(
          () -> {
            if (session.state() != Session.State.CLOSED) {
              depart("");
              close();
            }
          });
    }
  }

  private void lingerUntil(Runnable then) {
    if (lingerTimer < 0) {
      lingerTimer =
          host.vertx()
              .setTimer(
                  LINGER_MILLIS,
                  t -> {
                    lingerTimer = -1;
                    then.run();
                  });
    }
  }

  /**
   * Once the session is over and its connection closed: it follows no room, the member count and
   * the gate get its place back, and the close is logged with the member's name.
   */
  private void finishIfClosed() {
    if (finished || !connectionClosed || session.state() != Session.State.CLOSED) {
      return;
    }
    finished = true;
    host.vertx().cancelTimer(lingerTimer);
    rooms.unfollowAll();
    host.forget(session);
    rooms.countLocally(false);
    if (gate.admitted() || session.name() != null) {
      LOG.info(
          "{} from {} closed{}",
          session.name() == null ? "unnamed connection" : session.name(),
          address,
          departure == null || departure.isEmpty() ? "" : ": " + departure);
    }
    gate.releaseThen(null);
  }
}
