package dev.parley.room;

/**
 * A member changed name.
 *
 * @param seq the event's sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param room the member's room, where the rename is announced
 * @param oldName the name before
 * @param newName the name after
 * @param sessionId the member's session
 */
public record Renamed(
    long seq, long time, String room, String oldName, String newName, String sessionId)
    implements RoomEvent {}
