package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.MemberLeft;
import dev.parley.api.ParleyEvent;
import dev.parley.api.RoomClient;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import dev.parley.test.NodeProcess;
import dev.parley.test.Placements;
import dev.parley.test.RoomEvents;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover bug of a loaded machine, made deterministic: a node whose snapshot of the room comes
 * late (here: every snapshot request of that node held back for longer than it waits) has only a
 * partial copy of the room when its host is killed. The takeover must not continue from that copy,
 * nor open a fresh room: it continues the room's run from the whole copy of the other node (same
 * run, sequence numbers go on), the dead node's member is announced gone, and every line the
 * survivors send, before and after the kill, reaches both exactly once, in one order.
 *
 * <p>The room's host is a fat-jar process, so that it can be killed with SIGKILL; the two other
 * nodes run in this JVM, where an event-bus interceptor holds the snapshot requests back.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LateSnapshotFailoverIT {
  private static final int LINES = 30;

  @RegisterExtension final ChatClients clients = new ChatClients();
  @TempDir Path dir;

  @Test
  void aNodeWhoseSnapshotCameLateTakesNoPartInTheTakeover() throws Exception {
    List<Integer> ports =
        List.of(NodeProcess.freePort(), NodeProcess.freePort(), NodeProcess.freePort());
    JsonArray members = new JsonArray();
    ports.forEach(p -> members.add("127.0.0.1:" + p));
    String name = "parley-late-" + ports.get(0);
    NodeProcess host =
        NodeProcess.start(dir, "late-snapshot-it", 0, ports.get(0), members, name, List.of());
    CountDownLatch heldBack = new CountDownLatch(1);
    AtomicBoolean holding = new AtomicBoolean(true);
    AtomicInteger held = new AtomicInteger();
    try (ClusterNodes others =
        ClusterNodes.join(
            name,
            members,
            ports.subList(1, 3),
            (index, vertx) -> {
              if (index == 0) {
                vertx
                    .eventBus()
                    .addOutboundInterceptor(
                        ctx -> {
                          if (holding.get() && isSnapshotRequest(ctx.body())) {
                            held.incrementAndGet();
                            heldBack.countDown();
                            // Later than the relay's 3 s request timeout: the answer comes too
                            // late to be taken.
                            vertx.setTimer(4000, t -> ctx.next());
                          } else {
                            ctx.next();
                          }
                        });
              }
            },
            "limits.linesPerSecond",
            0)) {
      // The three chat in a room that the node in its own process orders.
      List<String> inJvm = others.nodes().stream().map(n -> n.parley().nodeId()).toList();
      String hostId = Placements.awaitPlaced(List.of(host), inJvm, "#lobby").get(0);
      List<String> all = new ArrayList<>(inJvm);
      all.add(hostId);
      String room = null;
      for (int i = 0; room == null; i++) {
        if (Placements.owner("#late" + i, all).equals(hostId)) {
          room = "#late" + i;
        }
      }
      ChatClient alice = clients.join(host.port(), "alice");
      alice.say("/join " + room);
      alice.expect("* now in " + room).expect("* online (1): alice");
      ChatClient bob = clients.join(others.node(0).port(), "bob");
      bob.say("/join " + room);
      bob.expect("* now in " + room).expect("* online (2): alice, bob");
      ChatClient carol = clients.join(others.node(1).port(), "carol");
      carol.say("/join " + room);
      carol.expect("* now in " + room).expect("* online (3): alice, bob, carol");
      alice.expect("* bob has arrived");
      alice.expect("* carol has arrived");
      bob.expect("* carol has arrived");
      assertTrue(heldBack.await(30, TimeUnit.SECONDS), "no snapshot reached bob's node");
      // The room's own events: the departures of #lobby, ordered by another room group with a run
      // of its own, may still be on their way.
      RoomEvents events = RoomEvents.subscribe(RoomClient.create(others.node(1).vertx()), room);

      for (int i = 0; i < LINES; i++) {
        bob.say("line " + i);
        carol.say("line " + i);
      }
      List<String> bobSaw = readUntilBoth(bob, "line " + (LINES - 1));
      List<String> carolSaw = readUntilBoth(carol, "line " + (LINES - 1));
      ParleyEvent before = events.next();

      // The host dies while bob's node has only a partial copy of the room (every snapshot it
      // asked for is held back); some lines are on their way to the room.
      for (int i = LINES; i < LINES + 5; i++) {
        bob.say("line " + i);
        carol.say("line " + i);
      }
      host.process().destroyForcibly().waitFor();
      holding.set(false);
      for (int i = LINES + 5; i < 2 * LINES; i++) {
        bob.say("line " + i);
        carol.say("line " + i);
      }
      bobSaw.addAll(readUntilBoth(bob, "line " + (2 * LINES - 1)));
      carolSaw.addAll(readUntilBoth(carol, "line " + (2 * LINES - 1)));

      for (List<String> saw : List.of(bobSaw, carolSaw)) {
        assertEquals(
            List.of("* alice has left (connection lost)"),
            saw.stream().filter(l -> l.startsWith("* ")).toList(),
            "the notices seen while chatting");
        for (String sender : List.of("bob", "carol")) {
          List<String> own = saw.stream().filter(l -> l.startsWith(sender + ": ")).toList();
          List<String> expected = new ArrayList<>();
          for (int i = 0; i < 2 * LINES; i++) {
            expected.add(sender + ": line " + i);
          }
          assertEquals(expected, own, sender + "'s lines, each once and in order");
        }
      }
      assertEquals(bobSaw, carolSaw, "bob and carol saw one order");

      MemberLeft left = events.nextLeft();
      assertEquals("alice", left.name());
      assertEquals("connection lost", left.reason());
      assertEquals(before.run(), left.run(), "the room's run goes on after the takeover");
      assertTrue(left.seq() > before.seq(), "sequence numbers go on: " + left.seq());
      System.out.printf(
          "late snapshot: %d snapshot requests held back on bob's node; the room went on from"
              + " event %d to %d of run %s%n",
          held.get(), before.seq(), left.seq(), left.run());
    } finally {
      host.process().destroyForcibly();
    }
  }

  /** The relay's request for a snapshot of the room (a type internal to the room package). */
  private static boolean isSnapshotRequest(Object body) {
    return body != null
        && body.getClass().getName().equals("dev.parley.bus.NodeMessages$SnapshotRequest");
  }

  /** What {@code client} reads until it has seen bob's and carol's line {@code text}. */
  private static List<String> readUntilBoth(ChatClient client, String text) {
    List<String> lines = new ArrayList<>();
    boolean bob = false;
    boolean carol = false;
    while (!bob || !carol) {
      String line = client.nextLine();
      lines.add(line);
      bob |= line.equals("bob: " + text);
      carol |= line.equals("carol: " + text);
    }
    return lines;
  }
}
