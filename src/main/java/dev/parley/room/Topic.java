package dev.parley.room;

import java.util.Objects;

/**
 * A room's topic (PROTOCOL.md section 13), as an operator set it. Immutable and thread-safe.
 *
 * @param text the topic, at most 300 bytes of UTF-8 (the command checks that, not this record)
 * @param by the name of the account that set it
 * @param atMillis when it was set, milliseconds since the Unix epoch
 */
public record Topic(String text, String by, long atMillis) {
  /** Checks that nothing is null. */
  public Topic {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(by, "by");
  }
}
