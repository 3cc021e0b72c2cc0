package dev.parley.bench;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Blocks the controller thread on a Vert.x future. Must not be called on an event loop. Failures
 * come out as {@link BenchFailure} with one readable line.
 */
final class Await {
  private Await() {}

  /**
   * The future's result.
   *
   * @param seconds how long to wait at most
   * @param what what is being waited for, for the message (such as "starting the senders")
   * @throws BenchFailure if the future fails or does not complete in time
   */
  static <T> T result(Future<T> future, long seconds, String what) {
    try {
      return future.await(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new BenchFailure(what + " took more than " + seconds + " s");
    } catch (BenchFailure e) {
      throw e;
    } catch (Exception e) {
      throw new BenchFailure(what + " failed: " + (e.getMessage() == null ? e : e.getMessage()));
    }
  }

  /**
   * Waits for {@code future} at most {@code millis}.
   *
   * @return true if it succeeded, false if it is still running
   * @throws BenchFailure if it failed
   */
  static boolean done(Future<?> future, long millis, String what) {
    try {
      future.await(millis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (BenchFailure e) {
      throw e;
    } catch (Exception e) {
      throw new BenchFailure(what + " failed: " + (e.getMessage() == null ? e : e.getMessage()));
    }
  }

  /**
   * Sleeps until {@link System#nanoTime()} reaches {@code deadlineNanos}.
   *
   * @throws BenchFailure if the thread is interrupted
   */
  static void until(long deadlineNanos) {
    long left = deadlineNanos - System.nanoTime();
    if (left <= 0) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(left);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted");
    }
  }
}
