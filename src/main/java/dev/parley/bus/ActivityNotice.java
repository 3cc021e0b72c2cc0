package dev.parley.bus;

/**
 * A member sent a line that did not reach the room otherwise (an empty line, {@code /help}); it
 * resets the member's idle time. No reply.
 *
 * @param sessionId the member's session
 */
public record ActivityNotice(String sessionId) {}
