package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.NodeProcess;
import dev.parley.test.Placements;
import io.vertx.core.json.JsonArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thirty rooms over three fat-jar nodes (the cluster row of PROTOCOL.md section 9): the
 * rooms are spread (no node orders more than half of them); two members of each room, on the two
 * nodes that order fewest rooms, and one on the busiest node chat steadily; the busiest node is
 * killed with SIGKILL, and every room it ordered is taken over within 10 s; then a fourth node
 * starts and takes its share of the rooms by handover. Through both, each surviving member receives
 * every line of its room exactly once, in one order (the other survivor's), nobody of a surviving
 * node is disconnected, and the only notice is the dead member's {@code connection lost}. The
 * figures go to the build's console ({@code spread failover: ...}); the nodes' output to {@code
 * target/room-spread-it/nodeN.log}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RoomSpreadFailoverIT {
  private static final int ROOMS = 30;
  private static final long LINE_INTERVAL_MILLIS = 100;
  private static final long TAKEOVER_LIMIT_MILLIS = 10_000;

  @TempDir Path dir;

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final List<ChatClient> clients = new ArrayList<>();

  @AfterEach
  void stopEverything() {
    clients.forEach(ChatClient::close);
    nodes.forEach(n -> n.process().destroyForcibly());
  }

  private ChatClient member(NodeProcess node, String name, String room) {
    ChatClient client = ChatClient.join(node.port(), name);
    clients.add(client);
    client.say("/join " + room);
    client.expect("* now in " + room);
    client.expectStartsWith("* online (");
    return client;
  }

  /** One room's members: two that survive, on two nodes, and one on the node that dies. */
  private record Room(String name, ChatClient a, ChatClient b, ChatClient doomed) {}

  @Test
  void thirtyRoomsSurviveTheBusiestNodeAndMoveToANewNodeWithoutLoss() throws Exception {
    List<Integer> ports = new ArrayList<>();
    JsonArray members = new JsonArray();
    for (int i = 0; i < 4; i++) {
      ports.add(NodeProcess.freePort());
      members.add("127.0.0.1:" + ports.get(i));
    }
    String cluster = "parley-spread-" + ports.get(0);
    for (int i = 0; i < 3; i++) {
      nodes.add(
          NodeProcess.start(dir, "room-spread-it", i, ports.get(i), members, cluster, List.of()));
    }
    List<String> ids = Placements.awaitPlaced(nodes, List.of(), "#lobby");
    List<String> rooms = Placements.spreadRooms("room", ROOMS);
    Map<String, Integer> ordered = new HashMap<>();
    for (String room : rooms) {
      ordered.merge(Placements.owner(room, ids), 1, Integer::sum);
    }
    assertEquals(3, ordered.size(), "every node orders rooms: " + ordered);
    String busiestId = ids.get(0);
    for (String id : ids) {
      assertTrue(ordered.get(id) <= ROOMS / 2, "no node orders more than half: " + ordered);
      if (ordered.get(id) > ordered.get(busiestId)) {
        busiestId = id;
      }
    }
    NodeProcess busiest = nodes.get(ids.indexOf(busiestId));
    List<NodeProcess> others = nodes.stream().filter(n -> n != busiest).toList();

    List<Room> chat = new ArrayList<>();
    for (int r = 0; r < ROOMS; r++) {
      String room = rooms.get(r);
      ChatClient a = member(others.get(r % 2), "a" + r, room);
      ChatClient b = member(others.get((r + 1) % 2), "b" + r, room);
      a.expect("* b" + r + " has arrived");
      ChatClient doomed = member(busiest, "d" + r, room);
      a.expect("* d" + r + " has arrived");
      b.expect("* d" + r + " has arrived");
      chat.add(new Room(room, a, b, doomed));
    }
    for (NodeProcess node : nodes) {
      awaitRoomsOrdered(node, ordered.get(ids.get(nodes.indexOf(node))));
    }

    Map<ChatClient, Long> lostSeenAt = new ConcurrentHashMap<>();
    ExecutorService readers = Executors.newFixedThreadPool(2 * ROOMS);
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(4);
    try {
      List<Future<List<String>>> seen = new ArrayList<>();
      for (Room room : chat) {
        for (ChatClient c : List.of(room.a(), room.b())) {
          seen.add(readers.submit(() -> readUntilDone(c, room, lostSeenAt)));
        }
      }
      List<int[]> counts = new ArrayList<>();
      List<ScheduledFuture<?>> sending = new ArrayList<>();
      for (Room room : chat) {
        for (ChatClient c : List.of(room.a(), room.b(), room.doomed())) {
          int[] sent = new int[1];
          counts.add(sent);
          sending.add(
              senders.scheduleAtFixedRate(
                  () -> c.say("line " + sent[0]++),
                  0,
                  LINE_INTERVAL_MILLIS,
                  TimeUnit.MILLISECONDS));
        }
      }
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));

      long killedAt = System.nanoTime();
      busiest.process().destroyForcibly();
      long takenOver = awaitEveryRoomToldOfTheLoss(chat, lostSeenAt, killedAt);

      // A fourth node joins: its share of the groups moves to it by handover.
      long joinedAt = System.nanoTime();
      NodeProcess fourth =
          NodeProcess.start(dir, "room-spread-it", 3, ports.get(3), members, cluster, List.of());
      nodes.add(fourth);
      List<NodeProcess> live = List.of(others.get(0), others.get(1), fourth);
      List<String> liveIds = Placements.awaitPlaced(live, List.of(), "#lobby");
      int moved = 0;
      for (String room : rooms) {
        moved += Placements.owner(room, liveIds).equals(liveIds.get(2)) ? 1 : 0;
      }
      awaitRoomsOrdered(fourth, moved);
      long handedOver = System.nanoTime() - joinedAt;
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));

      sending.forEach(s -> s.cancel(false));
      senders.shutdown();
      assertTrue(senders.awaitTermination(10, TimeUnit.SECONDS));
      for (Room room : chat) {
        room.a().say("done");
        room.b().say("done");
      }
      int delivered = 0;
      for (int r = 0; r < ROOMS; r++) {
        Room room = chat.get(r);
        List<String> aSaw = seen.get(2 * r).get(60, TimeUnit.SECONDS);
        List<String> bSaw = seen.get(2 * r + 1).get(60, TimeUnit.SECONDS);
        assertEquals(aSaw, bSaw, room.name() + ": both survivors saw one order");
        assertEquals(
            List.of("* d" + r + " has left (connection lost)"),
            aSaw.stream().filter(l -> l.startsWith("* ")).toList(),
            room.name() + ": the only notice");
        for (String sender : List.of("a" + r, "b" + r)) {
          List<String> own = aSaw.stream().filter(l -> l.startsWith(sender + ": line ")).toList();
          for (int i = 0; i < own.size(); i++) {
            assertEquals(sender + ": line " + i, own.get(i), room.name() + ": once, in order");
          }
          int sent = counts.get(3 * r + (sender.startsWith("a") ? 0 : 1))[0];
          assertEquals(sent, own.size(), room.name() + ": every line of " + sender);
          delivered += 2 * own.size();
        }
      }
      System.out.printf(
          "spread failover: %d rooms over 3 nodes %s; SIGKILL of the node ordering %d: every room"
              + " told of the loss within %d ms; a fourth node took %d rooms by handover in %d ms"
              + " (from its start); %d deliveries to survivors, none lost or twice%n",
          ROOMS,
          ordered.values(),
          ordered.get(busiestId),
          TimeUnit.NANOSECONDS.toMillis(takenOver),
          moved,
          TimeUnit.NANOSECONDS.toMillis(handedOver),
          delivered);
      assertTrue(
          takenOver < TimeUnit.MILLISECONDS.toNanos(TAKEOVER_LIMIT_MILLIS),
          "rooms taken over after " + TimeUnit.NANOSECONDS.toMillis(takenOver) + " ms");
    } finally {
      readers.shutdownNow();
      senders.shutdownNow();
    }
  }

  /** Waits, up to 60 s, until the node's {@code parley_rooms} is {@code expected}. */
  private static void awaitRoomsOrdered(NodeProcess node, int expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int now = node.roomsOrdered();
    while (now != expected) {
      assertTrue(System.nanoTime() < deadline, "a node orders " + now + " rooms, not " + expected);
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
      now = node.roomsOrdered();
    }
  }

  /**
   * Waits until both survivors of every room have seen its dead member leave.
   *
   * @return how long after the kill the last of them saw it, in nanoseconds
   */
  private static long awaitEveryRoomToldOfTheLoss(
      List<Room> chat, Map<ChatClient, Long> lostSeenAt, long killedAt) {
    long deadline = killedAt + TimeUnit.SECONDS.toNanos(60);
    while (lostSeenAt.size() < 2 * chat.size()) {
      assertTrue(
          System.nanoTime() < deadline,
          lostSeenAt.size() + " of " + 2 * chat.size() + " survivors told of the loss");
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
    }
    long last = 0;
    for (long at : lostSeenAt.values()) {
      last = Math.max(last, at - killedAt);
    }
    return last;
  }

  /** What a survivor reads until it has seen both survivors' {@code done}. */
  private static List<String> readUntilDone(
      ChatClient client, Room room, Map<ChatClient, Long> lostSeenAt) {
    String a = room.a().name();
    List<String> lines = new ArrayList<>();
    boolean aDone = false;
    boolean bDone = false;
    while (!aDone || !bDone) {
      String line = client.nextLine();
      if (line.endsWith(" has left (connection lost)")) {
        lostSeenAt.putIfAbsent(client, System.nanoTime());
      }
      if (line.endsWith(": done")) {
        aDone |= line.startsWith(a + ":");
        bDone |= !line.startsWith(a + ":");
        continue;
      }
      lines.add(line);
    }
    return lines;
  }
}
