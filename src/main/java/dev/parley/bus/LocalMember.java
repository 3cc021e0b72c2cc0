package dev.parley.bus;

/**
 * A session of this node joined the room ({@code present}) or left it; sent node-locally to the
 * {@code node.RoomRelay} on {@link Addresses#LOCAL_MEMBERS}, which reports the node's live members
 * when the room moves.
 *
 * @param sessionId the session
 * @param present true when it joined, false when it left
 */
public record LocalMember(String sessionId, boolean present) {}
