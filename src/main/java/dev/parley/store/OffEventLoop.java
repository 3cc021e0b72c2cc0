package dev.parley.store;

import io.vertx.core.Context;

/**
 * The store's guard that blocking work never runs on an event loop: every SQL call passes it on the
 * thread that does the work. Pure and thread-safe.
 */
final class OffEventLoop {
  private OffEventLoop() {}

  /**
   * Refuses to go on on an event-loop thread.
   *
   * @param what the work about to be done, for the message
   * @throws IllegalStateException on an event-loop thread
   */
  static void check(String what) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException(
          "blocking store work (" + what + ") on the event loop " + Thread.currentThread());
    }
  }
}
