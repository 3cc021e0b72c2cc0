package dev.parley.placement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rooms fall in groups by their collision key, and groups are placed evenly over the nodes. */
class RoomGroupsTest {
  @Test
  void roomsThatCollideAsNamesFallInOneGroup() {
    RoomGroups groups = new RoomGroups(64);
    int ops = groups.of("#ops");
    // Case, fullwidth letters and a Cyrillic о: the same room (PROTOCOL.md section 9).
    assertEquals(ops, groups.of("#Ops"));
    assertEquals(ops, groups.of("#ｏｐｓ"));
    assertEquals(ops, groups.of("#оps"));
  }

  @Test
  void roomsAreSpreadOverTheGroups() {
    RoomGroups groups = new RoomGroups(16);
    int[] rooms = new int[16];
    for (int i = 0; i < 1600; i++) {
      rooms[groups.of("#room" + i)]++;
    }
    for (int count : rooms) {
      assertTrue(count > 50 && count < 150, "rooms per group: " + count);
    }
  }

  @Test
  void oneGroupHoldsEveryRoom() {
    RoomGroups groups = new RoomGroups(1);
    assertEquals(0, groups.of("#ops"));
    assertEquals(0, groups.of("#lobby"));
    assertThrows(IllegalArgumentException.class, () -> new RoomGroups(0));
  }

  @Test
  void everyNodeComputesTheSamePlacementWhateverTheOrderOfItsList() {
    List<String> nodes = new ArrayList<>(List.of("n-a", "n-b", "n-c"));
    List<String> placed = RoomGroups.placement(16, nodes);
    Collections.reverse(nodes);
    assertEquals(placed, RoomGroups.placement(16, nodes));
    assertEquals(placed.get(5), RoomGroups.owner(5, 16, nodes));
  }

  @Test
  void noNodeHostsMoreThanItsShare() {
    List<String> nodes = List.of("n-a", "n-b", "n-c");
    Map<String, Integer> load = load(RoomGroups.placement(16, nodes));
    assertEquals(new HashSet<>(nodes), load.keySet());
    for (int hosted : load.values()) {
      assertTrue(hosted <= 6, "groups on one node: " + load);
    }
  }

  @Test
  void aNodeThatJoinsTakesItsShareAndTheOthersKeepTheirGroups() {
    List<String> three = List.of("n-a", "n-b", "n-c");
    List<String> four = List.of("n-a", "n-b", "n-c", "n-d");
    List<String> before = RoomGroups.placement(16, three);
    List<String> after = RoomGroups.placement(16, four);
    assertEquals(4, load(after).get("n-d"));
    int moved = 0;
    for (int g = 0; g < 16; g++) {
      if (!before.get(g).equals(after.get(g))) {
        moved++;
      }
    }
    // The four groups the new node takes must move; bounded loads may move a few more.
    assertTrue(moved >= 4 && moved <= 8, "groups moved: " + moved);
  }

  @Test
  void noNodeNoPlacement() {
    assertThrows(IllegalArgumentException.class, () -> RoomGroups.placement(4, List.of()));
  }

  private static Map<String, Integer> load(List<String> owners) {
    Map<String, Integer> load = new HashMap<>();
    for (String owner : owners) {
      load.merge(owner, 1, Integer::sum);
    }
    return load;
  }
}
