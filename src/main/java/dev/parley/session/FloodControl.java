package dev.parley.session;

import dev.parley.time.TimeSource;
import java.util.concurrent.TimeUnit;

/**
 * Flood control for one connection: a token bucket holding {@code burst} tokens, full at the start,
 * refilled at {@code linesPerSecond}; each line takes a token. Also limits the warning to one per
 * second. Confined to the connection's event loop.
 */
public final class FloodControl {
  private static final long ONE_SECOND = TimeUnit.SECONDS.toNanos(1);

  private final int linesPerSecond;
  private final int burst;
  private final TimeSource time;
  private double tokens;
  private long refilledAt;
  private long warnedAt;
  private boolean warned;

  public FloodControl(int linesPerSecond, int burst, TimeSource time) {
    this.linesPerSecond = linesPerSecond;
    this.burst = burst;
    this.time = time;
    this.tokens = burst;
    this.refilledAt = time.nanoTime();
  }

  /** Takes a token; false means the line must be dropped. Always true when unlimited. */
  public boolean allow() {
    if (linesPerSecond == 0) {
      return true;
    }
    long now = time.nanoTime();
    tokens = Math.min(burst, tokens + (now - refilledAt) * (double) linesPerSecond / ONE_SECOND);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }

  /** Whether a dropped line should be answered: true at most once per second. */
  public boolean warnNow() {
    long now = time.nanoTime();
    if (warned && now - warnedAt < ONE_SECOND) {
      return false;
    }
    warned = true;
    warnedAt = now;
    return true;
  }
}
