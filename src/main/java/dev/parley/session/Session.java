package dev.parley.session;

import dev.parley.bus.Evicted;
import dev.parley.bus.Invitation;
import dev.parley.bus.ModerationMessages;
import dev.parley.bus.PrivateLine;
import dev.parley.bus.RelayedEvent;
import dev.parley.bus.RoomReady;
import dev.parley.config.ParleyConfig;
import dev.parley.protocol.LineCleaner;
import dev.parley.protocol.LineFramer;
import dev.parley.protocol.NameKey;
import dev.parley.protocol.Replies;
import io.vertx.core.eventbus.DeliveryOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's state machine, whatever its transport (TCP or WebSocket, behind {@link
 * Connection}): admitted by the gate ({@link GatePass}), then the name step ({@link NameStep}),
 * then chat lines and commands ({@link CommandTable}) as a member of a room ({@link MemberRooms}),
 * and finally one ending ({@link Endings}). Reads are framed by {@link LineFramer}, cleaned by
 * {@link LineCleaner}, metered by {@link FloodControl} and held while the room is behind ({@link
 * HeldLines}); output goes through the {@link Outbox}. The session reaches the room only over the
 * event bus, and recovers when the room opens again elsewhere ({@link Recovery}). The session and
 * all its parts are confined to its connection's event loop: every method here must be called
 * there, and none blocks.
 */
public final class Session implements Follower, LineFramer.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);

  /** Where a session is in its life. */
  enum State {
    ADMITTING,
    NAMING,
    /** The accounts check a name or a password: the client's lines wait. */
    VERIFYING,
    /** The next line is the password of the name asked. */
    PASSWORD,
    JOINING,
    MEMBER,
    CLOSED
  }

  /** Node-local delivery, for the gate and the node's count of local members. */
  static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final SessionHost host;
  private final Connection connection;
  private final String id;
  private final String address;
  private final Outbox outbox;
  private final FloodControl flood;
  private final RoomLink room;
  private final ChatSender sender;
  private final ReplyOrder replies;
  private final HeldLines held;
  private final GatePass gate;
  private final MemberRooms rooms;
  private final NameStep naming;
  private final Recovery recovery;
  private final Endings endings;
  private final Timeouts timeouts;
  private State state = State.ADMITTING;
  private String name;
  private String account = "";

  /**
   * Creates the session; nothing happens before {@link #start}.
   *
   * @param host the listener that accepted the connection
   * @param connection the client's connection, on the listener's event loop
   */
  public Session(SessionHost host, Connection connection) {
    this.host = host;
    this.id = host.newSessionId();
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
    this.room =
        new RoomLink(
            host.vertx(),
            host.time(),
            id,
            host.nodeId(),
            host.roomGroups(),
            host.settings().rooms().defaultRoom(),
            address);
    this.sender = new ChatSender(room, host.time(), host.settings().limits().maxUnackedLines());
    this.replies = new ReplyOrder(sender, outbox);
    this.held = new HeldLines(this, connection, sender, replies);
    this.gate = new GatePass(host.vertx().eventBus(), address);
    this.rooms = new MemberRooms(this, host, outbox, replies, sender, room, held, address);
    this.naming = new NameStep(this, outbox, rooms, host.accounts(), address);
    this.recovery = new Recovery(this, host, outbox, replies, sender, rooms);
    this.endings = new Endings(this, host, connection, outbox, room, gate, rooms, sender, address);
    this.timeouts = new Timeouts(this, host, outbox, sender, room, endings);
  }

  /**
   * Asks the gate to admit the connection; greets it if admitted, refuses it otherwise. What the
   * client sends meanwhile is held, in order, until it is greeted.
   */
  public void start() {
    connection.pause();
    connection.closeHandler(v -> endings.onClosed());
    connection.endHandler(v -> onEnd());
    connection.exceptionHandler(
        err -> LOG.debug("connection {} failed: {}", address, err.toString()));
    connection.handler(new LineFramer(host.settings().limits().maxLineBytes(), this));
    gate.admit(
        refusal -> {
          if (state == State.CLOSED) {
            gate.releaseThen(null);
          } else if (refusal.isEmpty()) {
            greet();
          } else {
            endings.refused(refusal);
          }
        });
  }

  private void greet() {
    if (shuttingDown()) {
      endings.close();
      return;
    }
    state = State.NAMING;
    outbox.send(Replies.welcome(host.settings().server().name()));
    connection.shutdownHandler(v -> shutdown());
    String token = connection.tokenAccount();
    if (token != null) {
      naming.withToken(token);
    }
    held.release();
  }

  // ---- input

  @Override
  public void onLine(byte[] line) {
    if (held.holdIfWaiting(line)) {
      return;
    }
    if ((state != State.NAMING && state != State.PASSWORD && state != State.MEMBER)
        || endings.quitting()) {
      return;
    }
    host.metrics().lineIn();
    if (!flood.allow()) {
      host.metrics().floodDrop();
      if (flood.warnNow()) {
        replies.send(Replies.slowDown(host.settings().limits().linesPerSecond()));
      }
    } else if (state == State.NAMING) {
      naming.onName(LineCleaner.clean(line).strip());
    } else if (state == State.PASSWORD) {
      naming.onPassword(LineCleaner.clean(line).strip());
    } else {
      onMemberLine(LineCleaner.clean(line).strip());
    }
    timeouts.markActive();
  }

  /**
   * A line over {@code limits.maxLineBytes} was discarded: the client is told so, in the order of
   * its lines (after the echoes of the chat lines it sent before).
   */
  @Override
  public void onLineTooLong() {
    if (held.holdTooLongIfWaiting() || endings.quitting()) {
      return;
    }
    if (state == State.NAMING || state == State.PASSWORD || state == State.MEMBER) {
      replies.send(Replies.lineTooLong(host.settings().limits().maxLineBytes()));
      if (state == State.NAMING) {
        replies.send(Replies.askName());
      }
      // A refused line is still a line the client sent.
      timeouts.markActive();
    }
  }

  /**
   * The client's input has ended, after its last line (PROTOCOL.md section 8): once every line
   * before it has been handled, the session ends.
   */
  void onEnd() {
    if (held.holdEndIfWaiting()) {
      return;
    }
    endings.inputEnded();
  }

  /** Every chat line this member sent has been ordered by its room. */
  void linesOrdered() {
    endings.linesOrdered();
  }

  /** The member has been told where it is after a move. */
  void movesSettled() {
    endings.movesSettled();
  }

  /**
   * Sends a command's request to the room and writes its answer, or its failure ({@link #fail}).
   * The client's later lines wait until the answer has been written, so that it comes before
   * anything caused by them (PROTOCOL.md section 8).
   *
   * @param request the request, sent already
   * @param answer writes the answer; called on the session's event loop
   */
  <T> void answer(io.vertx.core.Future<T> request, java.util.function.Consumer<T> answer) {
    held.awaitingAnswer(true);
    request.onComplete(
        ar -> {
          if (ar.succeeded()) {
            answer.accept(ar.result());
          } else {
            fail(ar.cause());
          }
          held.awaitingAnswer(false);
        });
  }

  private void onMemberLine(String text) {
    if (text.isEmpty()) {
      return;
    }
    CommandTable.Invocation invocation = CommandTable.find(text);
    if (invocation != null) {
      invocation.run(this);
    } else {
      recovery.beforeLine();
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
    if (relayed.event() instanceof RoomReady ready) {
      recovery.roomReady(ready);
      return;
    }
    rooms.onEvent(relayed);
  }

  /**
   * {@code /join}: asks the room to move this member; the member's lines go on meanwhile, and are
   * ordered in the new room.
   */
  void move(String requested) {
    rooms.move(requested);
  }

  /** What the room sent to this session alone. */
  public void onDirect(Object body) {
    if (body instanceof PrivateLine line) {
      outbox.send(Replies.privateFrom(line.from(), line.text()));
    } else if (body instanceof Invitation invitation) {
      outbox.send(Replies.invitedTo(invitation.from(), invitation.room()));
    } else if (body instanceof Evicted evicted) {
      endings.evicted(evicted);
    } else if (body instanceof ModerationMessages.LineRefused refused) {
      if (state == State.MEMBER) {
        replies.beforeEcho(refused.lineId());
        outbox.send(refused.text());
        held.acknowledged(refused.lineId());
      }
    } else if (body instanceof ModerationMessages.KickedOut kicked) {
      if (state == State.MEMBER) {
        kickedOut(kicked.notice(), kicked.leftSeq());
      }
    } else if (body instanceof ModerationMessages.TakenOver) {
      endings.takenOver();
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
    send(Refusals.line(failure));
  }

  /**
   * Answers a failed room request after the echoes of the chat lines up to {@code position}: for a
   * request sent when that was the client's last line, while its later lines went on.
   */
  void failAfter(long position, Throwable failure) {
    replies.sendAfter(position, Refusals.line(failure));
  }

  /**
   * Whether the member is logged in to a server operator's account ({@code accounts.operators}).
   */
  boolean isServerOperator() {
    if (account.isEmpty()) {
      return false;
    }
    String key = NameKey.of(account).foldedSkeleton();
    for (String operator : host.settings().accounts().operators()) {
      if (NameKey.of(operator).foldedSkeleton().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** The session's requests to its room, for the commands. */
  public RoomLink room() {
    return room;
  }

  /** The node's settings. */
  ParleyConfig settings() {
    return host.settings();
  }

  /** Whether the node's shutdown has begun for this session: its lines are no longer read. */
  boolean shuttingDown() {
    return endings.shuttingDown();
  }

  /** Where the session is in its life. */
  State state() {
    return state;
  }

  /** Moves the session to {@code next}; the parts call it as the protocol advances. */
  void enter(State next) {
    state = next;
  }

  /** The member's name, {@code null} before it has one. */
  String name() {
    return name;
  }

  /** The member's name from now on, {@code null} when it has none again. */
  void name(String name) {
    this.name = name;
  }

  /** The account the member is logged in to, empty for a guest. */
  String account() {
    return account;
  }

  /** The member logged in to {@code account} (empty: a guest). */
  void account(String account) {
    this.account = account;
    room.account(account);
  }

  /** The accounts of this node. */
  dev.parley.accounts.Accounts accounts() {
    return host.accounts();
  }

  /** The wait for the accounts is over: the lines the client sent meanwhile are read. */
  void released() {
    held.release();
  }

  /** The third wrong password on this connection: the client is told, and it closes. */
  void tooManyWrongPasswords() {
    closeWith(dev.parley.protocol.AccountReplies.tooManyWrongPasswords());
  }

  /** Sends a last line and closes (a ban of the server, a failed token login, wrong passwords). */
  void closeWith(String line) {
    endings.closeWith(line);
  }

  /** The member was kicked out of its room: it enters the default room under its name. */
  void kickedOut(String notice, long leftSeq) {
    rooms.kickedOut(notice, leftSeq);
  }

  // ---- endings

  /** {@code /quit}: says bye, announces the departure with the reason, closes. */
  public void quit(String reason) {
    endings.quit(reason);
  }

  /** Called by the server's periodic sweep. */
  public void sweep(long now) {
    timeouts.sweep(now);
  }

  /**
   * The node begins to shut down: the client receives the notice after what is already queued for
   * it, and nothing more; its lines are no longer read.
   */
  public void beginShutdown() {
    endings.beginShutdown();
  }

  /** The listener stops: the member departs and the connection closes once output is flushed. */
  public void shutdown() {
    endings.shutdown();
  }
}
