package dev.parley.bus;

/**
 * A member asks for the list of rooms ({@code /rooms}). Reply: {@link RoomsReply}.
 *
 * @param sessionId the member's session
 */
public record RoomsRequest(String sessionId) {}
