package dev.parley.values;

/** How a member is connected: in {@code who} replies and arrival events as "tcp" or "bus". */
public enum MemberKind {
  /** A TCP connection speaking the line protocol. */
  TCP,
  /** A service on the event bus. */
  BUS;

  /**
   * The name used in JSON.
   *
   * @return {@code "tcp"} or {@code "bus"}
   */
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Reads the JSON name.
   *
   * @param json {@code "tcp"} or {@code "bus"}
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
