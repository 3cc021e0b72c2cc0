package dev.parley.bus;

/**
 * The room renamed a member.
 *
 * @param name the new name, in NFC
 */
public record NickReply(String name) {}
