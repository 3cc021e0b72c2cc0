package dev.parley.room;

/**
 * A chat line kept in a room's history (PROTOCOL.md section 10), as the room ordered it.
 *
 * @param room the room it was said in, with the spelling the room had then
 * @param run the id of the order that ordered it (rooms that start afresh start a new one)
 * @param seq its sequence number in that order
 * @param time when the room ordered it, milliseconds since the Unix epoch
 * @param name the sender's name then
 * @param text the text as delivered
 */
public record HistoryLine(String room, String run, long seq, long time, String name, String text) {
  /** Shares one copy of the run's id among the lines of a run, however they were decoded. */
  public HistoryLine {
    run = run.intern();
  }

  /**
   * The history line of a chat event.
   *
   * @param run the id of the order the event is in
   * @param chat a chat line the room ordered
   * @return the line as kept
   */
  public static HistoryLine of(String run, Chat chat) {
    return new HistoryLine(chat.room(), run, chat.seq(), chat.time(), chat.name(), chat.text());
  }
}
