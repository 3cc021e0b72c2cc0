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
 * @param policies the policies of the rooms that have one (PROTOCOL.md section 13)
 */
public record RoomSnapshot(
    String run,
    long seq,
    List<Entry> members,
    List<HistoryLine> history,
    List<RoomPolicy> policies) {
  /** Copies the lists. */
  public RoomSnapshot {
    members = List.copyOf(members);
    history = List.copyOf(history);
    policies = List.copyOf(policies);
  }

  /** A snapshot of rooms without policies. */
  public RoomSnapshot(String run, long seq, List<Entry> members, List<HistoryLine> history) {
    this(run, seq, members, history, List.of());
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
   * @param account the account it is logged in to, empty for a guest
   * @param address its client's address, empty when unknown
   */
  public record Entry(
      String sessionId,
      String nodeId,
      MemberKind kind,
      String name,
      long arrivedAt,
      long lastLineId,
      String room,
      String account,
      String address) {
    /** A guest from an unknown address. */
    public Entry(
        String sessionId,
        String nodeId,
        MemberKind kind,
        String name,
        long arrivedAt,
        long lastLineId,
        String room) {
      this(sessionId, nodeId, kind, name, arrivedAt, lastLineId, room, "", "");
    }
  }
}
