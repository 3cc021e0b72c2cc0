package dev.parley.room;

/**
 * The room removed a member (idle, kicked) and has announced its departure; the session sends the
 * notice and closes the connection. Sent to the member's session address.
 *
 * @param notice the last line the member receives
 */
public record Evicted(String notice) {}
