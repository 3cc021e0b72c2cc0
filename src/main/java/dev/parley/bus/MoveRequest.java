package dev.parley.bus;

import dev.parley.room.Moved;

/**
 * A member asks to move to a room ({@code /join}). Reply: {@link Moved}, or a failure whose message
 * is the {@code ! } text.
 *
 * @param sessionId the member's session
 * @param room the room as typed, with or without its {@code #}
 */
public record MoveRequest(String sessionId, String room) {}
