package dev.parley.lines;

import dev.parley.protocol.EncodedLine;
import dev.parley.protocol.ModerationReplies;
import dev.parley.protocol.Replies;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.HistoryLine;
import dev.parley.room.Left;
import dev.parley.room.PolicyChanged;
import dev.parley.room.Renamed;
import dev.parley.room.RoomEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that turns a room event into the line members see (PROTOCOL.md section 2): {@code
 * NAME: text}, {@code * NAME has arrived}, {@code * NAME has left (REASON)}, {@code * OLD is now
 * known as NEW}. Pure and thread-safe.
 */
public final class EventLines {
  private EventLines() {}

  /**
   * The line for an event, without its line feed.
   *
   * @param event any room event
   * @return the text line
   */
  public static String line(RoomEvent event) {
    if (event instanceof Chat chat) {
      return Replies.chat(chat.name(), chat.text());
    } else if (event instanceof Arrived arrived) {
      return Replies.arrived(arrived.name());
    } else if (event instanceof Left left) {
      return Replies.left(left.name(), left.reason());
    } else if (event instanceof PolicyChanged changed) {
      return policyLine(changed);
    }
    Renamed renamed = (Renamed) event;
    return Replies.renamed(renamed.oldName(), renamed.newName());
  }

  /**
   * The line for an event, encoded once for every connection that receives it.
   *
   * @param event any room event
   * @return the UTF-8 line with its line feed, or {@code null} for an arrival or departure that is
   *     not announced (a large room, PROTOCOL.md section 9)
   */
  public static EncodedLine encoded(RoomEvent event) {
    if ((event instanceof Arrived a && !a.announced())
        || (event instanceof Left l && !l.announced())) {
      return null;
    }
    String line = line(event);
    return line == null ? null : EncodedLine.of(line);
  }

  /**
   * The line the room sees for a change of its policy (PROTOCOL.md section 13), or {@code null} for
   * a change told to nobody (a ban, an unban: the operator is answered; a first operator: it is
   * told alone, {@link #firstOperator}).
   */
  private static String policyLine(PolicyChanged changed) {
    return switch (changed.change()) {
      case TOPIC_SET -> ModerationReplies.topicSet(changed.actor(), changed.text());
      case TOPIC_CLEARED -> ModerationReplies.topicCleared(changed.actor());
      case OPPED -> ModerationReplies.opped(changed.target(), changed.room());
      case DEOPPED -> ModerationReplies.deopped(changed.target(), changed.room());
      case MUTED -> ModerationReplies.muted(changed.target(), changed.actor());
      case UNMUTED -> ModerationReplies.unmuted(changed.target());
      case FIRST_OPERATOR, BANNED, UNBANNED -> null;
    };
  }

  /**
   * The line a member that opened a room is told when it becomes its first operator.
   *
   * @return {@code * you are an operator of #ROOM}
   */
  public static String firstOperator(PolicyChanged changed) {
    return ModerationReplies.youAreOperator(changed.room());
  }

  /**
   * A replay of history (PROTOCOL.md section 10): the heading, then one line per history line.
   *
   * @param lines the lines, oldest first
   * @return {@code * history (N):} and then {@code [HH:MM] NAME: text} per line
   */
  public static List<String> history(List<HistoryLine> lines) {
    List<String> out = new ArrayList<>(lines.size() + 1);
    out.add(Replies.historyHeading(lines.size()));
    for (HistoryLine line : lines) {
      out.add(Replies.historyLine(line.time(), line.name(), line.text()));
    }
    return out;
  }
}
