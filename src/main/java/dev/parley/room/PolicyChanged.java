package dev.parley.room;

/**
 * A room's policy changed (PROTOCOL.md section 13): its topic, an operator, a ban or a mute. The
 * event carries the room's whole policy after the change, so that every copy of the room (the
 * nodes' mirrors, a snapshot for a takeover) keeps it.
 *
 * @param seq the event's sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param room the room whose policy changed
 * @param change what changed
 * @param actor the name of the member or service that changed it
 * @param target the account, member or ban target the change is about; empty for a topic
 * @param text the topic set, or the reason of a ban; empty otherwise
 * @param untilMillis when a ban or mute ends, milliseconds since the Unix epoch, 0 for no end
 * @param sessionId the session of the member the change is told to alone ({@link
 *     Change#FIRST_OPERATOR}), or of the actor; empty for a service
 * @param policy the room's policy after the change
 */
public record PolicyChanged(
    long seq,
    long time,
    String room,
    Change change,
    String actor,
    String target,
    String text,
    long untilMillis,
    String sessionId,
    RoomPolicy policy)
    implements RoomEvent {
  /** What changed. */
  public enum Change {
    /** The topic was set to {@code text}. */
    TOPIC_SET,
    /** The topic was cleared. */
    TOPIC_CLEARED,
    /** The account {@code target} became an operator. */
    OPPED,
    /** The account {@code target}, who opened the room, became its first operator. */
    FIRST_OPERATOR,
    /** The account {@code target} is no longer an operator. */
    DEOPPED,
    /** {@code target} was banned. */
    BANNED,
    /** {@code target}'s ban was lifted. */
    UNBANNED,
    /** The member {@code target} was muted. */
    MUTED,
    /** The member {@code target} may speak again. */
    UNMUTED
  }
}
