package dev.parley.session;

import dev.parley.bus.Evicted;
import dev.parley.protocol.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a session ends, once: refused by the gate, {@code /quit}, evicted by the room (idle, kicked),
 * idle before a name, too slow, or the node's shutdown; then the close, the member's departure from
 * its room and the connection's place given back to the gate. Closing waits for queued output for
 * at most {@code shutdown.drainSeconds}; a client whose write queue is full is cut off at once.
 * Confined to the connection's event loop.
 */
final class Endings {
  // Logged under the session's name, as before the session was split.
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private final Session session;
  private final SessionHost host;
  private final Connection connection;
  private final Outbox outbox;
  private final RoomLink room;
  private final GatePass gate;
  private final MemberRooms rooms;
  private final String address;
  private boolean departed;
  private boolean shuttingDown;
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
      String address) {
    this.session = session;
    this.host = host;
    this.connection = connection;
    this.outbox = outbox;
    this.room = room;
    this.gate = gate;
    this.rooms = rooms;
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

  /** {@code /quit}: says bye, announces the departure with the reason, closes. */
  void quit(String reason) {
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
   * The connection has closed, from either end: the member leaves, the gate gets its place back.
   */
  void onClosed() {
    boolean wasMember = session.state() == Session.State.MEMBER;
    stopListening();
    rooms.unfollowAll();
    host.forget(session);
    outbox.close();
    if (gate.admitted() || session.name() != null) {
      LOG.info(
          "{} from {} closed{}",
          session.name() == null ? "unnamed connection" : session.name(),
          address,
          departure == null || departure.isEmpty() ? "" : ": " + departure);
    }
    if (wasMember) {
      rooms.countLocally(false);
    }
    if (wasMember && !departed) {
      departed = true;
      gate.releaseThen(() -> room.leave(""));
    } else {
      gate.releaseThen(null);
    }
  }
}
