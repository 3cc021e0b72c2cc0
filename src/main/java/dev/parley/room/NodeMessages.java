package dev.parley.room;

import java.util.List;

/** The requests and replies between a room host and the {@link RoomRelay}s of the nodes. */
final class NodeMessages {
  private NodeMessages() {}

  /** Asks the room for its current state. Reply: {@link RoomSnapshot}. */
  record SnapshotRequest(String nodeId) {}

  /** Asks a relay for what its node knows. Reply: {@link NodeReport}. */
  record ReportRequest(String hostNodeId) {}

  /**
   * What a node knows when the room moves.
   *
   * @param nodeId the node
   * @param mirror the node's copy of the room's state
   * @param state whether that copy is whole, partial (not to be continued) or empty
   * @param liveSessions the sessions of this node that are members now
   */
  record NodeReport(
      String nodeId, RoomSnapshot mirror, RoomMirror.State state, List<String> liveSessions) {
    NodeReport {
      liveSessions = List.copyOf(liveSessions);
    }
  }

  /** Asks a relay for the events it has with {@code after < seq <= upTo}. */
  record EventsRequest(long after, long upTo) {}

  /** Events, in order. */
  record EventsReply(List<RoomEvent> events) {
    EventsReply {
      events = List.copyOf(events);
    }
  }

  /** Asks a relay to answer once it has applied the event {@code seq}. Reply: {@link Flushed}. */
  record FlushRequest(long seq) {}

  /** The relay's last applied sequence number. */
  record Flushed(long seq) {}
}
