package dev.parley.session;

import dev.parley.config.ParleyConfig;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.placement.RoomGroups;
import dev.parley.time.TimeSource;
import io.vertx.core.Vertx;

/**
 * What a {@link Session} (or another {@link Follower}) needs from the server verticle that accepted
 * its connection.
 */
public interface SessionHost {
  Vertx vertx();

  ParleyConfig settings();

  TimeSource time();

  /** The node's accounts. */
  dev.parley.accounts.Accounts accounts();

  /** The node's meters. */
  ParleyMetrics metrics();

  /** Flushes outboxes at the end of the event loop's turn. */
  Outbox.Flusher flusher();

  /** The id of this node, unique in the cluster. */
  String nodeId();

  /** The cluster's room groups, for this host's context only. */
  RoomGroups roomGroups();

  /**
   * A new session id, unique in the cluster: the listener's random prefix and a count of the
   * sessions it has made. Costs no call to the system's random source per connection.
   */
  String newSessionId();

  /**
   * The session's connection has closed: it follows no room any more.
   *
   * @param session the session
   */
  void forget(Follower session);

  /**
   * The session follows a room: the room's announced events are handed to it.
   *
   * @param session the session
   * @param room the room's name as its events give it
   */
  void follow(Follower session, String room);

  /**
   * The session no longer follows a room.
   *
   * @param session the session
   * @param room the room's name
   */
  void unfollow(Follower session, String room);

  /**
   * While a session moves between rooms, it is handed the events of every room, since it does not
   * yet know how the room it asked for is spelled.
   *
   * @param session the session
   * @param on true while the move is under way
   */
  void followAll(Follower session, boolean on);

  /** Whether the session's connection is still open. */
  boolean isOpen(Follower session);
}
