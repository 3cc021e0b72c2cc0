package dev.parley.transport;

import dev.parley.session.Follower;
import dev.parley.time.TimeSource;
import io.vertx.core.Vertx;

/**
 * The listener's periodic sweep, every {@code idle.sweepSeconds}: each open session checks its
 * timeouts (a name not given within {@code idle.timeoutSeconds}, an outbound queue full for longer
 * than {@code slowClient.timeoutSeconds}, chat lines the room has not acknowledged for too long)
 * against one reading of the clock. The timer runs on the listener's event loop.
 */
final class Sweeper {
  private final Vertx vertx;
  private final TimeSource time;
  private final SessionRegistry sessions;
  private long timer = -1;

  Sweeper(Vertx vertx, TimeSource time, SessionRegistry sessions) {
    this.vertx = vertx;
    this.time = time;
    this.sessions = sessions;
  }

  /** Starts sweeping every {@code intervalMillis} milliseconds. */
  void start(long intervalMillis) {
    timer = vertx.setPeriodic(intervalMillis, id -> sweep());
  }

  /** Stops sweeping. */
  void stop() {
    vertx.cancelTimer(timer);
  }

  private void sweep() {
    long now = time.nanoTime();
    for (Follower session : sessions.snapshot()) {
      session.sweep(now);
    }
  }
}
