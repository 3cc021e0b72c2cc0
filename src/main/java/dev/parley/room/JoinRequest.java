package dev.parley.room;

import dev.parley.api.MemberKind;

/**
 * Asks the room to admit a member. Reply: {@link JoinReply}, or a failure with a {@link
 * dev.parley.api.ErrorCode} code.
 *
 * @param sessionId the session's id, unique in the cluster
 * @param nodeId the id of the node the session lives on
 * @param name the name asked for, or empty for a guest name
 * @param kind how the member is connected
 */
public record JoinRequest(String sessionId, String nodeId, String name, MemberKind kind) {}
