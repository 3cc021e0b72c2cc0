package dev.parley.bus;

import dev.parley.room.RoomList;

/**
 * A member asks for the list of rooms ({@code /rooms}). Reply: {@link RoomList}.
 *
 * @param sessionId the member's session
 */
public record RoomsRequest(String sessionId) {}
