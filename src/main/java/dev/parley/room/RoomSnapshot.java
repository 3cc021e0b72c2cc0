package dev.parley.room;

import dev.parley.values.MemberKind;
import java.util.List;

/**
 * The room's state as of one event: enough to continue the room on another node.
 *
 * @param run the id of the room's order, or empty before the first event
 * @param seq the sequence number of the last event applied, 0 before the first
 * @param members the members in order of arrival
 * @param history every room's kept chat lines, room by room, each room's oldest first
 */
public record RoomSnapshot(String run, long seq, List<Entry> members, List<HistoryLine> history) {
  /** Copies the lists. */
  public RoomSnapshot {
    members = List.copyOf(members);
    history = List.copyOf(history);
  }

  /** The snapshot of a room that has not started. */
  public static final RoomSnapshot EMPTY = new RoomSnapshot("", 0, List.of(), List.of());

  /**
   * One member.
   *
   * @param sessionId the session (or bus member) id
   * @param nodeId the node it lives on, empty when unknown
   * @param kind how it is connected
   * @param name its name
   * @param arrivedAt when it arrived, milliseconds since the Unix epoch
   * @param lastLineId the id of its last chat line the room ordered, 0 for none
   * @param room the name of the room it is in
   */
  public record Entry(
      String sessionId,
      String nodeId,
      MemberKind kind,
      String name,
      long arrivedAt,
      long lastLineId,
      String room) {}
}
