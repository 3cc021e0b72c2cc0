package dev.parley.bus;

import dev.parley.room.RoomEvent;
import dev.parley.room.RoomSnapshot;
import java.util.List;

/** The requests and replies between a room host and the {@code node.RoomRelay}s of the nodes. */
public final class NodeMessages {
  private NodeMessages() {}

  /** Asks the room for its current state. Reply: {@link RoomSnapshot}. */
  public record SnapshotRequest(String nodeId) {}

  /** Asks a relay for what its node knows of one room group. Reply: {@link NodeReport}. */
  public record ReportRequest(String hostNodeId, int group) {}

  /**
   * What a node knows when the room moves.
   *
   * @param nodeId the node
   * @param mirror the node's copy of the room group's state
   * @param state whether that copy is whole, partial (not to be continued) or empty
   * @param liveSessions the sessions of this node that are members now
   */
  public record NodeReport(
      String nodeId, RoomSnapshot mirror, CopyState state, List<String> liveSessions) {
    public NodeReport {
      liveSessions = List.copyOf(liveSessions);
    }
  }

  /** Asks a relay for the events of one room group it has with {@code after < seq <= upTo}. */
  public record EventsRequest(int group, long after, long upTo) {}

  /** Events, in order. */
  public record EventsReply(List<RoomEvent> events) {
    public EventsReply {
      events = List.copyOf(events);
    }
  }

  /**
   * Asks a relay to answer once it has applied the event {@code seq} of one room group. Reply:
   * {@link Flushed}.
   */
  public record FlushRequest(int group, long seq) {}

  /** The relay's last applied sequence number. */
  public record Flushed(long seq) {}
}
