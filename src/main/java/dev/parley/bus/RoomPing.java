package dev.parley.bus;

/**
 * Asks a room group's host whether it is open, for readiness checks and for finding the host.
 * Reply: {@link Pong}.
 */
public record RoomPing() {
  /**
   * The open group's answer.
   *
   * @param run the id of the group's order
   * @param nodeId the node that hosts the group
   */
  public record Pong(String run, String nodeId) {}
}
