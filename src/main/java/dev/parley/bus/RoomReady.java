package dev.parley.bus;

/**
 * Published on {@link Addresses#EVENTS} when a room starts on a node (first start or takeover):
 * sessions resend the chat lines the room has not yet ordered.
 *
 * @param run the id of the room's order
 * @param seq the sequence number of the last event before this start
 * @param nodeId the node that now hosts the room
 */
public record RoomReady(String run, long seq, String nodeId) {}
