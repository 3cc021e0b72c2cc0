package dev.parley.bus;

/**
 * A private message, sent to the recipient's node ({@link Addresses#node}) and from there to its
 * session.
 *
 * @param sessionId the recipient's session
 * @param from the sender's name
 * @param text the text
 */
public record PrivateLine(String sessionId, String from, String text) {}
