package dev.parley.room;

import java.util.List;

/**
 * The last lines of a member's room, as {@code /history} asks for them.
 *
 * @param lines the room's last lines, oldest first
 */
public record RecentLines(List<HistoryLine> lines) {
  /** Copies the list. */
  public RecentLines {
    lines = List.copyOf(lines);
  }
}
