package dev.parley.room;

import dev.parley.values.MemberKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which members the rooms remove without their asking: the idle, the members of nodes that left the
 * cluster, and the sessions that closed while the rooms were moving. Pure selections over the
 * roster; {@link Rooms} removes what they return. Confined with the {@link Rooms}.
 */
final class Evictions {
  private Evictions() {}

  /**
   * The line-session members silent for longer than the idle timeout (bus members are never idle).
   *
   * @param now the time now, in {@link System#nanoTime()} nanoseconds
   * @param timeoutNanos {@code idle.timeoutSeconds}, in nanoseconds
   */
  static List<Member> idle(Collection<Member> members, long now, long timeoutNanos) {
    List<Member> idle = new ArrayList<>();
    for (Member m : members) {
      if (m.kind == MemberKind.TCP && now - m.lastActiveNanos > timeoutNanos) {
        idle.add(m);
      }
    }
    return idle;
  }

  /** The members that live on a node not in {@code liveNodes}; members of no known node stay. */
  static List<Member> ofNodesNotIn(Collection<Member> members, Set<String> liveNodes) {
    List<Member> lost = new ArrayList<>();
    for (Member m : members) {
      if (!m.nodeId.isEmpty() && !liveNodes.contains(m.nodeId)) {
        lost.add(m);
      }
    }
    return lost;
  }

  /**
   * The members of {@code nodeId} connected there (line sessions, IRC clients) whose sessions are
   * not in {@code liveSessions}.
   */
  static List<Member> sessionsOfNodeNotIn(
      Collection<Member> members, String nodeId, Set<String> liveSessions) {
    List<Member> gone = new ArrayList<>();
    for (Member m : members) {
      if (m.kind.connection() && m.nodeId.equals(nodeId) && !liveSessions.contains(m.sessionId)) {
        gone.add(m);
      }
    }
    return gone;
  }
}
