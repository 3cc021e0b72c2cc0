package dev.parley.bus;

/**
 * A chat line of a member that may be in many rooms (an IRC client), for one of its rooms, sent to
 * the room group's own address so that a group that moves answers it as it does a join. Replied to
 * with the {@code message} event's sequence number, or {@code -1} for a line whose number the room
 * has ordered already (a resend); refused with the room's error code and text (403 not in the room,
 * 423 muted, ...).
 *
 * @param sessionId the sender's session
 * @param room the room's canonical name
 * @param lineId the sender's number for the line, growing with each of its lines; a resend has the
 *     same number
 * @param text the text, cleaned and trimmed, not empty
 * @param notice whether the client sent it as a NOTICE
 */
public record RoomSayRequest(
    String sessionId, String room, long lineId, String text, boolean notice) {}
