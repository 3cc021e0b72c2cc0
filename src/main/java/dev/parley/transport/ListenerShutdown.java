package dev.parley.transport;

import dev.parley.session.Follower;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The listener's part of the graceful shutdown (PROTOCOL.md): once the node says it is closing,
 * every open session, and every one accepted later, receives the shutdown notice; when the listener
 * stops, its servers shut down with {@code shutdown.drainSeconds} plus half a second for the
 * sessions to flush and close. Confined to the listener's event loop.
 */
final class ListenerShutdown {
  private final SessionRegistry sessions;
  private final long drainMillis;
  private boolean closing;

  /**
   * @param sessions the listener's sessions
   * @param drainMillis how long a closing connection may take to flush, in milliseconds
   */
  ListenerShutdown(SessionRegistry sessions, long drainMillis) {
    this.sessions = sessions;
    this.drainMillis = drainMillis;
  }

  /** The node is closing: every open session receives the notice. */
  void begin() {
    closing = true;
    for (Follower session : sessions.snapshot()) {
      session.beginShutdown();
    }
  }

  /** A session just started: it receives the notice too if the node is closing. */
  void started(Follower session) {
    if (closing) {
      session.beginShutdown();
    }
  }

  /**
   * Shuts the listeners down gracefully.
   *
   * @param chat the chat port's listener
   * @param web the web port's listener, or {@code null}
   * @return completed when both have shut down
   */
  Future<?> stop(ChatListener chat, WebListener web) {
    Duration drain = Duration.ofMillis(drainMillis + 500);
    return Future.join(
        chat.shutdown(drain), web == null ? Future.succeededFuture() : web.shutdown(drain));
  }
}
