package dev.parley.bus;

/**
 * The room removed a member (idle, kicked) and has announced its departure; the session sends the
 * notice and closes the connection. Sent to the member's node and from there to its session.
 *
 * @param sessionId the member's session
 * @param notice the last line the member receives
 * @param reason the departure reason the others saw ({@code idle}, {@code kicked: WHY})
 */
public record Evicted(String sessionId, String notice, String reason) {}
