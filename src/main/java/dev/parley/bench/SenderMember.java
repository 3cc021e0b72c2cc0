package dev.parley.bench;

import io.netty.buffer.ByteBuf;

/**
 * A sender {@code sK}: writes numbered, time-stamped chat lines, either at a fixed rate driven by
 * its shard's 10 ms timer (with fractional accumulation, so 1.5 lines/s sends 3 lines every 2 s) or
 * as fast as the room takes them while at most {@code window} of its lines are unacknowledged, its
 * own echo being the acknowledgement. It reads every line the room sends (it must, or it would
 * become a slow reader) but counts only its own echoes and {@code ! } lines.
 *
 * <p>Not thread-safe: used only on its shard's context.
 */
final class SenderMember extends Member {
  private final int index;
  private final double ratePerSecond;
  private final int window;
  private final LineWriter writer;
  private byte[] echoPrefix;
  private boolean sending;
  private long sent;
  private long acknowledged;
  private double credit;
  private long lastTick;

  /**
   * @param index the sender's number K, 0 or more
   * @param ratePerSecond lines per second, or 0 for window mode
   * @param window with rate 0: the most unacknowledged lines, 1 or more
   * @param lineBytes approximate text length of each line, see {@link LineWriter}
   */
  SenderMember(Shard shard, int index, double ratePerSecond, int window, int lineBytes) {
    super(shard, "s" + index);
    this.index = index;
    this.ratePerSecond = ratePerSecond;
    this.window = window;
    this.writer = new LineWriter(lineBytes);
  }

  int index() {
    return index;
  }

  boolean fixedRate() {
    return ratePerSecond > 0;
  }

  /** Lines written so far; the next line's number. */
  long sent() {
    return sent;
  }

  @Override
  void onJoined() {
    echoPrefix = ascii(name() + ": ");
  }

  /**
   * Starts sending: the first window at once, or from the next timer tick. At a fixed rate the
   * sender begins {@code phase} of a line ahead, so that senders given phases spread over [0, 1)
   * send at evenly spread instants instead of all at once (as independent users would; the Go
   * generator of ../shared/bench shifts its senders the same way).
   *
   * @param phase 0 (inclusive) to 1 (exclusive): the credit of lines the sender starts with
   */
  void start(long nowNanos, double phase) {
    sending = true;
    lastTick = nowNanos;
    credit = phase;
    if (!fixedRate()) {
      fill();
    }
  }

  /** Stops sending; lines already written stay in flight. */
  void stop() {
    sending = false;
  }

  /**
   * Fixed-rate mode: writes the lines due since the previous tick, at most one second's worth.
   * While the socket's write queue is full (the server does not take the lines) nothing is written
   * and the time is not made up later.
   *
   * @param nowNanos {@link System#nanoTime()} of this tick
   */
  void tick(long nowNanos) {
    if (!sending || closed()) {
      return;
    }
    if (socket().writeQueueFull()) {
      lastTick = nowNanos;
      return;
    }
    double cap = Math.max(1, ratePerSecond);
    credit = Math.min(cap, credit + ratePerSecond * (nowNanos - lastTick) / 1e9);
    lastTick = nowNanos;
    int due = (int) credit;
    if (due > 0) {
      credit -= due;
      write(due);
    }
  }

  @Override
  void received(ByteBuf data) {
    super.received(data);
    if (sending && !fixedRate()) {
      fill();
    }
  }

  @Override
  void onRoomLine(byte[] bytes, int from, int to) {
    if (bytes[from] == '!') {
      stats.error(bytes, from, to);
    } else if (Ascii.startsWith(bytes, from, to, echoPrefix)) {
      acknowledged++;
    }
  }

  private void fill() {
    long free = window - (sent - acknowledged);
    if (free > 0 && !closed()) {
      write((int) free);
    }
  }

  private void write(int count) {
    socket().write(writer.lines(sent, count, System.nanoTime()));
    sent += count;
    stats.linesSent += count;
  }
}
