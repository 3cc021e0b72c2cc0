package dev.parley.session;

import dev.parley.config.ParleyConfig;
import dev.parley.ops.ParleyMetrics;
import dev.parley.time.TimeSource;
import io.vertx.core.Vertx;

/** What a {@link Session} needs from the server verticle that accepted its connection. */
public interface SessionHost {
  Vertx vertx();

  ParleyConfig settings();

  TimeSource time();

  /** The node's meters. */
  ParleyMetrics metrics();

  /** Flushes outboxes at the end of the event loop's turn. */
  Outbox.Flusher flusher();

  /** The id of this node, unique in the cluster. */
  String nodeId();

  /** The session's connection has closed. */
  void forget(Session session);

  /** Whether the session's connection is still open. */
  boolean isOpen(Session session);
}
