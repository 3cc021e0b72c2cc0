package dev.parley.values;

/**
 * How a member is connected: in {@code who} replies and arrival events as "tcp", "bus" or "irc".
 */
public enum MemberKind {
  /** A TCP connection speaking the line protocol. */
  TCP,
  /** A service on the event bus. */
  BUS,
  /** An IRC client on the IRC port (PROTOCOL.md section 14). */
  IRC;

  /**
   * Whether a member of this kind may be in many rooms at once (a bus member, an IRC client) rather
   * than in exactly one (a line session).
   *
   * @return true for {@link #BUS} and {@link #IRC}
   */
  public boolean multiRoom() {
    return this != TCP;
  }

  /**
   * Whether a member of this kind is a client's connection on some node (a line session, an IRC
   * client), which the node's relay reaches, rather than a service on the event bus.
   *
   * @return true for {@link #TCP} and {@link #IRC}
   */
  public boolean connection() {
    return this != BUS;
  }

  /**
   * The name used in JSON.
   *
   * @return {@code "tcp"}, {@code "bus"} or {@code "irc"}
   */
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Reads the JSON name.
   *
   * @param json {@code "tcp"}, {@code "bus"} or {@code "irc"}
   * @return the kind, or {@code null} for another value
   */
  public static MemberKind fromJson(String json) {
    for (MemberKind kind : values()) {
      if (kind.json().equals(json)) {
        return kind;
      }
    }
    return null;
  }
}
