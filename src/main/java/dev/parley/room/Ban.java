package dev.parley.room;

import dev.parley.protocol.NameKey;
import java.util.Locale;
import java.util.Objects;

/**
 * A ban from a room (PROTOCOL.md section 13), or from the server when it is the default room's.
 * Immutable and thread-safe.
 *
 * @param target what is banned: an account name, an IP address ({@code 203.0.113.7}) or a CIDR
 *     block ({@code 2001:db8::/48}), as the operator gave it
 * @param kind which of the three {@code target} is
 * @param by the name of the operator's account (or of the service) that banned it
 * @param atMillis when, milliseconds since the Unix epoch
 * @param untilMillis when it ends, milliseconds since the Unix epoch, or 0 for a ban without end
 *     (until {@code /unban})
 * @param why the reason given, empty for none
 */
public record Ban(
    String target, Kind kind, String by, long atMillis, long untilMillis, String why) {
  /** What a ban's target is. */
  public enum Kind {
    /** An account, by its name. */
    ACCOUNT("account"),
    /** One IP address, v4 or v6. */
    ADDRESS("address"),
    /** A block of addresses in CIDR notation. */
    CIDR("cidr");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    /**
     * The kind's name where it is stored.
     *
     * @return {@code account}, {@code address} or {@code cidr}
     */
    public String word() {
      return word;
    }

    /**
     * The kind of a stored name.
     *
     * @param word {@code account}, {@code address} or {@code cidr}
     * @return the kind
     * @throws IllegalArgumentException for any other word
     */
    public static Kind of(String word) {
      for (Kind kind : values()) {
        if (kind.word.equals(word)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("no ban kind " + word);
    }
  }

  /** Checks that nothing is null and that {@code untilMillis} is not negative. */
  public Ban {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(why, "why");
    if (untilMillis < 0) {
      throw new IllegalArgumentException(
          "untilMillis must be 0 (no end) or a time: " + untilMillis);
    }
  }

  /**
   * Under which key a room keeps one ban of a target: an account's name by its collision key (the
   * key of {@link dev.parley.protocol.NameKey#foldedSkeleton()}, as the name registry uses), an
   * address or block lower-cased. Two bans of one room never share a key.
   *
   * @param kind the target's kind
   * @param target the target as given
   * @return the key, prefixed with the kind's word
   */
  public static String key(Kind kind, String target) {
    return kind.word()
        + ":"
        + (kind == Kind.ACCOUNT
            ? NameKey.of(target).foldedSkeleton()
            : target.toLowerCase(Locale.ROOT));
  }

  /**
   * Whether the ban lasts until it is lifted.
   *
   * @return true when {@code untilMillis} is 0
   */
  public boolean endless() {
    return untilMillis == 0;
  }
}
