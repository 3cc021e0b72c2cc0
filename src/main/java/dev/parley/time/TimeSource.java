package dev.parley.time;

/**
 * The one source of time for Parley's decisions: idle timeouts, slow-client timeouts, flood control
 * and event timestamps. Production uses {@link #system()}; tests pass their own so that timeouts of
 * minutes can be checked in milliseconds. Implementations must be safe to call from any thread.
 */
public interface TimeSource {

  /**
   * A monotonic clock for measuring intervals.
   *
   * @return nanoseconds since an arbitrary origin; only differences are meaningful
   */
  long nanoTime();

  /**
   * The wall clock, for timestamps that leave the process.
   *
   * @return milliseconds since the Unix epoch
   */
  long epochMillis();

  /**
   * The system clocks: {@link System#nanoTime()} and {@link System#currentTimeMillis()}.
   *
   * @return the system time source
   */
  static TimeSource system() {
    return SystemTimeSource.INSTANCE;
  }
}
