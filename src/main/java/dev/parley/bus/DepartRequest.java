package dev.parley.bus;

/**
 * Asks a line session's room group to let it go to a room of another group: it leaves its room
 * ({@code joined #ROOM}) and the group forgets it, but its name stays taken. Reply: the sequence
 * number of its departure ({@code Long}), or a failure with a {@link dev.parley.values.ErrorCode}
 * code.
 *
 * @param sessionId the session's id
 * @param target the room it entered, as that room is spelled
 */
public record DepartRequest(String sessionId, String target) {}
