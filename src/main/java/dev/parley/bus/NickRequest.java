package dev.parley.bus;

/**
 * Asks the room to rename a member. Reply: {@link NickReply}, or a failure with a {@link
 * dev.parley.values.ErrorCode} code.
 *
 * @param sessionId the member's session
 * @param name the new name
 */
public record NickRequest(String sessionId, String name) {}
