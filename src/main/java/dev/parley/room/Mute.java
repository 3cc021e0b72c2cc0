package dev.parley.room;

import dev.parley.protocol.NameKey;
import java.util.Objects;

/**
 * A member muted in a room (PROTOCOL.md section 13): its chat lines there reach nobody. Immutable
 * and thread-safe.
 *
 * @param target the muted member's name
 * @param by the name of the operator's account (or of the service) that muted it
 * @param untilMillis when the mute ends, milliseconds since the Unix epoch, or 0 for a mute without
 *     end (until {@code /unmute})
 */
public record Mute(String target, String by, long untilMillis) {
  /** Checks that nothing is null and that {@code untilMillis} is not negative. */
  public Mute {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(by, "by");
    if (untilMillis < 0) {
      throw new IllegalArgumentException(
          "untilMillis must be 0 (no end) or a time: " + untilMillis);
    }
  }

  /**
   * Under which key a room keeps the mute of a member: the name's collision key ({@link
   * NameKey#foldedSkeleton()}, as the name registry uses). Two mutes of one room never share one.
   *
   * @param target a member's name
   * @return its key
   */
  public static String key(String target) {
    return NameKey.of(target).foldedSkeleton();
  }
}
