package dev.parley.room;

/**
 * A member left.
 *
 * @param seq the event's sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param name the member's name
 * @param reason the departure reason, or empty for none
 * @param sessionId the member's session
 */
public record Left(long seq, long time, String name, String reason, String sessionId)
    implements RoomEvent {}
