package dev.parley.server;

import dev.parley.ops.ParleyMetrics;
import dev.parley.protocol.LineEncoder;
import dev.parley.protocol.Replies;
import dev.parley.time.TimeSource;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * One connection's outbound side: writes lines while the socket's write queue (sized in bytes with
 * {@code setWriteQueueMaxSize}) has room, and drops and counts them while it is full, so a slow
 * reader holds at most its queue limit plus one line. When the queue drains, the client first
 * receives the count of what it missed. Confined to the connection's event loop.
 */
final class Outbox {
  private final NetSocket socket;
  private final TimeSource time;
  private final ParleyMetrics metrics;
  private boolean congested;
  private long congestedSince;
  private long dropped;
  private boolean closed;

  Outbox(NetSocket socket, TimeSource time, ParleyMetrics metrics) {
    this.socket = socket;
    this.time = time;
    this.metrics = metrics;
  }

  /** Sends a line, or counts it as dropped while the write queue is full. */
  void send(String line) {
    write(LineEncoder.encode(line));
  }

  /** Writes an encoded line, or counts it as dropped while the write queue is full. */
  void write(Buffer encoded) {
    if (closed) {
      return;
    }
    if (congested && !socket.writeQueueFull()) {
      endCongestion();
    }
    if (congested) {
      dropped++;
      metrics.droppedLine();
      return;
    }
    if (socket.writeQueueFull()) {
      congested = true;
      congestedSince = time.nanoTime();
      dropped = 1;
      metrics.droppedLine();
      socket.drainHandler(v -> endCongestion());
      return;
    }
    socket.write(encoded);
    metrics.linesOut(1);
  }

  /** Sends a last line whether or not the queue is full: it is bounded and ends the connection. */
  void sendLast(String line) {
    if (!closed) {
      socket.write(LineEncoder.encode(line));
    }
  }

  private void endCongestion() {
    if (!congested) {
      return;
    }
    congested = false;
    socket.drainHandler(null);
    long count = dropped;
    dropped = 0;
    socket.write(LineEncoder.encode(Replies.dropped(count)));
  }

  /** Nanoseconds the queue has been full, or 0 when it is not. */
  long congestedFor(long now) {
    return congested ? Math.max(1, now - congestedSince) : 0;
  }

  boolean congested() {
    return congested;
  }

  /** Stops writing: later lines are ignored. */
  void close() {
    closed = true;
  }

  /**
   * Closes the connection at once, discarding what is queued for it. A plain {@code close()} would
   * first wait for the queue to be flushed, which a client that does not read never allows.
   */
  void abort() {
    closed = true;
    ((NetSocketInternal) socket).channelHandlerContext().close();
  }
}
