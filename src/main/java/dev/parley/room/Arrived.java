package dev.parley.room;

import dev.parley.values.MemberKind;

/**
 * A member arrived.
 *
 * @param seq the event's sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param room the room it arrived in
 * @param name the newcomer's name
 * @param sessionId the newcomer's session (or bus member id)
 * @param nodeId the cluster node the member lives on, empty when unknown
 * @param kind how the member is connected
 * @param announced whether the room's members are told ({@code * NAME has arrived}); false in a
 *     large room (PROTOCOL.md section 9)
 * @param account the account the newcomer is logged in to, empty for a guest
 * @param address the newcomer's client's address, empty when unknown (never in public events)
 */
public record Arrived(
    long seq,
    long time,
    String room,
    String name,
    String sessionId,
    String nodeId,
    MemberKind kind,
    boolean announced,
    String account,
    String address)
    implements RoomEvent {
  /** A guest's arrival from an unknown address. */
  public Arrived(
      long seq,
      long time,
      String room,
      String name,
      String sessionId,
      String nodeId,
      MemberKind kind,
      boolean announced) {
    this(seq, time, room, name, sessionId, nodeId, kind, announced, "", "");
  }
}
