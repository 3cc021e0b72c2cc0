package dev.parley.room;

/**
 * A chat line, in the room's order.
 *
 * @param seq the event's sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param room the room it was said in
 * @param name the sender's name
 * @param text the text as sent, after cleaning and trimming
 * @param sessionId the sender's session
 * @param lineId the sender's number for the line
 * @param notice whether an IRC client sent it as a NOTICE: IRC clients receive it as one (bots do
 *     not answer a NOTICE); other members see a chat line like any other
 */
public record Chat(
    long seq,
    long time,
    String room,
    String name,
    String text,
    String sessionId,
    long lineId,
    boolean notice)
    implements RoomEvent {

  /** A chat line that is not a NOTICE. */
  public Chat(
      long seq, long time, String room, String name, String text, String sessionId, long lineId) {
    this(seq, time, room, name, text, sessionId, lineId, false);
  }
}
