package dev.parley.room;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.values.MemberKind;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which members the rooms remove unasked, chosen without Vert.x. */
class EvictionsTest {
  private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(60);

  private static Member member(String session, String node, MemberKind kind, long activeAt) {
    return new Member(session, node, kind, session, 0, activeAt);
  }

  private static List<String> sessions(List<Member> members) {
    return members.stream().map(Member::sessionId).toList();
  }

  @Test
  void onlyLineSessionsSilentForLongerThanTheTimeoutAreIdle() {
    long now = TimeUnit.SECONDS.toNanos(1000);
    List<Member> members =
        List.of(
            member("quiet", "n1", MemberKind.TCP, now - TIMEOUT - 1),
            member("justInTime", "n1", MemberKind.TCP, now - TIMEOUT),
            member("talking", "n1", MemberKind.TCP, now),
            member("service", "n1", MemberKind.BUS, 0));

    assertEquals(List.of("quiet"), sessions(Evictions.idle(members, now, TIMEOUT)));
  }

  @Test
  void membersOfNodesThatLeftAreLostAndMembersOfNoKnownNodeStay() {
    List<Member> members =
        List.of(
            member("a", "n1", MemberKind.TCP, 0),
            member("b", "n2", MemberKind.TCP, 0),
            member("bot", "n2", MemberKind.BUS, 0),
            member("service", "", MemberKind.BUS, 0));

    assertEquals(List.of("b", "bot"), sessions(Evictions.ofNodesNotIn(members, Set.of("n1"))));
  }

  @Test
  void closedSessionsOfOneNodeAreGoneButItsBusMembersAndOtherNodesStay() {
    List<Member> members =
        List.of(
            member("open", "n1", MemberKind.TCP, 0),
            member("closed", "n1", MemberKind.TCP, 0),
            member("bot", "n1", MemberKind.BUS, 0),
            member("elsewhere", "n2", MemberKind.TCP, 0));

    assertEquals(
        List.of("closed"), sessions(Evictions.sessionsOfNodeNotIn(members, "n1", Set.of("open"))));
  }
}
