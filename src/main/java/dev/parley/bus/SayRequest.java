package dev.parley.bus;

import dev.parley.room.Chat;

/**
 * A chat line for the room; the room publishes it as a {@link Chat} event. No reply: the event is
 * the acknowledgement.
 *
 * @param sessionId the sender's session
 * @param lineId the sender's own number for the line, increasing per session
 * @param text the text, cleaned and trimmed, not empty
 */
public record SayRequest(String sessionId, long lineId, String text) {}
