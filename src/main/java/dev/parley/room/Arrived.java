package dev.parley.room;

/**
 * A member arrived.
 *
 * @param seq the event's sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param name the newcomer's name
 * @param sessionId the newcomer's session
 */
public record Arrived(long seq, long time, String name, String sessionId) implements RoomEvent {}
