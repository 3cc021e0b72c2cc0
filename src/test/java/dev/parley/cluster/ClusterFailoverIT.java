package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.NodeProcess;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three fat-jar nodes on 127.0.0.1; members on all of them chat steadily; the node that hosts the
 * room is killed with SIGKILL, or stopped with SIGTERM. A standby takes the room over (after a
 * SIGTERM, the stopping host hands it over), the members on the other nodes stay connected, every
 * line they sent reaches every one of them exactly once, in one order, and the only notice they see
 * is the host's member leaving, once ({@code connection lost} or {@code server shutdown}): nobody
 * is announced again.
 *
 * <p>The nodes' output goes to {@code target/cluster-failover-it/nodeN.log}; the test prints one
 * summary line per test (time until the room is back, lines sent and delivered) on the build's
 * console.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterFailoverIT {
  private static final int LINES_PER_SENDER = 400;
  private static final long LINE_INTERVAL_MILLIS = 10;
  private static final List<String> NAMES = List.of("ann", "ben", "cat", "dan");

  @TempDir Path dir;

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final List<ChatClient> clients = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    clients.forEach(ChatClient::close);
    nodes.forEach(n -> n.process().destroyForcibly());
  }

  private ChatClient join(NodeProcess node, String name) {
    ChatClient client = ChatClient.join(node.port(), name);
    clients.add(client);
    return client;
  }

  @Test
  void killingTheRoomHostLosesNoLineOfTheSurvivors() throws Exception {
    String lost = "* doomed has left (connection lost)";
    Outcome outcome =
        chatWhileTheHostGoes("doomed", host -> host.process().destroyForcibly(), lost);
    System.out.println(outcome.summary("failover", "SIGKILL"));
    outcome.assertDelivered(lost);
    assertTrue(outcome.lastBack() < 10_000, "failover took " + outcome.lastBack() + " ms");
  }

  @Test
  void stoppingTheRoomHostHandsTheRoomOverAndLosesNoLine() throws Exception {
    String left = "* leaver has left (server shutdown)";
    Outcome outcome = chatWhileTheHostGoes("leaver", host -> host.process().destroy(), left);
    System.out.println(outcome.summary("handover", "SIGTERM"));
    outcome.assertDelivered(left);
    // The stopped node's own member was told, after the lines queued for it, and let go.
    outcome.goneClient().readUntil("* server is shutting down");
    outcome.goneClient().expectClosed();
    Process host = outcome.host().process();
    assertTrue(host.waitFor(30, TimeUnit.SECONDS), "the stopped host did not exit");
    assertEquals(0, host.exitValue(), "the stopped host's exit status");
  }

  /**
   * Starts three nodes, puts the member {@code gone} on the room's host and four members on the
   * other two, lets the four chat steadily, ends the host with {@code end} while they do, and
   * collects what each of the four saw until every sender has finished.
   */
  private Outcome chatWhileTheHostGoes(String gone, Consumer<NodeProcess> end, String notice)
      throws Exception {
    List<Integer> clusterPorts =
        List.of(NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort());
    JsonArray members = new JsonArray();
    clusterPorts.forEach(p -> members.add("127.0.0.1:" + p));
    for (int i = 0; i < 3; i++) {
      nodes.add(
          NodeProcess.start(
              dir,
              "cluster-failover-it",
              i,
              clusterPorts.get(i),
              members,
              "parley-it-" + clusterPorts.get(0),
              List.of()));
    }
    NodeProcess host = nodes.get(0);

    ChatClient goneClient = join(host, gone);
    List<ChatClient> survivors =
        List.of(
            join(nodes.get(1), NAMES.get(0)),
            join(nodes.get(1), NAMES.get(1)),
            join(nodes.get(2), NAMES.get(2)),
            join(nodes.get(2), NAMES.get(3)));
    ChatClient last = survivors.get(survivors.size() - 1);
    for (ChatClient c : survivors) {
      if (c != last) {
        c.readUntil("* dan has arrived");
      }
    }
    goneClient.readUntil("* dan has arrived");
    // Everyone has arrived; from here on nobody joins, so any arrival notice a survivor sees is
    // a member announced again by the room's new host.

    ExecutorService readers = Executors.newFixedThreadPool(survivors.size());
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(survivors.size());
    try {
      CountDownLatch chatting = new CountDownLatch(1);
      List<Future<Observed>> observed = new ArrayList<>();
      for (int i = 0; i < survivors.size(); i++) {
        ChatClient c = survivors.get(i);
        String name = NAMES.get(i);
        observed.add(readers.submit(() -> observe(name, c, survivors.size(), chatting, notice)));
      }
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (ChatClient c : survivors) {
        sent.add(sendSteadily(senders, c));
      }
      // Once the chat is well under way, end the room's host.
      assertTrue(chatting.await(30, TimeUnit.SECONDS), "the chat never got going");
      long endedAt = System.nanoTime();
      end.accept(host);

      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
      List<Observed> all = new ArrayList<>();
      for (Future<Observed> o : observed) {
        all.add(o.get(90, TimeUnit.SECONDS));
      }
      return new Outcome(host, goneClient, endedAt, all);
    } finally {
      readers.shutdownNow();
      senders.shutdownNow();
    }
  }

  /** What the four survivors saw after the host was ended at {@code endedAt}. */
  private record Outcome(
      NodeProcess host, ChatClient goneClient, long endedAt, List<Observed> all) {
    long firstBack() {
      return all.stream().mapToLong(o -> millisAfter(o.noticeAt())).min().orElseThrow();
    }

    long lastBack() {
      return all.stream().mapToLong(o -> millisAfter(o.noticeAt())).max().orElseThrow();
    }

    private long millisAfter(long nanoTime) {
      return TimeUnit.NANOSECONDS.toMillis(nanoTime - endedAt);
    }

    /**
     * One line of figures: when the survivors learnt that the host's member had gone (after a
     * SIGKILL, the new host announces it once it has the room), lines sent and delivered to each.
     */
    String summary(String what, String signal) {
      int linesSent = LINES_PER_SENDER * all.size();
      long deliveries = 0;
      StringBuilder perSurvivor = new StringBuilder();
      for (Observed o : all) {
        long delivered = o.lines().stream().filter(ClusterFailoverIT::isSurvivorLine).count();
        deliveries += delivered;
        perSurvivor.append(perSurvivor.length() == 0 ? "" : ", ");
        perSurvivor.append(o.name()).append(' ').append(delivered);
      }
      return String.format(
          "%s: the host's member announced gone %d ms after %s (%d to %d ms across the"
              + " survivors); %d lines sent by %d survivors; delivered to %s (%d deliveries of %d)",
          what,
          lastBack(),
          signal,
          firstBack(),
          lastBack(),
          linesSent,
          all.size(),
          perSurvivor,
          deliveries,
          (long) linesSent * all.size());
    }

    /**
     * Every survivor saw {@code notice} once and no other notice, and every line each survivor sent
     * exactly once, in order, in the same order as every other survivor.
     */
    void assertDelivered(String notice) {
      for (Observed o : all) {
        assertEquals(
            List.of(),
            o.notices().stream().filter(n -> n.endsWith(" has arrived")).toList(),
            o.name() + " saw members announced again after the host went");
        assertEquals(1, Collections.frequency(o.notices(), notice), o.name() + ": " + notice);
        assertEquals(List.of(notice), o.notices(), o.name() + "'s notices while chatting");
        assertEquals(
            List.of(),
            o.lines().stream().filter(l -> !isSurvivorLine(l)).toList(),
            o.name() + " saw lines nobody sent");
        for (String sender : NAMES) {
          List<String> own = o.lines().stream().filter(l -> l.startsWith(sender + ": ")).toList();
          assertEquals(LINES_PER_SENDER, own.size(), sender + "'s lines delivered to " + o.name());
          for (int i = 0; i < LINES_PER_SENDER; i++) {
            assertEquals(sender + ": line " + i, own.get(i), "to " + o.name());
          }
        }
        assertEquals(all.get(0).lines(), o.lines(), o.name() + " saw the one order");
      }
    }
  }

  /** Whether a chat line is one of the numbered lines a survivor sent. */
  private static boolean isSurvivorLine(String line) {
    return NAMES.stream().anyMatch(name -> line.startsWith(name + ": line "));
  }

  /** Sends numbered lines at a steady pace, then "done". */
  private static CompletableFuture<Void> sendSteadily(
      ScheduledExecutorService scheduler, ChatClient client) {
    CompletableFuture<Void> finished = new CompletableFuture<>();
    int[] next = {0};
    scheduler.scheduleAtFixedRate(
        () -> {
          if (finished.isDone()) {
            return;
          }
          try {
            if (next[0] < LINES_PER_SENDER) {
              client.say("line " + next[0]++);
            } else {
              client.say("done");
              finished.complete(null);
            }
          } catch (RuntimeException e) {
            finished.completeExceptionally(e);
          }
        },
        0,
        LINE_INTERVAL_MILLIS,
        TimeUnit.MILLISECONDS);
    return finished;
  }

  /**
   * What one survivor saw: its chat lines (its "done" lines apart), its {@code * } notices, and
   * when the departure of the host's member was first announced.
   */
  private record Observed(String name, List<String> lines, List<String> notices, long noticeAt) {}

  private static Observed observe(
      String name, ChatClient client, int senders, CountDownLatch chatting, String notice) {
    List<String> lines = new ArrayList<>();
    List<String> notices = new ArrayList<>();
    long noticeAt = -1;
    int done = 0;
    while (done < senders) {
      String line = client.nextLine();
      if (line.startsWith("* ")) {
        notices.add(line);
        if (line.equals(notice) && noticeAt < 0) {
          noticeAt = System.nanoTime();
        }
      } else if (line.endsWith(": done")) {
        done++;
      } else {
        lines.add(line);
        if (lines.size() == 200) {
          chatting.countDown();
        }
      }
    }
    assertTrue(noticeAt > 0, name + " never saw \"" + notice + "\"");
    return new Observed(name, lines, notices, noticeAt);
  }
}
