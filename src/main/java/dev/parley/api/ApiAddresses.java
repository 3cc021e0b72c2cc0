package dev.parley.api;

/**
 * The public event-bus addresses of a Parley room. Bodies are {@code JsonObject}s; the fields of
 * each are documented in {@code docs/event-bus.md}. Requests are answered with a JSON reply, or
 * with a failure whose {@code failureCode()} is an {@link ErrorCode} and whose message says what
 * was wrong. Every address is registered cluster-wide by the node that hosts the room.
 */
public final class ApiAddresses {
  /** Room events, published in the room's one order: arrived, left, message, renamed. */
  public static final String EVENTS = "parley.api.events";

  /** Request: a service joins the room as a bus member. */
  public static final String JOIN = "parley.api.join";

  /** Request: a bus member says a chat line. */
  public static final String SAY = "parley.api.say";

  /** Request: a bus member sends a private message. */
  public static final String MSG = "parley.api.msg";

  /** Request: a bus member leaves. */
  public static final String LEAVE = "parley.api.leave";

  /** Request: the roster. */
  public static final String WHO = "parley.api.who";

  /** Request: remove a member, with a reason. */
  public static final String KICK = "parley.api.kick";

  /**
   * Request: a room's history (fields {@code room}, {@code limit}, {@code before}), answered with
   * its lines (seq, time in epoch milliseconds, name, text), oldest first.
   */
  public static final String HISTORY = "parley.api.history";

  private static final String MEMBER_PREFIX = "parley.api.member.";

  private ApiAddresses() {}

  /**
   * Where the room sends what is meant for one bus member alone: private messages and the notice
   * that it was kicked.
   *
   * @param memberId the bus member's id
   * @return {@code parley.api.member.<id>}
   */
  public static String member(String memberId) {
    return MEMBER_PREFIX + memberId;
  }
}
