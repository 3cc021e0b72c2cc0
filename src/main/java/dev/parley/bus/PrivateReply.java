package dev.parley.bus;

/**
 * A private message was delivered to its recipient's session.
 *
 * @param from the sender's name
 * @param target the recipient's name as it is in the room
 */
public record PrivateReply(String from, String target) {}
