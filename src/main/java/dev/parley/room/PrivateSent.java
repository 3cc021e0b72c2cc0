package dev.parley.room;

/**
 * A private message was delivered to its recipient's session.
 *
 * @param from the sender's name
 * @param target the recipient's name as it is in the room
 */
public record PrivateSent(String from, String target) {}
