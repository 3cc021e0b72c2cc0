package dev.parley.session;

import dev.parley.metrics.ParleyMetrics;
import dev.parley.protocol.EncodedLine;
import dev.parley.protocol.Replies;
import dev.parley.time.TimeSource;
import io.vertx.core.buffer.Buffer;
import java.util.function.LongFunction;

/**
 * One connection's outbound side. Lines written during one turn of the event loop are gathered and
 * written to the connection once, when the listener flushes its outboxes at the end of the turn
 * (one system call for many lines under load). A batch is written only while the connection's write
 * queue (sized in bytes with {@code setWriteQueueMaxSize}) has room; while it is full, lines are
 * dropped and counted, so a slow reader holds at most its queue limit plus one batch (itself at
 * most half the limit). When the queue drains, the client first receives the count of what it
 * missed. Confined to the connection's event loop.
 */
public final class Outbox {
  /** Where an outbox with lines waiting asks to be flushed at the end of the current turn. */
  public interface Flusher {
    /** Flush {@code outbox} once the tasks already queued on this event loop have run. */
    void flushLater(Outbox outbox);
  }

  private final Connection connection;
  private final TimeSource time;
  private final ParleyMetrics metrics;
  private final Flusher flusher;
  private final int batchLimit;
  private final LongFunction<String> droppedNotice;
  private EncodedLine first;
  private Buffer batch;
  private int pendingLines;
  private boolean congested;
  private long congestedSince;
  private long dropped;
  private boolean closed;

  /**
   * An outbox whose client is told of dropped lines with {@link Replies#dropped}.
   *
   * @param maxQueuedBytes the connection's write-queue limit, in bytes
   */
  public Outbox(
      Connection connection,
      TimeSource time,
      ParleyMetrics metrics,
      Flusher flusher,
      int maxQueuedBytes) {
    this(connection, time, metrics, flusher, maxQueuedBytes, Replies::dropped);
  }

  /**
   * An outbox whose client is told of dropped lines in its protocol's form.
   *
   * @param maxQueuedBytes the connection's write-queue limit, in bytes
   * @param droppedNotice the line (without its line end) that tells the client how many lines it
   *     missed
   */
  public Outbox(
      Connection connection,
      TimeSource time,
      ParleyMetrics metrics,
      Flusher flusher,
      int maxQueuedBytes,
      LongFunction<String> droppedNotice) {
    this.droppedNotice = droppedNotice;
    this.connection = connection;
    this.time = time;
    this.metrics = metrics;
    this.flusher = flusher;
    this.batchLimit = Math.max(1, maxQueuedBytes / 2);
  }

  /** Sends a line, or counts it as dropped while the write queue is full. */
  public void send(String line) {
    write(EncodedLine.of(line));
  }

  /**
   * Queues an encoded line for this turn's batch, or counts it as dropped while the write queue is
   * full. The line may be shared with other outboxes; it is not modified.
   */
  public void write(EncodedLine encoded) {
    if (closed) {
      return;
    }
    if (congested && !connection.writeQueueFull()) {
      endCongestion();
    }
    if (congested) {
      dropped++;
      metrics.droppedLine();
      return;
    }
    pendingLines++;
    if (first == null && batch == null) {
      first = encoded;
      flusher.flushLater(this);
      return;
    }
    if (batch == null) {
      batch = Buffer.buffer(Math.max(256, 4 * first.bytes().length)).appendBytes(first.bytes());
      first = null;
    }
    batch.appendBytes(encoded.bytes());
    if (batch.length() >= batchLimit) {
      flush();
    }
  }

  /** Writes this turn's batch, or drops it if the write queue is full. */
  public void flush() {
    if (first == null && batch == null) {
      return;
    }
    Buffer lines = batch != null ? batch : first.buffer();
    int count = pendingLines;
    first = null;
    batch = null;
    pendingLines = 0;
    if (closed) {
      return;
    }
    if (connection.writeQueueFull()) {
      if (!congested) {
        congested = true;
        congestedSince = time.nanoTime();
        connection.drainHandler(v -> endCongestion());
      }
      dropped += count;
      metrics.droppedLines(count);
      return;
    }
    connection.write(lines);
    metrics.linesOut(count);
  }

  /**
   * Sends a last line, after what is already queued, whether or not the queue is full: it is
   * bounded and ends the connection.
   */
  public void sendLast(String line) {
    if (!closed) {
      flush();
      connection.write(EncodedLine.of(line).buffer());
    }
  }

  private void endCongestion() {
    if (!congested) {
      return;
    }
    congested = false;
    connection.drainHandler(null);
    long count = dropped;
    dropped = 0;
    connection.write(EncodedLine.of(droppedNotice.apply(count)).buffer());
  }

  /** Nanoseconds the queue has been full, or 0 when it is not. */
  public long congestedFor(long now) {
    return congested ? Math.max(1, now - congestedSince) : 0;
  }

  public boolean congested() {
    return congested;
  }

  /** Writes what is queued, then stops writing: later lines are ignored. */
  public void close() {
    flush();
    closed = true;
  }

  /**
   * Stops writing, discarding what is queued: the connection has closed and nothing reaches the
   * client any more.
   */
  public void discard() {
    closed = true;
    first = null;
    batch = null;
  }

  /**
   * Closes the connection at once, discarding what is queued for it. A plain {@code close()} would
   * first wait for the queue to be flushed, which a client that does not read never allows.
   */
  public void abort() {
    closed = true;
    first = null;
    batch = null;
    connection.abort();
  }
}
