package dev.parley.placement;

import dev.parley.protocol.RoomNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The room groups of a deployment: every room belongs to exactly one group, chosen by its name, and
 * each group is one order of events with one host node at a time. Rooms whose names collide
 * (PROTOCOL.md section 9) are one room and fall in one group: the group is chosen by the case-fold
 * confusable skeleton of the name. Every node computes the same groups from the same count. Not
 * thread-safe (a cache of computed groups): one instance per context.
 */
public final class RoomGroups {
  /**
   * How many room groups a cluster has: the most nodes that share the ordering work of the rooms.
   * Every node of a cluster must run a Parley version with the same number. A single node has one.
   */
  public static final int IN_A_CLUSTER = 16;

  /** How many names' groups are kept computed; the cache starts over past this. */
  private static final int CACHED = 4096;

  private final int count;
  private final Map<String, Integer> cache = new HashMap<>();

  /**
   * @param count the number of groups, 1 or more; every node of a cluster must use the same
   */
  public RoomGroups(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one room group, not " + count);
    }
    this.count = count;
  }

  /** The number of groups. */
  public int count() {
    return count;
  }

  /**
   * The group of a room.
   *
   * @param room a valid room name, with its {@code #}
   * @return 0 to {@link #count()} - 1
   */
  public int of(String room) {
    if (count == 1) {
      return 0;
    }
    Integer known = cache.get(room);
    if (known != null) {
      return known;
    }
    if (cache.size() >= CACHED) {
      cache.clear();
    }
    int group = Math.floorMod(mix(RoomNames.key(room).foldedSkeleton().hashCode()), count);
    cache.put(room, group);
    return group;
  }

  /**
   * The node that should host a group: rendezvous hashing over the nodes, bounded so that no node
   * hosts more than its share. Groups are placed in order, each on its highest-ranked node among
   * those that still have fewer than {@code ceil(groups / nodes)} groups, so that every node
   * computes the same placement from the same node list, the groups are spread evenly, and a node
   * that joins or leaves moves few groups.
   *
   * @param group the group, 0 to {@code groups - 1}
   * @param groups the number of groups
   * @param nodes the nodes that run Parley, in any order, at least one
   * @return one of {@code nodes}
   */
  public static String owner(int group, int groups, List<String> nodes) {
    return placement(groups, nodes).get(group);
  }

  /**
   * The host of every group (see {@link #owner}).
   *
   * @return for each group, in order, the node that should host it
   */
  public static List<String> placement(int groups, List<String> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("no node to place room groups on");
    }
    List<String> sorted = new ArrayList<>(nodes);
    sorted.sort(null);
    int share = (groups + sorted.size() - 1) / sorted.size();
    Map<String, Integer> load = new HashMap<>();
    List<String> owners = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      String best = null;
      long bestScore = 0;
      for (String node : sorted) {
        if (load.getOrDefault(node, 0) >= share) {
          continue;
        }
        long score = score(node, g);
        if (best == null || Long.compareUnsigned(score, bestScore) > 0) {
          best = node;
          bestScore = score;
        }
      }
      load.merge(best, 1, Integer::sum);
      owners.add(best);
    }
    return owners;
  }

  private static long score(String node, int group) {
    long h = 0x9E3779B97F4A7C15L * (group + 1);
    for (int i = 0; i < node.length(); i++) {
      h = (h ^ node.charAt(i)) * 0x100000001B3L;
    }
    return mix64(h);
  }

  private static int mix(int h) {
    return (int) mix64(h);
  }

  private static long mix64(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb93e63a3d2c5L;
    return z ^ (z >>> 33);
  }
}
