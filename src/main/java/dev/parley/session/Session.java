package dev.parley.session;

import dev.parley.bus.Addresses;
import dev.parley.bus.Evicted;
import dev.parley.bus.JoinReply;
import dev.parley.bus.LocalMember;
import dev.parley.bus.MoveReply;
import dev.parley.bus.PrivateLine;
import dev.parley.bus.RelayedEvent;
import dev.parley.bus.RoomReady;
import dev.parley.config.ParleyConfig;
import dev.parley.protocol.EncodedLine;
import dev.parley.protocol.LineCleaner;
import dev.parley.protocol.LineFramer;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.Left;
import dev.parley.room.Renamed;
import dev.parley.room.RoomEvent;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection's state machine: admission, the name step, then chat lines and commands, and
 * finally one departure. Reads are framed by {@link LineFramer}, cleaned by {@link LineCleaner} and
 * metered by {@link FloodControl}; output goes through the {@link Outbox}. The session reaches the
 * room only over the event bus. Confined to its connection's event loop.
 */
public final class Session implements LineFramer.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  private enum State {
    ADMITTING,
    NAMING,
    JOINING,
    MEMBER,
    CLOSED
  }

  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  /** After a room opens, kept lines are sent again after this long, then twice as long, … */
  private static final long FIRST_RESEND_MILLIS = 250;

  /** … up to this long, until the room has acknowledged every one. */
  private static final long LAST_RESEND_MILLIS = 4000;

  private final SessionHost host;
  private final Connection connection;
  private final String id = UUID.randomUUID().toString();
  private final String address;
  private final Outbox outbox;
  private final FloodControl flood;
  private final RoomLink room;
  private final ChatSender sender;
  private final ArrayDeque<byte[]> heldLines = new ArrayDeque<>(2);
  private final ReplyOrder replies;
  private State state = State.ADMITTING;
  private boolean admitted;
  private boolean departed;
  private boolean shuttingDown;
  private String departure;
  private Connection.Ending ending = Connection.Ending.NORMAL;
  private String name;
  private final RoomMembership membership;
  private final List<String> followed = new ArrayList<>(2);
  private String run = "";
  private long resendTimer = -1;
  private long lastLineAt;

  public Session(SessionHost host, Connection connection) {
    this.host = host;
    this.connection = connection;
    this.address = connection.remoteAddress();
    this.outbox =
        new Outbox(
            connection,
            host.time(),
            host.metrics(),
            host.flusher(),
            host.settings().slowClient().maxQueuedBytes());
    this.flood =
        new FloodControl(
            host.settings().limits().linesPerSecond(),
            host.settings().limits().lineBurst(),
            host.time());
    this.room = new RoomLink(host.vertx().eventBus(), host.time(), id, host.nodeId());
    this.sender = new ChatSender(room, host.time(), host.settings().limits().maxUnackedLines());
    this.replies = new ReplyOrder(sender, outbox);
    this.lastLineAt = host.time().nanoTime();
    this.membership = new RoomMembership(id);
  }

  /** Asks the gate to admit the connection; greets it if admitted, refuses it otherwise. */
  public void start() {
    connection.pause();
    connection.closeHandler(v -> onClosed());
    connection.exceptionHandler(
        err -> LOG.debug("connection {} failed: {}", address, err.toString()));
    host.vertx()
        .eventBus()
        .<String>request(Addresses.GATE_ADMIT, address, LOCAL)
        .onComplete(
            ar -> {
              admitted = ar.succeeded() && ar.result().body().isEmpty();
              if (state == State.CLOSED) {
                releaseThen(null);
              } else if (admitted) {
                greet();
              } else {
                String refusal = ar.succeeded() ? ar.result().body() : Replies.serverFull();
                LOG.info("refused {}: {}", address, refusal);
                outbox.sendLast(refusal);
                ending =
                    refusal.equals(Replies.serverFull())
                        ? Connection.Ending.SERVER_FULL
                        : Connection.Ending.ADDRESS_LIMIT;
                close();
              }
            });
  }

  private void greet() {
    if (shuttingDown) {
      close();
      return;
    }
    state = State.NAMING;
    outbox.send(Replies.welcome(host.settings().server().name()));
    connection.handler(new LineFramer(host.settings().limits().maxLineBytes(), this));
    connection.shutdownHandler(v -> shutdown());
    connection.resume();
  }

  // ---- input

  @Override
  public void onLine(byte[] line) {
    if (state == State.JOINING || (state == State.MEMBER && sender.full())) {
      heldLines.add(line);
      connection.pause();
      return;
    }
    if (state != State.NAMING && state != State.MEMBER) {
      return;
    }
    host.metrics().lineIn();
    if (!flood.allow()) {
      host.metrics().floodDrop();
      if (flood.warnNow()) {
        outbox.send(Replies.slowDown(host.settings().limits().linesPerSecond()));
      }
    } else if (state == State.NAMING) {
      onName(LineCleaner.clean(line).strip());
    } else {
      onMemberLine(LineCleaner.clean(line).strip());
    }
    markActive();
  }

  @Override
  public void onLineTooLong() {
    if (state == State.NAMING || state == State.MEMBER || state == State.JOINING) {
      outbox.send(Replies.lineTooLong(host.settings().limits().maxLineBytes()));
      if (state == State.NAMING) {
        outbox.send(Replies.askName());
      }
      // A refused line is still a line the client sent.
      markActive();
    }
  }

  /**
   * The client sent a line, read or refused: activity for the idle timeout, checked here for an
   * unnamed connection and by the room for a member (told at most once a second, and not at all
   * when the line itself was a request to the room).
   */
  private void markActive() {
    lastLineAt = host.time().nanoTime();
    if (state == State.MEMBER) {
      room.touchIfQuiet();
    }
  }

  private void onName(String requested) {
    CommandTable.Invocation invocation = CommandTable.find(requested);
    if (invocation != null && invocation.usableBeforeName()) {
      invocation.run(this);
      return;
    }
    if (requested.isEmpty()) {
      join("");
      return;
    }
    NameRules.Verdict verdict = NameRules.check(requested);
    if (verdict.valid()) {
      join(verdict.name());
    } else {
      outbox.send(Replies.error(verdict.error()));
      outbox.send(Replies.askName());
    }
  }

  private void join(String requested) {
    state = State.JOINING;
    room.join(requested, 0)
        .onComplete(
            ar -> {
              if (state == State.CLOSED) {
                if (ar.succeeded()) {
                  room.leave("");
                }
                return;
              }
              if (ar.succeeded()) {
                joined(ar.result());
              } else {
                state = State.NAMING;
                fail(ar.cause());
                outbox.send(Replies.askName());
              }
              releaseHeldLines();
            });
  }

  private void joined(JoinReply reply) {
    name = reply.name();
    membership.entered(reply.room(), reply.seq());
    follow(reply.room());
    run = reply.run();
    state = State.MEMBER;
    host.vertx().eventBus().send(Addresses.LOCAL_MEMBERS, new LocalMember(id, true), LOCAL);
    LOG.info("{} joined from {}", name, address);
    outbox.send(Replies.youAre(name));
    outbox.send(Replies.online(reply.roster(), reply.total()));
    if (!reply.history().isEmpty()) {
      Replies.history(reply.history()).forEach(outbox::send);
    }
  }

  private boolean holding() {
    return state == State.JOINING
        || state == State.CLOSED
        || (state == State.MEMBER && sender.full());
  }

  private void releaseHeldLines() {
    while (!heldLines.isEmpty() && !holding()) {
      onLine(heldLines.poll());
    }
    if (!holding() && !shuttingDown) {
      connection.resume();
    }
  }

  private void onMemberLine(String text) {
    if (text.isEmpty()) {
      return;
    }
    CommandTable.Invocation invocation = CommandTable.find(text);
    if (invocation != null) {
      invocation.run(this);
    } else {
      sender.say(text.startsWith("//") ? text.substring(1) : text);
    }
  }

  // ---- output

  /** This session's id, unique in the cluster. */
  public String id() {
    return id;
  }

  /**
   * A room event or {@code RoomReady}, with the line TCP members see for it encoded once for the
   * whole node ({@code null} for {@code RoomReady} and for events nobody is told of).
   */
  public void onEvent(RelayedEvent relayed) {
    if (state != State.MEMBER) {
      return;
    }
    Object body = relayed.event();
    if (body instanceof RoomReady ready) {
      if (ready.run().equals(run)) {
        resendUntilAcknowledged(FIRST_RESEND_MILLIS);
      } else {
        rejoin();
      }
      return;
    }
    if (membership.accept(relayed)) {
      deliver((RoomEvent) body, relayed.line());
    }
    String finished = membership.takeFinished();
    if (finished != null) {
      unfollow(finished);
    }
  }

  private void follow(String roomName) {
    if (!followed.contains(roomName)) {
      followed.add(roomName);
      host.follow(this, roomName);
    }
  }

  private void unfollow(String roomName) {
    if (followed.remove(roomName)) {
      host.unfollow(this, roomName);
    }
  }

  private void unfollowAll() {
    for (String roomName : followed) {
      host.unfollow(this, roomName);
    }
    followed.clear();
  }

  /**
   * {@code /join}: asks the room to move this member; the member's lines go on meanwhile, and are
   * ordered in the new room.
   */
  void move(String requested) {
    long position = sender.lastId();
    membership.moving();
    host.followAll(this, true);
    room.move(requested)
        .onComplete(
            ar -> {
              host.followAll(this, false);
              if (state != State.MEMBER) {
                return;
              }
              if (ar.failed()) {
                membership.stayed();
                fail(ar.cause());
                return;
              }
              MoveReply reply = ar.result();
              List<RelayedEvent> early =
                  membership.moved(reply.room(), reply.leftSeq(), reply.seq());
              follow(reply.room());
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
            });
  }

  private void deliver(RoomEvent event, EncodedLine line) {
    if (event instanceof Chat chat) {
      boolean own = chat.sessionId().equals(id);
      if (own) {
        replies.beforeEcho(chat.lineId());
      }
      outbox.write(line);
      if (own) {
        acknowledged(chat.lineId());
      }
    } else if (event instanceof Arrived arrived) {
      if (line != null && !arrived.sessionId().equals(id)) {
        outbox.write(line);
      }
    } else if (event instanceof Left) {
      if (line != null) {
        outbox.write(line);
      }
    } else if (event instanceof Renamed renamed) {
      if (renamed.sessionId().equals(id)) {
        name = renamed.newName();
      }
      outbox.write(line);
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
    if (state != State.MEMBER || !sender.waiting()) {
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
   * The room started afresh, without this member: it joins the new room under its name and sends
   * its kept lines there, numbered on from the last one the old room ordered. If the new room does
   * not take it, each kept line is answered with a {@code ! } line (it was not delivered) and the
   * client is asked for a name again.
   */
  private void rejoin() {
    LOG.info("{} joins the room again: the room started afresh", name);
    state = State.JOINING;
    room.join(name, sender.lastAcknowledged())
        .onComplete(
            ar -> {
              if (state == State.CLOSED) {
                if (ar.succeeded()) {
                  room.leave("");
                }
                return;
              }
              if (ar.succeeded()) {
                JoinReply reply = ar.result();
                name = reply.name();
                membership.entered(reply.room(), reply.seq());
                unfollowAll();
                follow(reply.room());
                run = reply.run();
                state = State.MEMBER;
                resendUntilAcknowledged(FIRST_RESEND_MILLIS);
              } else {
                for (int i = sender.giveUp(); i > 0; i--) {
                  outbox.send(Replies.roomUnavailable());
                }
                replies.release();
                host.vertx()
                    .eventBus()
                    .send(Addresses.LOCAL_MEMBERS, new LocalMember(id, false), LOCAL);
                name = null;
                state = State.NAMING;
                fail(ar.cause());
                outbox.send(Replies.askName());
              }
              releaseHeldLines();
            });
  }

  /** What the room sent to this session alone. */
  public void onDirect(Object body) {
    if (body instanceof PrivateLine line) {
      outbox.send(Replies.privateFrom(line.from(), line.text()));
    } else if (body instanceof Evicted evicted) {
      departed = true;
      departure = evicted.reason();
      if (Replies.REASON_IDLE.equals(evicted.reason())) {
        host.metrics().idleDisconnect();
      }
      outbox.sendLast(evicted.notice());
      close();
    }
  }

  /** The room ordered this session's lines up to {@code lineId}. */
  private void acknowledged(long lineId) {
    boolean wasFull = sender.full();
    sender.acknowledged(lineId);
    replies.release();
    if (wasFull && !sender.full()) {
      releaseHeldLines();
    }
  }

  /**
   * Sends a reply to this client's own request: after the echoes of the chat lines it sent before
   * the request, so that a client sees the answers to its lines in the order it sent them.
   */
  public void send(String line) {
    replies.send(line);
  }

  /** Answers a failed room request: the room's error text, or that the room is unavailable. */
  public void fail(Throwable failure) {
    if (failure instanceof ReplyException e && e.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      send(Replies.error(e.getMessage()));
    } else {
      send(Replies.roomUnavailable());
    }
  }

  public RoomLink room() {
    return room;
  }

  /** The node's settings. */
  ParleyConfig settings() {
    return host.settings();
  }

  // ---- endings

  /** {@code /quit}: says bye, announces the departure with the reason, closes. */
  public void quit(String reason) {
    outbox.send(Replies.bye());
    depart(reason);
    close();
  }

  /** Called by the server's periodic sweep. */
  public void sweep(long now) {
    if (state == State.CLOSED) {
      return;
    }
    if (state == State.MEMBER) {
      sender.resendIfStale(now);
    }
    if (outbox.congestedFor(now) > host.settings().slowClient().timeout().toNanos()) {
      departure = Replies.REASON_TOO_SLOW;
      host.metrics().tooSlowDisconnect();
      depart(Replies.REASON_TOO_SLOW);
      abort();
    } else if (state == State.NAMING
        && now - lastLineAt > host.settings().idle().timeout().toNanos()) {
      departure = Replies.REASON_IDLE;
      host.metrics().idleDisconnect();
      outbox.sendLast(Replies.idleDisconnect(host.settings().idle().timeout().toString()));
      close();
    }
  }

  /**
   * The node begins to shut down: the client receives the notice after what is already queued for
   * it, and nothing more; its lines are no longer read.
   */
  public void beginShutdown() {
    if (shuttingDown || state == State.CLOSED) {
      return;
    }
    shuttingDown = true;
    ending = Connection.Ending.SHUTDOWN;
    connection.pause();
    outbox.sendLast(Replies.shuttingDown());
    outbox.close();
  }

  /** The listener stops: the member departs and the connection closes once output is flushed. */
  public void shutdown() {
    if (state == State.CLOSED) {
      return;
    }
    beginShutdown();
    depart(Replies.REASON_SHUTDOWN);
    close();
  }

  private void depart(String reason) {
    if (state == State.MEMBER && !departed) {
      departed = true;
      departure = reason;
      room.leave(reason);
    }
  }

  /**
   * Closes after what is queued has been flushed; a client whose queue is full is cut off at once,
   * and one that does not take its last lines within the drain time is cut off then.
   */
  private void close() {
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
              if (host.isOpen(this)) {
                abort();
              }
            });
  }

  private void abort() {
    stopListening();
    outbox.abort();
  }

  private void stopListening() {
    state = State.CLOSED;
  }

  private void onClosed() {
    boolean wasMember = state == State.MEMBER;
    stopListening();
    unfollowAll();
    host.forget(this);
    outbox.close();
    if (admitted || name != null) {
      LOG.info(
          "{} from {} closed{}",
          name == null ? "unnamed connection" : name,
          address,
          departure == null || departure.isEmpty() ? "" : ": " + departure);
    }
    if (wasMember) {
      host.vertx().eventBus().send(Addresses.LOCAL_MEMBERS, new LocalMember(id, false), LOCAL);
    }
    if (wasMember && !departed) {
      departed = true;
      releaseThen(() -> room.leave(""));
    } else {
      releaseThen(null);
    }
  }

  /** Gives the connection's place back to the gate, then runs {@code next}. */
  private void releaseThen(Runnable next) {
    if (!admitted) {
      if (next != null) {
        next.run();
      }
      return;
    }
    admitted = false;
    host.vertx()
        .eventBus()
        .request(Addresses.GATE_RELEASE, address, LOCAL)
        .onComplete(
            ar -> {
              if (next != null) {
                next.run();
              }
            });
  }
}
