package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.ParleyConfig;
import dev.parley.examples.Archiver;
import dev.parley.test.ChatClient;
import dev.parley.test.NodeProcess;
import dev.parley.test.Placements;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
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
 * Three fat-jar nodes on 127.0.0.1; members on all of them chat steadily, line members and, on one
 * node, an IRC client (PROTOCOL.md section 14) held to the same checks; the node that hosts the
 * room is killed with SIGKILL, or stopped with SIGTERM. A standby takes the room over (after a
 * SIGTERM, the stopping host hands it over), the members on the other nodes stay connected, every
 * line they sent reaches every one of them exactly once, in one order, and the only notice they see
 * is the host's member leaving, once ({@code connection lost} or {@code server shutdown}): nobody
 * is announced again. After a SIGKILL, a newcomer's history, and the file of the Archiver example
 * run on a fourth cluster member without Parley, hold those same lines in that same order.
 *
 * <p>The nodes' output goes to {@code target/cluster-failover-it/nodeN.log}; the test prints one
 * summary line per test (time until the room is back, lines sent and delivered) on the build's
 * console.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterFailoverIT {
  private static final int LINES_PER_SENDER = 400;
  private static final long LINE_INTERVAL_MILLIS = 10;

  /** The survivors: line members on two nodes, and the last an IRC client on the second. */
  private static final List<String> NAMES = List.of("ann", "ben", "cat", "dan", "eve");

  /** As many busy loops as the machine has cores (two in the runs). */
  private static final int BUSY_LOOPS = 2;

  // The bounds of issue 9 on the longest time without a delivery after the signal.
  private static final long KILL_GAP_LIMIT_MILLIS = 3000;
  private static final long TERM_GAP_LIMIT_MILLIS = 1000;

  @TempDir Path dir;

  private volatile boolean finished;

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final List<ChatClient> clients = new ArrayList<>();
  private final List<IrcSurvivor> ircClients = new ArrayList<>();
  private Vertx archiverNode;
  private Archiver archiver;

  /** Keeps a core busy until the test ends. */
  private void spin() {
    while (!finished) {
      // as busy as python3 -c 'while True: pass', the load
    }
  }

  @AfterEach
  void stopEverything() throws Exception {
    finished = true;
    clients.forEach(ChatClient::close);
    ircClients.forEach(IrcSurvivor::close);
    nodes.forEach(n -> n.process().destroyForcibly());
    if (archiverNode != null) {
      archiverNode.close().await(60, TimeUnit.SECONDS);
    }
  }

  private ChatClient join(NodeProcess node, String name) {
    ChatClient client = ChatClient.join(node.port(), name);
    clients.add(client);
    return client;
  }

  @Test
  void killingTheRoomHostLosesNoLineOfTheSurvivors() throws Exception {
    FailoverOutcome outcome = killTheHost(false, "failover");
    assertTrue(
        outcome.longestGap() < KILL_GAP_LIMIT_MILLIS,
        "no line was delivered for " + outcome.longestGap() + " ms");

    // A newcomer after the failover is replayed every line the survivors saw, in their order.
    NodeProcess survivor = nodes.stream().filter(n -> n.process().isAlive()).findFirst().get();
    ChatClient late = join(survivor, "late");
    late.expect("* history (20):");
    late.read(20);
    late.say("/history 5000");
    String heading = late.expectStartsWith("* history (");
    int kept = Integer.parseInt(heading.substring("* history (".length(), heading.length() - 2));
    List<String> replayed = new ArrayList<>();
    for (String line : late.read(kept)) {
      assertTrue(line.matches("\\[\\d\\d:\\d\\d] .*"), line);
      String chat = line.substring("[HH:MM] ".length());
      if (isSurvivorLine(chat)) {
        replayed.add(chat);
      }
    }
    assertEquals(outcome.all().get(0).lines(), replayed);
  }

  /**
   * The Archiver example on a fourth cluster member that runs no Parley, as a service would: that
   * member does not hold up the takeover, and after the SIGKILL the Archiver's file has every line
   * the survivors saw exactly once, in their order; what it missed while the room moved, it filled
   * from history once the room answered again. Rarely the dead host's last event reached the
   * Archiver but no Parley node, and the new host gave its number to another event
   * (docs/event-bus.md, "Across a failover"): the Archiver then names that event, and it is the
   * only line of the file the survivors may not have seen there.
   */
  @Test
  void anArchiverOnAMemberWithoutParleyHasEveryLineOnceAcrossTheFailover() throws Exception {
    FailoverOutcome outcome = killTheHost(true, "failover with an archiver member");
    assertEquals(outcome.all().get(0).lines(), archivedSurvivorLines());
  }

  /**
   * SIGKILLs the room's host while the survivors chat (with the Archiver on a fourth member when
   * {@code archived}), prints the summary, and checks that every survivor line was delivered and
   * the room came back within 10 s.
   */
  private FailoverOutcome killTheHost(boolean archived, String what) throws Exception {
    String lost = "* doomed has left (connection lost)";
    FailoverOutcome outcome =
        chatWhileTheHostGoes("doomed", host -> host.process().destroyForcibly(), lost, 0, archived);
    System.out.println(outcome.summary(what, "SIGKILL"));
    outcome.assertDelivered(lost);
    assertTrue(outcome.lastBack() < 10_000, "failover took " + outcome.lastBack() + " ms");
    return outcome;
  }

  /**
   * Joins the cluster from this JVM as a member that runs no Parley, only the Archiver example, as
   * a service would.
   */
  private void startArchiver(JsonArray members, String clusterName) throws Exception {
    ParleyConfig config =
        TestServer.config(
            "cluster.enabled",
            true,
            "cluster.host",
            "127.0.0.1",
            "cluster.port",
            NodeProcess.freePort(),
            "cluster.members",
            members,
            "cluster.eventBusHost",
            "127.0.0.1",
            "cluster.name",
            clusterName);
    archiverNode = ClusterSetup.start(config, new VertxOptions(), null).await(60, TimeUnit.SECONDS);
    archiver = new Archiver(archive());
    archiverNode.deployVerticle(archiver).await(30, TimeUnit.SECONDS);
  }

  private Path archive() {
    return dir.resolve("archive.jsonl");
  }

  /**
   * The survivors' chat lines in the archive, as {@code NAME: text}, once the archive holds every
   * survivor's last line ("done"). The archive is written asynchronously and says nothing when it
   * is complete, so it is read again every 50 ms for at most 60 s: a history request that reached
   * the dead host waits for the event bus's 30 s timeout before the Archiver asks again.
   */
  private List<String> archivedSurvivorLines() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      List<String> chat = new ArrayList<>();
      List<JsonObject> renumbered = archiver.renumbered();
      for (String line : Files.readAllLines(archive())) {
        JsonObject event = new JsonObject(line);
        if (!renumbered.contains(event) && "message".equals(event.getString("type"))) {
          chat.add(event.getString("name") + ": " + event.getString("text"));
        }
      }
      long done = chat.stream().filter(l -> l.endsWith(": done")).count();
      if (done == NAMES.size() || System.nanoTime() > deadline) {
        renumbered.forEach(
            e -> System.out.println("the Archiver found an event numbered again: " + e));
        return chat.stream().filter(ClusterFailoverIT::isSurvivorLine).toList();
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
  }

  /**
   * The run of issue 9: two busy loops beside the nodes from their start on, so that the nodes
   * answer late and a standby may not have a snapshot of the room yet when the host dies. The
   * survivors' lines are then delivered or refused, never neither, and the room goes on.
   */
  @Test
  void killingTheRoomHostOfALoadedMachineLosesNoLineSilently() throws Exception {
    String lost = "* doomed has left (connection lost)";
    FailoverOutcome outcome =
        chatWhileTheHostGoes(
            "doomed", host -> host.process().destroyForcibly(), lost, BUSY_LOOPS, false);
    System.out.println(outcome.summary("failover with " + BUSY_LOOPS + " busy loops", "SIGKILL"));
    outcome.assertDeliveredOrRefused(lost);
    assertTrue(outcome.lastBack() < 10_000, "failover took " + outcome.lastBack() + " ms");
    assertTrue(
        outcome.longestGap() < KILL_GAP_LIMIT_MILLIS,
        "no line was delivered for " + outcome.longestGap() + " ms");
  }

  @Test
  void stoppingTheRoomHostHandsTheRoomOverAndLosesNoLine() throws Exception {
    String left = "* leaver has left (server shutdown)";
    FailoverOutcome outcome =
        chatWhileTheHostGoes("leaver", host -> host.process().destroy(), left, 0, false);
    System.out.println(outcome.summary("handover", "SIGTERM"));
    outcome.assertDelivered(left);
    assertTrue(
        outcome.longestGap() < TERM_GAP_LIMIT_MILLIS,
        "no line was delivered for " + outcome.longestGap() + " ms");
    // The stopped node's own member was told, after the lines queued for it, and let go.
    outcome.goneClient().readUntil("* server is shutting down");
    outcome.goneClient().expectClosed();
    Process host = outcome.host().process();
    assertTrue(host.waitFor(30, TimeUnit.SECONDS), "the stopped host did not exit");
    assertEquals(0, host.exitValue(), "the stopped host's exit status");
  }

  /**
   * Starts three nodes, puts the member {@code gone} on the room's host and five members on the
   * other two (four line members, and an IRC client on the second), lets the five chat steadily,
   * ends the host with {@code end} while they do, and collects what each of the five saw until
   * every sender has finished; {@code busyLoops} threads spin beside the nodes from before their
   * start until then. With {@code archived}, the Archiver example runs on a fourth cluster member,
   * in this JVM, from before the chat begins.
   */
  private FailoverOutcome chatWhileTheHostGoes(
      String gone, Consumer<NodeProcess> end, String notice, int busyLoops, boolean archived)
      throws Exception {
    for (int i = 0; i < busyLoops; i++) {
      Thread loop = new Thread(this::spin, "busy-loop-" + i);
      loop.setDaemon(true);
      loop.start();
    }
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
    List<String> ids = Placements.awaitPlaced(nodes, List.of(), "#lobby");
    NodeProcess host = nodes.get(ids.indexOf(Placements.owner("#lobby", ids)));
    List<NodeProcess> others = nodes.stream().filter(n -> n != host).toList();
    if (archived) {
      startArchiver(members, "parley-it-" + clusterPorts.get(0));
    }

    ChatClient goneClient = join(host, gone);
    List<ChatClient> lineSurvivors =
        List.of(
            join(others.get(0), NAMES.get(0)),
            join(others.get(0), NAMES.get(1)),
            join(others.get(1), NAMES.get(2)),
            join(others.get(1), NAMES.get(3)));
    IrcSurvivor irc = IrcSurvivor.join(others.get(1).ircPort(), NAMES.get(4));
    ircClients.add(irc);
    String lastArrival = "* " + NAMES.get(4) + " has arrived";
    for (ChatClient c : lineSurvivors) {
      c.readUntil(lastArrival);
    }
    goneClient.readUntil(lastArrival);
    List<Survivor> survivors = new ArrayList<>();
    lineSurvivors.forEach(c -> survivors.add(Survivor.of(c)));
    survivors.add(irc);
    // Everyone has arrived; from here on nobody joins, so any arrival notice a survivor sees is
    // a member announced again by the room's new host.

    ExecutorService readers = Executors.newFixedThreadPool(survivors.size());
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(survivors.size());
    try {
      CountDownLatch chatting = new CountDownLatch(1);
      List<Future<FailoverOutcome.Observed>> observed = new ArrayList<>();
      for (int i = 0; i < survivors.size(); i++) {
        Survivor c = survivors.get(i);
        String name = NAMES.get(i);
        observed.add(
            readers.submit(
                () -> FailoverOutcome.observe(name, c, survivors.size(), chatting, notice)));
      }
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (Survivor c : survivors) {
        sent.add(sendSteadily(senders, c));
      }
      // Once the chat is well under way, end the room's host.
      assertTrue(chatting.await(30, TimeUnit.SECONDS), "the chat never got going");
      long endedAt = System.nanoTime();
      System.out.println("the signal goes to the room's host at " + LocalTime.now());
      end.accept(host);

      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
      List<FailoverOutcome.Observed> all = new ArrayList<>();
      for (Future<FailoverOutcome.Observed> o : observed) {
        all.add(o.get(90, TimeUnit.SECONDS));
      }
      return new FailoverOutcome(host, goneClient, endedAt, LINES_PER_SENDER, all);
    } finally {
      readers.shutdownNow();
      senders.shutdownNow();
    }
  }

  /** Whether a chat line is one of the numbered lines a survivor sent. */
  static boolean isSurvivorLine(String line) {
    return NAMES.stream().anyMatch(name -> line.startsWith(name + ": line "));
  }

  /** Sends numbered lines at a steady pace, then "done". */
  private static CompletableFuture<Void> sendSteadily(
      ScheduledExecutorService scheduler, Survivor client) {
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
}
