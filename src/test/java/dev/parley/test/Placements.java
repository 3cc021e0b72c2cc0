package dev.parley.test;

import dev.parley.placement.RoomGroups;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Where a cluster's room groups are, for tests that end the node that orders a room. */
public final class Placements {
  /** The room groups of a cluster. */
  public static final RoomGroups GROUPS = new RoomGroups(RoomGroups.IN_A_CLUSTER);

  private Placements() {}

  /** The node that the placement gives the group of {@code room}, among {@code nodeIds}. */
  public static String owner(String room, List<String> nodeIds) {
    return RoomGroups.owner(GROUPS.of(room), GROUPS.count(), nodeIds);
  }

  /** Rooms named {@code #PREFIXi}, at most two in any group, so that they spread like groups. */
  public static List<String> spreadRooms(String prefix, int count) {
    int[] inGroup = new int[GROUPS.count()];
    List<String> rooms = new ArrayList<>();
    for (int i = 0; rooms.size() < count; i++) {
      String room = "#" + prefix + i;
      if (inGroup[GROUPS.of(room)]++ < 2) {
        rooms.add(room);
      }
    }
    return rooms;
  }

  /**
   * Waits, up to 60 s, until every node process is ready and reports the default room's group open
   * on the node that the placement gives it among the processes' ids and {@code otherIds} (nodes in
   * this JVM). Polls each node's {@code /health/ready} every 100 ms: nothing announces the end of a
   * placement to a process outside the cluster.
   *
   * @return the processes' node ids, in the order of {@code nodes}
   */
  public static List<String> awaitPlaced(
      List<NodeProcess> nodes, List<String> otherIds, String defaultRoom) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String last = "";
    while (System.nanoTime() < deadline) {
      List<String> ids = new ArrayList<>();
      List<String> hosts = new ArrayList<>();
      for (NodeProcess node : nodes) {
        Map<String, JsonObject> checks = node.readiness();
        JsonObject cluster = checks.get("cluster");
        JsonObject room = checks.get("room");
        if (cluster == null || room == null || !"UP".equals(room.getString("status"))) {
          break;
        }
        ids.add(cluster.getString("node"));
        hosts.add(room.getString("host"));
      }
      if (ids.size() == nodes.size()) {
        List<String> all = new ArrayList<>(ids);
        all.addAll(otherIds);
        String expected = owner(defaultRoom, all);
        if (hosts.stream().allMatch(expected::equals)) {
          return ids;
        }
        last = "hosts " + hosts + ", expected " + expected;
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    throw new AssertionError("the room groups were not placed within 60 s: " + last);
  }
}
