package dev.parley.bus;

import dev.parley.room.RoomPolicy;
import java.util.List;

/**
 * Published on {@link Addresses#EVENTS} when a room group starts on a node (first start or
 * takeover): the sessions in its rooms resend the chat lines it has not yet ordered.
 *
 * @param group the room group (see {@link dev.parley.placement.RoomGroups})
 * @param run the id of the room's order
 * @param seq the sequence number of the last event before this start
 * @param nodeId the node that now hosts the room
 * @param policies the policies of the group's rooms as the group starts with them (PROTOCOL.md
 *     section 13), for the nodes' copies of the group
 */
public record RoomReady(int group, String run, long seq, String nodeId, List<RoomPolicy> policies) {
  /** Copies the list. */
  public RoomReady {
    policies = List.copyOf(policies);
  }

  /** A start without policies. */
  public RoomReady(int group, String run, long seq, String nodeId) {
    this(group, run, seq, nodeId, List.of());
  }
}
