package dev.parley.room;

import dev.parley.protocol.NameKey;
import dev.parley.values.MemberKind;
import java.util.ArrayList;
import java.util.List;

/**
 * One member, as the rooms see it: a line session is in exactly one room, a bus member in any
 * number of rooms under one name. Confined to the rooms' verticle.
 */
public final class Member {
  final String sessionId;
  final String nodeId;
  final MemberKind kind;
  final long arrivedAt;
  String name;
  NameKey key;
  long lastActiveNanos;
  long lastLineId;
  // The account it is logged in to, "" for a guest; its client's address, "" when unknown.
  String account = "";
  String address = "";

  /**
   * The rooms the member is in, in order of entering: one for a line session, any for a bus member.
   */
  final List<RoomRoster> rooms = new ArrayList<>(1);

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

  /** The member's first room: a line session's only room; null when in none. */
  RoomRoster room() {
    return rooms.isEmpty() ? null : rooms.get(0);
  }

  /** The member's current name. */
  public String name() {
    return name;
  }

  /** The account the member is logged in to, empty for a guest. */
  public String account() {
    return account;
  }

  /** The member's client's address, empty when unknown (a bus member). */
  public String address() {
    return address;
  }
}
