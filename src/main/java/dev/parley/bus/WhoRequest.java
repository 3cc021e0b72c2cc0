package dev.parley.bus;

/**
 * Asks for the roster. Reply: {@link RosterReply}.
 *
 * @param sessionId the asking member's session, or empty for a caller that is not a member
 */
public record WhoRequest(String sessionId) {}
