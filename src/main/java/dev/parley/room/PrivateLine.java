package dev.parley.room;

/**
 * A private message, sent to its recipient's session address.
 *
 * @param from the sender's name
 * @param text the text
 */
public record PrivateLine(String from, String text) {}
