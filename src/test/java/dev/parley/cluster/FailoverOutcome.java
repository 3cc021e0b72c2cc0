package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.protocol.Replies;
import dev.parley.test.ChatClient;
import dev.parley.test.NodeProcess;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What the surviving members saw while the room's host went at {@code endedAt} (a {@link
 * System#nanoTime()}), and the checks of {@link ClusterFailoverIT} on it.
 *
 * @param linesPerSender how many numbered lines each survivor sent
 */
record FailoverOutcome(
    NodeProcess host,
    ChatClient goneClient,
    long endedAt,
    int linesPerSender,
    List<FailoverOutcome.Observed> all) {

  /**
   * What one survivor saw: its chat lines (the "done" lines apart) with the time each arrived, its
   * {@code * } notices, the {@code ! } lines it was answered with, and when the departure of the
   * host's member was first announced.
   */
  record Observed(
      String name,
      List<String> lines,
      List<Long> arrivals,
      List<String> notices,
      List<String> refusals,
      long noticeAt) {}

  /**
   * Reads what {@code client} (the survivor {@code name}, a line or an IRC member) receives until
   * every one of {@code senders} has said "done"; counts {@code chatting} down once 200 lines have
   * arrived.
   */
  static Observed observe(
      String name, Survivor client, int senders, CountDownLatch chatting, String notice) {
    List<String> lines = new ArrayList<>();
    List<Long> arrivals = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    List<String> refusals = new ArrayList<>();
    long noticeAt = -1;
    int done = 0;
    while (done < senders) {
      String line;
      try {
        line = client.nextLine();
      } catch (AssertionError e) {
        throw new AssertionError(
            name
                + " after "
                + lines.size()
                + " lines, "
                + done
                + " of "
                + senders
                + " done, last "
                + (lines.isEmpty() ? "none" : lines.get(lines.size() - 1))
                + ", notices "
                + notices
                + ", refusals "
                + refusals,
            e);
      }
      if (line.startsWith("* ")) {
        notices.add(line);
        if (line.equals(notice) && noticeAt < 0) {
          noticeAt = System.nanoTime();
        }
      } else if (line.startsWith("! ")) {
        refusals.add(line);
      } else if (line.endsWith(": done")) {
        done++;
      } else {
        lines.add(line);
        arrivals.add(System.nanoTime());
        if (lines.size() == 200) {
          chatting.countDown();
        }
      }
    }
    assertTrue(noticeAt > 0, name + " never saw \"" + notice + "\"");
    return new Observed(name, lines, arrivals, notices, refusals, noticeAt);
  }

  long firstBack() {
    return all.stream().mapToLong(o -> millisAfterEnd(o.noticeAt())).min().orElseThrow();
  }

  long lastBack() {
    return all.stream().mapToLong(o -> millisAfterEnd(o.noticeAt())).max().orElseThrow();
  }

  /**
   * The longest time, over every survivor, between two deliveries of chat lines from the last one
   * before the host went on (the first after it counts from the signal when none came before).
   *
   * @return milliseconds
   */
  long longestGap() {
    return TimeUnit.NANOSECONDS.toMillis(gap()[0]);
  }

  /**
   * When the longest gap began, in milliseconds after the signal: at 0 it began with the signal,
   * later it followed lines delivered by the room's new host.
   */
  long longestGapStart() {
    return TimeUnit.NANOSECONDS.toMillis(gap()[1] - endedAt);
  }

  /** The longest gap in nanoseconds and the nano time it began. */
  private long[] gap() {
    long[] longest = {0, endedAt};
    for (Observed o : all) {
      long[] own = gapOf(o);
      if (own[0] > longest[0]) {
        longest = own;
      }
    }
    return longest;
  }

  /** One survivor's longest gap in nanoseconds and the nano time it began. */
  private long[] gapOf(Observed o) {
    long longest = 0;
    long start = endedAt;
    long previous = endedAt;
    for (long at : o.arrivals()) {
      if (at > endedAt && at - previous > longest) {
        longest = at - previous;
        start = Math.max(previous, endedAt);
      }
      previous = at;
    }
    return new long[] {longest, start};
  }

  private long millisAfterEnd(long nanoTime) {
    return TimeUnit.NANOSECONDS.toMillis(nanoTime - endedAt);
  }

  /**
   * One line of figures: when the survivors learnt that the host's member had gone (after a
   * SIGKILL, the new host announces it once it has the room), the longest gap in deliveries, lines
   * sent, refused and delivered.
   */
  String summary(String what, String signal) {
    int linesSent = linesPerSender * all.size();
    long deliveries = 0;
    int refused = 0;
    StringBuilder perSurvivor = new StringBuilder();
    for (Observed o : all) {
      long delivered = o.lines().stream().filter(ClusterFailoverIT::isSurvivorLine).count();
      deliveries += delivered;
      refused += o.refusals().size();
      perSurvivor.append(perSurvivor.length() == 0 ? "" : ", ");
      perSurvivor.append(o.name()).append(' ').append(delivered);
      long[] own = gapOf(o);
      perSurvivor
          .append(" (longest gap ")
          .append(TimeUnit.NANOSECONDS.toMillis(own[0]))
          .append(" ms from ")
          .append(TimeUnit.NANOSECONDS.toMillis(own[1] - endedAt))
          .append(" ms)");
    }
    return String.format(
        "%s: the host's member announced gone %d ms after %s (%d to %d ms across the"
            + " survivors); longest gap in deliveries %d ms, from %d ms after the signal; %d lines"
            + " sent by %d survivors, %d"
            + " refused; delivered to %s (%d deliveries of %d)",
        what,
        lastBack(),
        signal,
        firstBack(),
        lastBack(),
        longestGap(),
        longestGapStart(),
        linesSent,
        all.size(),
        refused,
        perSurvivor,
        deliveries,
        (long) linesSent * all.size());
  }

  /**
   * Every survivor saw {@code notice} once and no other notice, and every line each survivor sent
   * exactly once, in order, in the same order as every other survivor; nothing was refused.
   */
  void assertDelivered(String notice) {
    assertDeliveredOrRefused(notice);
    for (Observed o : all) {
      assertEquals(List.of(), o.refusals(), o.name() + " was refused");
    }
  }

  /**
   * PROTOCOL.md section 7: every line a survivor sent was either delivered to every survivor,
   * exactly once and in the sender's order, or answered with {@code ! the room is not available
   * right now, try again}, never neither; every survivor saw the one order, {@code notice} once and
   * no other notice.
   */
  void assertDeliveredOrRefused(String notice) {
    for (Observed o : all) {
      assertEquals(
          List.of(),
          o.notices().stream().filter(n -> n.endsWith(" has arrived")).toList(),
          o.name() + " saw members announced again after the host went");
      assertEquals(1, Collections.frequency(o.notices(), notice), o.name() + ": " + notice);
      assertEquals(List.of(notice), o.notices(), o.name() + "'s notices while chatting");
      assertEquals(
          List.of(),
          o.refusals().stream().filter(r -> !r.equals(Replies.roomUnavailable())).toList(),
          o.name() + " was answered with other errors");
      assertEquals(
          List.of(),
          o.lines().stream().filter(l -> !ClusterFailoverIT.isSurvivorLine(l)).toList(),
          o.name() + " saw lines nobody sent");
      assertEquals(all.get(0).lines(), o.lines(), o.name() + " saw the one order");
    }
    for (Observed sender : all) {
      List<String> own =
          all.get(0).lines().stream().filter(l -> l.startsWith(sender.name() + ": ")).toList();
      assertEquals(
          linesPerSender,
          own.size() + sender.refusals().size(),
          sender.name()
              + "'s lines: delivered "
              + own.size()
              + ", refused "
              + sender.refusals().size());
      int previous = -1;
      for (String line : own) {
        int number = Integer.parseInt(line.substring((sender.name() + ": line ").length()));
        assertTrue(number > previous, sender.name() + "'s lines out of order or twice: " + line);
        previous = number;
      }
    }
  }
}
