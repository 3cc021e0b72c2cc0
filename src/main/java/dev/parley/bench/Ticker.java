package dev.parley.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

/**
 * Lets time pass on the controller thread while printing a progress line every second, and runs an
 * extra action (such as a memory sample) on each tick. Not thread-safe: controller thread only.
 */
final class Ticker {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final Swarm swarm;
  private final Console console;
  private final String what;
  private final ToLongFunction<StatsSnapshot> count;
  private final Runnable onTick;
  private long nextTick = System.nanoTime() + SECOND;

  /**
   * @param what the name of the running count shown, such as {@code deliveries}
   * @param count picks that count from the summed counters
   * @param onTick runs after each progress line, on the controller thread
   */
  Ticker(
      Swarm swarm,
      Console console,
      String what,
      ToLongFunction<StatsSnapshot> count,
      Runnable onTick) {
    this.swarm = swarm;
    this.console = console;
    this.what = what;
    this.count = count;
    this.onTick = onTick;
  }

  /**
   * Returns after {@code seconds}, ticking meanwhile.
   *
   * @param seconds 0 or more
   * @param phase shown in the progress lines, such as {@code warmup}
   * @return the time actually spent, in nanoseconds
   */
  long runFor(double seconds, String phase) {
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    while (true) {
      long now = System.nanoTime();
      if (now >= end) {
        return now - start;
      }
      Await.until(Math.min(end, nextTick));
      if (System.nanoTime() >= nextTick) {
        nextTick += SECOND;
        StatsSnapshot totals = swarm.snapshot();
        console.progress(phase, what, count.applyAsLong(totals), totals);
        onTick.run();
      }
    }
  }
}
