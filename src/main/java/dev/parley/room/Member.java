package dev.parley.room;

import dev.parley.api.MemberKind;
import dev.parley.protocol.NameKey;

/** One member of the room, as the room sees it. Confined to the room's verticle. */
public final class Member {
  final String sessionId;
  final String nodeId;
  final MemberKind kind;
  final long arrivedAt;
  String name;
  NameKey key;
  long lastActiveNanos;
  long lastLineId;
  RoomRoster room;

  Member(
      String sessionId,
      String nodeId,
      MemberKind kind,
      String name,
      long arrivedAt,
      long lastActiveNanos) {
    this.sessionId = sessionId;
    this.nodeId = nodeId;
    this.kind = kind;
    this.name = name;
    this.key = NameKey.of(name);
    this.arrivedAt = arrivedAt;
    this.lastActiveNanos = lastActiveNanos;
  }

  /** The member's session id (a bus member's id for bus members). */
  public String sessionId() {
    return sessionId;
  }

  /** The cluster node the member is connected to. */
  public String nodeId() {
    return nodeId;
  }

  /** How the member is connected. */
  public MemberKind kind() {
    return kind;
  }

  /** The member's current name. */
  public String name() {
    return name;
  }
}
