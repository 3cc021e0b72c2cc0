package dev.parley.room;

/**
 * A member left.
 *
 * @param seq the event's sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param room the room it left
 * @param name the member's name
 * @param reason the departure reason, or empty for none
 * @param sessionId the member's session
 * @param announced whether the room's members are told ({@code * NAME has left}); false in a large
 *     room (PROTOCOL.md section 9)
 * @param parted whether the member left this room only and stays connected (a bus member's or an
 *     IRC client's leave of one room: an IRC PART); false when it left the server or moved
 */
public record Left(
    long seq,
    long time,
    String room,
    String name,
    String reason,
    String sessionId,
    boolean announced,
    boolean parted)
    implements RoomEvent {}
