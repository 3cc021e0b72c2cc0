package dev.parley.room;

import dev.parley.api.MemberKind;
import dev.parley.protocol.NameKey;

/** One member of the room, as the room sees it. Confined to the {@link RoomVerticle}. */
final class Member {
  final String sessionId;
  final String nodeId;
  final MemberKind kind;
  final long arrivedAt;
  String name;
  NameKey key;
  long lastActiveNanos;
  long lastLineId;

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
}
