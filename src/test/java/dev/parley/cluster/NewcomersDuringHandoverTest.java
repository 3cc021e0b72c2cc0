package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.test.ChatClient;
import dev.parley.test.ClusterNodes;
import dev.parley.test.NodeProcess;
import dev.parley.test.Placements;
import io.vertx.core.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * PROTOCOL.md section 8: while a room moves between nodes, a name, a {@code /join} or a chat line
 * for it waits until the room is open again on its new node (up to 5 s) instead of being refused.
 * Newcomers connect, name themselves, {@code /join} a room and speak, one after the other without a
 * pause, while a second and a third node join the cluster (room groups are handed to them) and
 * while a node stops gracefully (its groups are handed back): none is refused, and each is in its
 * room within 5 s.
 */
class NewcomersDuringHandoverTest {
  private static final long WITHIN_MILLIS = 5000;
  private static final Object[] SETTINGS = {
    "limits.linesPerSecond", 0, "limits.maxConnectionsPerAddress", 0, "history.onJoin", 0
  };

  @Test
  void newcomersAreNeverRefusedWhileNodesJoinAndLeave() throws Exception {
    List<Integer> ports =
        List.of(NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort());
    JsonArray members = new JsonArray();
    ports.forEach(p -> members.add("127.0.0.1:" + p));
    String name = "parley-newcomers-" + ports.get(0);
    List<String> rooms = Placements.spreadRooms("h", 16);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicBoolean done = new AtomicBoolean();
    ClusterNodes cluster = null;
    try {
      cluster = ClusterNodes.join(name, members, ports.subList(0, 1), (i, v) -> {}, SETTINGS);
      int port = cluster.node(0).port();
      List<Future<Integer>> arrivals = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        String prefix = "t" + t + "n";
        arrivals.add(pool.submit(() -> newcomers(port, prefix, rooms, done)));
      }
      // Room groups are handed to each node that joins, then back when the third one stops.
      cluster.add(name, members, ports.get(1), SETTINGS);
      cluster.add(name, members, ports.get(2), SETTINGS).awaitPlacement();
      cluster.stop(cluster.node(2));
      cluster.awaitPlacement();
      done.set(true);
      int total = 0;
      for (Future<Integer> count : arrivals) {
        total += count.get(60, TimeUnit.SECONDS);
      }
      assertTrue(total > 20, "newcomers during the handovers: " + total);
    } finally {
      done.set(true);
      pool.shutdownNow();
      if (cluster != null) {
        cluster.close();
      }
    }
  }

  /**
   * Newcomers one after the other until {@code done}: each names itself, joins a room, says a line
   * and quits; a {@code ! } line or more than {@value #WITHIN_MILLIS} ms to its room fails.
   *
   * @return how many came
   */
  private static int newcomers(int port, String prefix, List<String> rooms, AtomicBoolean done) {
    int count = 0;
    while (!done.get()) {
      String name = prefix + count;
      String room = rooms.get(count % rooms.size());
      long start = System.nanoTime();
      try (ChatClient client = ChatClient.connect(port)) {
        client.expect("* welcome to parley, what is your name?");
        client.say(name).say("/join " + room).say("hello from " + name).say("/quit");
        List<String> lines = new ArrayList<>();
        long took = -1;
        for (String line = client.nextLine(); !line.equals("* bye"); line = client.nextLine()) {
          lines.add(line);
          if (line.equals("* now in " + room)) {
            took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
          }
        }
        for (String line : lines) {
          if (line.startsWith("! ")) {
            fail(name + " was refused after " + took + " ms: " + line + " in " + lines);
          }
        }
        assertEquals(
            1, lines.stream().filter(("* now in " + room)::equals).count(), name + ": " + lines);
        assertTrue(lines.contains(name + ": hello from " + name), name + ": " + lines);
        // Up to 5 s of waiting for a room that moves, and a little for this busy machine.
        assertTrue(took < WITHIN_MILLIS + 500, name + " was in its room after " + took + " ms");
      }
      count++;
    }
    return count;
  }
}
