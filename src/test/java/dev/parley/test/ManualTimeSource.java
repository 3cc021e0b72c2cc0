package dev.parley.test;

import dev.parley.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A time source that moves only when a test says so. Safe to read from any thread. */
public final class ManualTimeSource implements TimeSource {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

  @Override
  public long nanoTime() {
    return nanos.get();
  }

  @Override
  public long epochMillis() {
    return millis.get();
  }

  /** Moves both clocks forward. */
  public void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    millis.addAndGet(duration.toMillis());
  }
}
