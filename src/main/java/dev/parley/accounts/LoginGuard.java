package dev.parley.accounts;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The limit on wrong passwords from one address (PROTOCOL.md section 12, "failed logins"): at most
 * {@value #MAX_FAILURES} wrong passwords in {@value #WINDOW_MINUTES} minutes; after that the
 * address is told how long to wait. Times are nanoseconds of the node's clock. Counted per node.
 * Memory is bounded: an address keeps at most {@value #MAX_FAILURES} times, and addresses whose
 * times have all passed are forgotten. Confined to the accounts' verticle; not thread-safe.
 */
final class LoginGuard {
  /** Wrong passwords one address may give within the window. */
  static final int MAX_FAILURES = 10;

  /** The window, in minutes. */
  static final long WINDOW_MINUTES = 10;

  private static final long WINDOW = TimeUnit.MINUTES.toNanos(WINDOW_MINUTES);
  private final Map<String, ArrayDeque<Long>> failures = new HashMap<>();

  /**
   * How long an address must wait before it may try a password again.
   *
   * @param now the node's clock, nanoseconds
   * @return whole seconds, rounded up; 0 when it may try now
   */
  long waitSeconds(String address, long now) {
    ArrayDeque<Long> times = failures.get(address);
    if (times == null) {
      return 0;
    }
    drop(times, now);
    if (times.isEmpty()) {
      failures.remove(address);
      return 0;
    }
    if (times.size() < MAX_FAILURES) {
      return 0;
    }
    long left = times.peekFirst() + WINDOW - now;
    return Math.max(1, (left + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
  }

  /** An address gave a wrong password. */
  void failed(String address, long now) {
    ArrayDeque<Long> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>(2));
    drop(times, now);
    times.addLast(now);
    while (times.size() > MAX_FAILURES) {
      times.pollFirst();
    }
    if (failures.size() > 100_000) {
      forgetPassed(now);
    }
  }

  private static void drop(ArrayDeque<Long> times, long now) {
    while (!times.isEmpty() && now - times.peekFirst() >= WINDOW) {
      times.pollFirst();
    }
  }

  private void forgetPassed(long now) {
    for (Iterator<ArrayDeque<Long>> it = failures.values().iterator(); it.hasNext(); ) {
      ArrayDeque<Long> times = it.next();
      drop(times, now);
      if (times.isEmpty()) {
        it.remove();
      }
    }
  }
}
