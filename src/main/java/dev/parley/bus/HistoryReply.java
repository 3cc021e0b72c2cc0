package dev.parley.bus;

import dev.parley.room.HistoryLine;
import java.util.List;

/**
 * The answer to a {@link HistoryRequest}.
 *
 * @param lines the room's last lines, oldest first
 */
public record HistoryReply(List<HistoryLine> lines) {
  /** Copies the list. */
  public HistoryReply {
    lines = List.copyOf(lines);
  }
}
