package dev.parley.room;

import dev.parley.api.MemberKind;

/**
 * A member arrived.
 *
 * @param seq the event's sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param name the newcomer's name
 * @param sessionId the newcomer's session (or bus member id)
 * @param nodeId the cluster node the member lives on, empty when unknown
 * @param kind how the member is connected
 */
public record Arrived(
    long seq, long time, String name, String sessionId, String nodeId, MemberKind kind)
    implements RoomEvent {}
