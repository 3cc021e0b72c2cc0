package dev.parley.session;

import dev.parley.bus.RelayedEvent;

/**
 * What a listener knows of one open connection's session, whatever protocol it speaks (the line
 * protocol's {@link Session}, or an IRC session): it is handed the node's relayed room events and
 * the direct messages addressed to it, swept periodically and shut down with the listener. Every
 * method is called on the connection's event loop and MUST NOT block.
 */
public interface Follower {
  /**
   * The session's id, unique in the cluster: the member id its rooms know it by.
   *
   * @return the id
   */
  String id();

  /**
   * A room event the node relayed, of a room the session follows (or of any room while it follows
   * all of them).
   *
   * @param relayed the event and its line
   */
  void onEvent(RelayedEvent relayed);

  /**
   * What a room sent this session alone: a private line, an eviction, a refused line, a kick or a
   * takeover of its name.
   *
   * @param body the message
   */
  void onDirect(Object body);

  /**
   * The listener's periodic sweep, every {@code idle.sweepSeconds}.
   *
   * @param now the node's time, in nanoseconds of its {@code TimeSource}
   */
  void sweep(long now);

  /** The node is shutting down: the client is told so and its output drained. */
  void beginShutdown();
}
