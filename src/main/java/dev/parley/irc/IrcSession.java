package dev.parley.irc;

import dev.parley.bus.Evicted;
import dev.parley.bus.Invitation;
import dev.parley.bus.LeaveRequest;
import dev.parley.bus.LocalMember;
import dev.parley.bus.ModerationMessages;
import dev.parley.bus.PrivateLine;
import dev.parley.bus.RelayedEvent;
import dev.parley.bus.RoomReady;
import dev.parley.names.NameRegistry;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.EncodedLine;
import dev.parley.protocol.LineFramer;
import dev.parley.protocol.Replies;
import dev.parley.room.RoomEvent;
import dev.parley.session.Connection;
import dev.parley.session.FloodControl;
import dev.parley.session.Follower;
import dev.parley.session.GatePass;
import dev.parley.session.Outbox;
import dev.parley.session.SessionHost;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One IRC client's session (PROTOCOL.md section 14): a member that may be in many rooms, sharing
 * with line sessions the connection gate ({@link GatePass}), flood control ({@link FloodControl}),
 * the slow-reader outbox ({@link Outbox}) and the framing of lines ({@link LineFramer}). Messages
 * are parsed by {@link IrcMessage} and run from {@link IrcCommands}; registration is {@link
 * IrcRegistration}'s, rooms are {@link IrcChannels}'. Idle: a PING after half of {@code
 * idle.timeoutSeconds} without input, {@code ERROR :Closing link: ping timeout} after all of it.
 * Confined to the connection's event loop: every method MUST be called there and MUST NOT block.
 */
public final class IrcSession implements Follower, LineFramer.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(IrcSession.class);

  /** The longest line read, tags included: 8,191 bytes of tags and a 512-byte message. */
  static final int MAX_LINE_BYTES = 8191 + IrcRenderer.MAX_MESSAGE_BYTES;

  /** How long a QUIT waits for the rooms to see the member leave, in milliseconds. */
  private static final long LEAVE_WAIT_MILLIS = 2_000;

  /** The most tag data a client may send, in bytes, as the message-tags specification says. */
  private static final int MAX_CLIENT_TAG_BYTES = 4094;

  /**
   * Commands read while an earlier one is under way, at most: input is paused meanwhile, so only
   * the rest of one read can arrive.
   */
  private static final int MAX_WAITING = 1_000;

  enum State {
    CONNECTING,
    REGISTERING,
    REGISTERED,
    CLOSED
  }

  private final SessionHost host;
  private final Connection connection;
  private final Outbox outbox;
  private final FloodControl flood;
  private final GatePass gate;
  private final String id;
  private final String address;
  private final IrcRenderer renderer;
  private final IrcRegistration registration;
  private final IrcChannels channels;
  private final IrcChat chat;
  private final IrcAway away = new IrcAway(this);

  /** The server operator's account an OPER proved, or {@code null}. */
  private String operatorAccount;

  /** The rooms the client was invited to, for INVITE alone; made on the first invitation. */
  private List<String> invitations;

  /** Made on the first MONITOR. */
  private IrcMonitorList monitors;

  private final IrcModeration moderation;
  private final ArrayDeque<IrcMessage> waiting = new ArrayDeque<>();
  private State state = State.CONNECTING;
  private int holding;
  private long lastInput;
  private boolean pinged;
  private boolean ended;
  private boolean counted;
  private boolean quitting;

  /**
   * @param host the listener that accepted the connection
   * @param connection the client's connection, paused until {@link #start}
   */
  public IrcSession(SessionHost host, Connection connection) {
    this.host = host;
    this.connection = connection;
    this.id = host.newSessionId();
    this.address = connection.remoteAddress();
    String server = host.settings().server().name();
    this.outbox =
        new Outbox(
            connection,
            host.time(),
            host.metrics(),
            host.flusher(),
            host.settings().slowClient().maxQueuedBytes(),
            count ->
                IrcMessage.of(server, "NOTICE", "*", IrcReplies.parleyText(Replies.dropped(count)))
                    .encode());
    this.flood =
        new FloodControl(
            host.settings().limits().linesPerSecond(),
            host.settings().limits().lineBurst(),
            host.time());
    this.gate = new GatePass(host.vertx().eventBus(), address);
    this.renderer = new IrcRenderer(server);
    this.registration = new IrcRegistration(this, host);
    this.channels = new IrcChannels(this, host, renderer);
    this.chat = new IrcChat(this, channels, renderer);
    this.moderation = new IrcModeration(this, channels);
    this.lastInput = host.time().nanoTime();
  }

  /** Asks the gate to admit the connection, then reads its messages. */
  public void start() {
    connection.pause();
    connection.closeHandler(v -> onClosed());
    connection.endHandler(v -> close(Replies.REASON_CONNECTION_LOST));
    connection.exceptionHandler(
        err -> LOG.debug("IRC connection {} failed: {}", address, err.toString()));
    connection.handler(new LineFramer(MAX_LINE_BYTES, this));
    gate.admit(
        refusal -> {
          if (state == State.CLOSED) {
            gate.releaseThen(null);
          } else if (refusal.isEmpty()) {
            LOG.info("IRC connection from {}", address);
            state = State.REGISTERING;
            connection.shutdownHandler(v -> shutdown());
            connection.resume();
          } else {
            LOG.info("refused {}: {}", address, refusal);
            error(IrcReplies.closingLink(IrcReplies.parleyText(refusal)));
            connection.close(
                refusal.equals(Replies.serverFull())
                    ? Connection.Ending.SERVER_FULL
                    : Connection.Ending.ADDRESS_LIMIT);
          }
        });
  }

  // ---- input

  @Override
  public void onLine(byte[] line) {
    if (state != State.REGISTERING && state != State.REGISTERED) {
      return;
    }
    lastInput = host.time().nanoTime();
    pinged = false;
    host.metrics().lineIn();
    int length = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
    int tags = tagsLength(line, length);
    if (length - tags > IrcRenderer.MAX_MESSAGE_BYTES - 2 || tags - 2 > MAX_CLIENT_TAG_BYTES) {
      numeric(IrcReplies.INPUTTOOLONG, IrcReplies.INPUT_TOO_LONG);
      return;
    }
    String text = new String(line, 0, length, StandardCharsets.UTF_8);
    IrcMessage message = IrcMessage.parse(text);
    if (message == null) {
      return;
    }
    if (text.indexOf('\uFFFD') >= 0 && !IrcMessage.isUtf8(line, length)) {
      // UTF8ONLY: the message goes on with U+FFFD in place of each bad sequence (PROTOCOL.md
      // section 1); the client is told so, in the IRCv3 standard-replies form.
      send(
          IrcMessage.of(
              server(), "WARN", message.command(), "INVALID_UTF8", IrcReplies.INVALID_UTF8));
    }
    if (!flood.allow() && !message.command().equals("PONG")) {
      host.metrics().floodDrop();
      if (flood.warnNow()) {
        notice(Replies.slowDown(host.settings().limits().linesPerSecond()));
      }
      return;
    }
    if (holding > 0) {
      if (waiting.size() < MAX_WAITING) {
        waiting.add(message);
      }
      return;
    }
    IrcCommands.run(this, message);
  }

  /**
   * Holds the client's next commands until {@code pending} completes, so that each command sees
   * what the one before it did (a PRIVMSG right after its JOIN, a PING right after USER): input is
   * paused and what was read already waits. The returned future's handlers run before the next
   * command does.
   *
   * @return a future completed as {@code pending} is
   */
  <T> Future<T> inOrder(Future<T> pending) {
    if (holding++ == 0) {
      connection.pause();
    }
    Promise<T> answered = Promise.promise();
    pending.onComplete(
        ar -> {
          answered.handle(ar);
          if (--holding == 0) {
            runWaiting();
          }
        });
    return answered.future();
  }

  private void runWaiting() {
    while (holding == 0 && !waiting.isEmpty() && state != State.CLOSED) {
      IrcCommands.run(this, waiting.poll());
    }
    if (holding == 0 && state != State.CLOSED) {
      connection.resume();
    }
  }

  /** The bytes of a line's tags and the space after them, 0 for a line without tags. */
  private static int tagsLength(byte[] line, int length) {
    if (length == 0 || line[0] != '@') {
      return 0;
    }
    for (int i = 0; i < length; i++) {
      if (line[i] == ' ') {
        return i + 1;
      }
    }
    return length;
  }

  @Override
  public void onLineTooLong() {
    lastInput = host.time().nanoTime();
    numeric(IrcReplies.INPUTTOOLONG, IrcReplies.INPUT_TOO_LONG);
  }

  // ---- output

  /** Sends one message. */
  void send(IrcMessage message) {
    outbox.write(EncodedLine.of(message.encode()));
  }

  /** Sends messages in order. */
  void send(List<IrcMessage> messages) {
    for (IrcMessage m : messages) {
      send(m);
    }
  }

  /** Sends a numeric reply from the server to this client: {@code :SERVER CODE NICK PARAMS…}. */
  void numeric(String code, String... params) {
    String[] all = new String[params.length + 1];
    all[0] = nick();
    System.arraycopy(params, 0, all, 1, params.length);
    send(IrcMessage.of(server(), code, all));
  }

  /** Sends a server NOTICE with a line member's text (its {@code ! } or {@code * } dropped). */
  void notice(String line) {
    send(IrcMessage.of(server(), "NOTICE", nick(), IrcReplies.parleyText(line)));
  }

  private void error(String text) {
    outbox.sendLast(IrcMessage.of(null, "ERROR", text).encode());
  }

  // ---- what the listener calls

  @Override
  public String id() {
    return id;
  }

  @Override
  public void onEvent(RelayedEvent relayed) {
    if (state == State.REGISTERED && relayed.event() instanceof RoomEvent event) {
      channels.onEvent(event);
    } else if (state == State.REGISTERED && relayed.event() instanceof RoomReady ready) {
      channels.requests().roomReady(ready.group());
    }
  }

  @Override
  public void onDirect(Object body) {
    if (state != State.REGISTERED) {
      return;
    }
    if (body instanceof Invitation invitation) {
      if (invitations == null) {
        invitations = IrcInvite.none();
      }
      IrcInvite.remember(invitations, invitation.room());
      send(
          IrcMessage.of(
              invitation.from() + "!" + invitation.fromUser() + "@" + server(),
              "INVITE",
              nick(),
              invitation.room()));
    } else if (body instanceof PrivateLine line) {
      send(
          renderer.privateLine(
              line.from(), nick(), line.text(), timeTags() ? System.currentTimeMillis() : -1));
    } else if (body instanceof Evicted evicted) {
      channels.forgetAll();
      closeWith(
          IrcReplies.closingLink(IrcReplies.parleyText(evicted.notice())),
          "",
          Connection.Ending.NORMAL);
    } else if (body instanceof ModerationMessages.TakenOver) {
      channels.forgetAll();
      registration.forgetName();
      closeWith(
          IrcReplies.closingLink(AccountReplies.REASON_LOGGED_IN_ELSEWHERE),
          "",
          Connection.Ending.NORMAL);
    }
  }

  @Override
  public void sweep(long now) {
    if (state == State.CLOSED) {
      return;
    }
    long timeout = host.settings().idle().timeout().toNanos();
    if (outbox.congestedFor(now) > host.settings().slowClient().timeout().toNanos()) {
      host.metrics().tooSlowDisconnect();
      leave(Replies.REASON_TOO_SLOW);
      outbox.abort();
      connection.abort();
    } else if (now - lastInput > timeout) {
      host.metrics().idleDisconnect();
      closeWith(IrcReplies.PING_TIMEOUT, Replies.REASON_IDLE, Connection.Ending.NORMAL);
    } else if (state == State.REGISTERED && !pinged && now - lastInput > timeout / 2) {
      pinged = true;
      send(IrcMessage.of(null, "PING", server()));
    }
  }

  @Override
  public void beginShutdown() {
    if (state == State.REGISTERING || state == State.REGISTERED) {
      notice(Replies.shuttingDown());
    }
  }

  private void shutdown() {
    closeWith(
        IrcReplies.closingLink(IrcReplies.parleyText(Replies.shuttingDown())),
        Replies.REASON_SHUTDOWN,
        Connection.Ending.SHUTDOWN);
  }

  // ---- ending

  /**
   * {@code QUIT}, or the end of the client's input: leaves every room with the reason, then closes.
   */
  void close(String reason) {
    if (state == State.CLOSED || quitting) {
      return;
    }
    // The others see the QUIT before the client sees its ERROR, as on any IRC server.
    quitting = true;
    connection.pause();
    leaveEveryRoom(reason)
        .onComplete(
            v ->
                closeWith(
                    IrcReplies.closingLink(reason.isEmpty() ? "Quit" : "Quit: " + reason),
                    reason,
                    Connection.Ending.NORMAL));
  }

  /**
   * Leaves every room once and gives the name back; completes when the rooms have answered and the
   * name is free.
   */
  private Future<Void> leaveEveryRoom(String reason) {
    if (ended) {
      return Future.succeededFuture();
    }
    ended = true;
    countLocally(false);
    List<Future<Object>> left = new ArrayList<>();
    for (int group : channels.groups()) {
      left.add(
          host.vertx()
              .eventBus()
              .request(
                  dev.parley.bus.Addresses.room(group),
                  new LeaveRequest(id, reason),
                  new DeliveryOptions().setSendTimeout(LEAVE_WAIT_MILLIS))
              .map(reply -> reply.body()));
    }
    channels.forgetAll();
    // The name is free before the client sees its ERROR: a client that reconnects at once may
    // take it again.
    return Future.join(left)
        .<Void>mapEmpty()
        .otherwiseEmpty()
        .compose(v -> registration.forgetName());
  }

  /** Leaves every room with {@code reason}, sends {@code ERROR :TEXT} and closes. */
  private void closeWith(String text, String reason, Connection.Ending ending) {
    if (state == State.CLOSED) {
      return;
    }
    leave(reason);
    error(text);
    state = State.CLOSED;
    outbox.close();
    // Our shutdown handler would otherwise take over the close and leave the connection open.
    connection.shutdownHandler(null);
    connection.close(ending);
    host.vertx()
        .setTimer(
            host.settings().shutdown().drain().toMillis(),
            t -> {
              if (host.isOpen(this)) {
                connection.abort();
              }
            });
  }

  /** Leaves every room once, and gives the name back. */
  private void leave(String reason) {
    if (ended) {
      return;
    }
    ended = true;
    countLocally(false);
    for (int group : channels.groups()) {
      host.vertx()
          .eventBus()
          .send(dev.parley.bus.Addresses.room(group), new LeaveRequest(id, reason));
    }
    channels.forgetAll();
    registration.forgetName();
  }

  private void onClosed() {
    if (monitors != null) {
      monitors.close();
      monitors = null;
    }
    leave(Replies.REASON_CONNECTION_LOST);
    state = State.CLOSED;
    outbox.discard();
    host.forget(this);
    gate.releaseThen(null);
    LOG.info("IRC connection {} closed", address);
  }

  // ---- shared state

  State state() {
    return state;
  }

  /**
   * Registration is complete: the client is a member of the server, and the node's relay counts it
   * among the sessions here, so that a room that moves to another node keeps it (the new host
   * removes the members a node no longer has).
   */
  void registered() {
    state = State.REGISTERED;
    countLocally(true);
  }

  /** Tells the node's relay that this session is, or is no longer, a member on this node. */
  private void countLocally(boolean member) {
    if (member != counted) {
      counted = member;
      LocalMember.tell(host.vertx().eventBus(), id, member);
    }
  }

  String nick() {
    return registration.nick();
  }

  String account() {
    return registration.account();
  }

  /** The server operator's account whose rights the client has through OPER, or {@code null}. */
  String operatorAccount() {
    return operatorAccount;
  }

  void operatorAccount(String account) {
    operatorAccount = account;
  }

  /** The account the client's moderation requests act as: OPER's, else its own (empty: none). */
  String actingAccount() {
    return operatorAccount != null ? operatorAccount : account();
  }

  String address() {
    return address;
  }

  String server() {
    return host.settings().server().name();
  }

  boolean timeTags() {
    return registration.has("server-time");
  }

  boolean has(String capability) {
    return registration.has(capability);
  }

  IrcRegistration registration() {
    return registration;
  }

  IrcChannels channels() {
    return channels;
  }

  /** The rooms the client was invited to since it connected, the newest last. */
  List<String> invitations() {
    return invitations == null ? List.of() : invitations;
  }

  /** The client's MONITOR list, made on first use. */
  IrcMonitorList monitors() {
    if (monitors == null) {
      monitors = new IrcMonitorList(this);
    }
    return monitors;
  }

  IrcAway away() {
    return away;
  }

  IrcChat chat() {
    return chat;
  }

  IrcModeration moderation() {
    return moderation;
  }

  /** The listener that accepted this client. */
  SessionHost host() {
    return host;
  }

  /** The server's accounts. */
  dev.parley.accounts.Accounts accounts() {
    return host.accounts();
  }

  /** The node's name registry, once registration opened it. */
  NameRegistry names() {
    return registration.names();
  }
}
