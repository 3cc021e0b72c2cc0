package dev.parley.bench;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.nio.charset.StandardCharsets;

/**
 * One connection of the tool: connects, joins the room by name (retrying with a suffix when the
 * name is taken, at most {@link #MAX_NAME_ATTEMPTS} times), then hands every further line to its
 * subclass. Lines are split without allocation by a {@link LineSplitter}; only the few lines of the
 * join are turned into strings.
 *
 * <p>Not thread-safe: created on the controller thread, then used only on the context of its {@link
 * Shard}, where it connects and where all its socket events arrive.
 */
abstract class Member implements Handler<Object>, LineSink {
  /** How often a member asks for a name before it gives up: the base name and four suffixes. */
  static final int MAX_NAME_ATTEMPTS = 5;

  private static final byte[] WELCOME = ascii("* welcome to ");
  private static final byte[] ASK_NAME = ascii("* what is your name?");
  private static final byte[] YOU_ARE = ascii("* you are ");
  private static final byte[] ONLINE = ascii("* online (");
  private static final byte[] NOW_IN = ascii("* now in ");

  /** The shard whose event loop owns this connection. */
  final Shard shard;

  /** The shard's counters, for the fast path. */
  final ShardStats stats;

  private final String baseName;
  private final LineSplitter splitter = new LineSplitter();
  private final ReadScratch scratch;
  private NetSocket socket;
  private Promise<Void> joining;
  private String name;
  private String refusal;
  private String lastJoinLine;
  private int attempts;
  private boolean greeted;
  private boolean joined;
  private boolean closed;
  private String room;
  private boolean moving;
  private boolean roomAsked;

  /**
   * @param shard the shard that will own the connection
   * @param baseName the name to ask for, such as {@code r0}
   */
  Member(Shard shard, String baseName) {
    this.shard = shard;
    this.stats = shard.stats();
    this.scratch = shard.scratch();
    this.baseName = baseName;
    this.name = baseName;
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The name the server gave this member; the base name until it has joined. */
  final String name() {
    return name;
  }

  final boolean joined() {
    return joined;
  }

  final boolean closed() {
    return closed;
  }

  final NetSocket socket() {
    return socket;
  }

  /**
   * Makes the member move to {@code room} once named: it counts as joined when the room's roster
   * has arrived. Call before {@link #connect}.
   *
   * @param room a room name such as {@code #b0}
   */
  final void moveTo(String room) {
    this.room = room;
  }

  /**
   * Connects and joins. Must run on the shard's context.
   *
   * @return completes when the server confirmed the name ({@code * online}), fails with a {@link
   *     BenchFailure} when the connection fails, is refused or closes first
   */
  final Future<Void> connect(NetClient client, HostPort target) {
    joining = Promise.promise();
    client
        .connect(target.port(), target.host())
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                attach(ar.result());
              } else {
                joining.tryFail(
                    new BenchFailure("cannot connect to " + target + ": " + describe(ar.cause())));
              }
            });
    return joining.future();
  }

  private static String describe(Throwable cause) {
    return cause.getMessage() == null ? cause.toString() : cause.getMessage();
  }

  private void attach(NetSocket connected) {
    socket = connected;
    stats.open++;
    ((NetSocketInternal) connected).messageHandler(this);
    connected.exceptionHandler(e -> refusal = refusal == null ? describe(e) : refusal);
    connected.closeHandler(v -> onSocketClosed());
  }

  private void onSocketClosed() {
    closed = true;
    stats.open--;
    if (!joined) {
      joining.tryFail(
          new BenchFailure(
              refusal == null
                  ? "the server closed connection " + baseName + " before it joined"
                  : "the server refused " + baseName + ": " + refusal));
    } else {
      onClosed();
    }
  }

  /** Called once when the server closes the connection after the join. */
  void onClosed() {
    stats.disconnects++;
    stats.problem(
        name + ": connection closed by the server" + (refusal == null ? "" : " (" + refusal + ")"));
  }

  /** A message from the socket's pipeline: a Netty buffer, which this member must release. */
  @Override
  public final void handle(Object message) {
    if (message instanceof ByteBuf data) {
      try {
        received(data);
      } finally {
        data.release();
      }
    } else {
      ReferenceCountUtil.release(message);
    }
  }

  /**
   * One read's bytes; splits them into lines. Subclasses may add work before or after. The buffer
   * is released after the call.
   */
  void received(ByteBuf data) {
    splitter.feed(scratch.heapView(data), this);
  }

  @Override
  public final void onLine(byte[] bytes, int from, int to) {
    if (joined) {
      onRoomLine(bytes, from, to);
    } else {
      onJoinLine(bytes, from, to);
    }
  }

  /**
   * A line received after the join. Same contract as {@link LineSink#onLine}; runs on the shard's
   * context and must not allocate.
   */
  abstract void onRoomLine(byte[] bytes, int from, int to);

  /** Called once, right after the server confirmed the name, before any room line. */
  void onJoined() {}

  private void onJoinLine(byte[] bytes, int from, int to) {
    lastJoinLine = new String(bytes, from, Math.min(to - from, 80), StandardCharsets.UTF_8);
    if (bytes[from] == '!') {
      refusal = new String(bytes, from, to - from, StandardCharsets.UTF_8);
      if (!greeted) {
        socket.close();
      }
    } else if (!greeted && Ascii.startsWith(bytes, from, to, WELCOME)) {
      greeted = true;
      askFor(baseName);
    } else if (Ascii.startsWith(bytes, from, to, ASK_NAME)) {
      if (attempts >= MAX_NAME_ATTEMPTS) {
        joining.tryFail(new BenchFailure("cannot join as " + baseName + ": " + refusal));
        socket.close();
      } else {
        stats.nameRetries++;
        askFor(baseName + "_" + attempts);
      }
    } else if (Ascii.startsWith(bytes, from, to, YOU_ARE)) {
      int start = from + YOU_ARE.length;
      name = new String(bytes, start, to - start, StandardCharsets.UTF_8);
    } else if (Ascii.startsWith(bytes, from, to, NOW_IN)) {
      moving = false;
    } else if (Ascii.startsWith(bytes, from, to, ONLINE)) {
      if (room != null) {
        if (!moving && socket != null && !roomAsked) {
          roomAsked = true;
          moving = true;
          socket.write("/join " + room + "\n");
          return;
        }
        if (moving) {
          return;
        }
      }
      joined = true;
      stats.joined++;
      onJoined();
      joining.tryComplete();
    }
  }

  private void askFor(String wanted) {
    attempts++;
    socket.write(wanted + "\n");
  }

  /** For a failure message: how far the join got. */
  final String joinState() {
    if (socket == null) {
      return baseName + " connecting";
    }
    return baseName
        + (greeted ? " asked for " + attempts + " name(s)" : " not greeted")
        + ", last line: "
        + (lastJoinLine == null ? "none" : lastJoinLine);
  }

  /** Closes the connection if it is open; runs on the shard's context. */
  final void close() {
    if (socket != null && !closed) {
      socket.close();
    }
  }
}
