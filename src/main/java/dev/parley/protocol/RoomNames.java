package dev.parley.protocol;

/**
 * The rules for room names of PROTOCOL.md section 9: {@code #} and then 1 to 32 code points that
 * follow the character rules of names ({@link NameRules}), stored in NFC. {@code ops} is read as
 * {@code #ops}. Two room names collide exactly when the names after the {@code #} would ({@link
 * NameKey}). Pure and thread-safe.
 */
public final class RoomNames {
  /** The first character of every room name. */
  public static final String PREFIX = "#";

  private RoomNames() {}

  /**
   * Checks a requested room name.
   *
   * @param requested what a member typed after {@code /join}, trimmed; may lack the {@code #}
   * @return the room name in NFC with its {@code #}, or the reason it is refused (without {@code !
   *     })
   */
  public static NameRules.Verdict check(String requested) {
    String bare = requested.startsWith(PREFIX) ? requested.substring(PREFIX.length()) : requested;
    if (bare.isEmpty()) {
      return new NameRules.Verdict(null, Replies.badRoomNameText(requested, "it has no name"));
    }
    NameRules.Verdict verdict = NameRules.check(bare);
    if (!verdict.valid()) {
      return new NameRules.Verdict(null, Replies.badRoomNameText(requested, verdict.error()));
    }
    return new NameRules.Verdict(PREFIX + verdict.name(), null);
  }

  /**
   * The collision keys of a valid room name.
   *
   * @param room a name accepted by {@link #check}
   * @return the keys of the name after its {@code #}
   */
  public static NameKey key(String room) {
    return NameKey.of(room.substring(PREFIX.length()));
  }
}
