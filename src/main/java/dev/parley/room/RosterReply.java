package dev.parley.room;

import java.util.List;

/**
 * The roster.
 *
 * @param members everyone in the room, in order of arrival
 */
public record RosterReply(List<Entry> members) {
  /** Copies the list. */
  public RosterReply {
    members = List.copyOf(members);
  }

  /**
   * One member.
   *
   * @param name the member's name
   * @param arrivedAt when the member arrived, in milliseconds since the Unix epoch
   * @param idleSeconds whole seconds since the member's last line
   * @param kind how the member is connected
   */
  public record Entry(String name, long arrivedAt, long idleSeconds, MemberKind kind) {}
}
