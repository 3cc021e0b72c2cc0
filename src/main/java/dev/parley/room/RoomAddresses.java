package dev.parley.room;

/**
 * The event-bus addresses between sessions and the room. Sessions reach the room only through
 * these, never through a Java reference, so the room may live on another cluster node.
 */
public final class RoomAddresses {
  /** Requests to the room: {@link JoinRequest}, {@link SayRequest} and the other requests. */
  public static final String ROOM = "parley.room";

  /** Room events, published in the room's one order: {@link RoomEvent}. */
  public static final String EVENTS = "parley.room.events";

  private static final String SESSION_PREFIX = "parley.session.";

  private RoomAddresses() {}

  /**
   * The address of one session, for what is meant for it alone: {@link PrivateLine}, {@link
   * Evicted}.
   *
   * @param sessionId the session's id
   * @return {@code parley.session.<id>}
   */
  public static String session(String sessionId) {
    return SESSION_PREFIX + sessionId;
  }
}
