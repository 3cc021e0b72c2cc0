package dev.parley.bus;

/**
 * Published on {@link Addresses#EVENTS} when a room group starts on a node (first start or
 * takeover): the sessions in its rooms resend the chat lines it has not yet ordered.
 *
 * @param group the room group (see {@link dev.parley.placement.RoomGroups})
 * @param run the id of the room's order
 * @param seq the sequence number of the last event before this start
 * @param nodeId the node that now hosts the room
 */
public record RoomReady(int group, String run, long seq, String nodeId) {}
