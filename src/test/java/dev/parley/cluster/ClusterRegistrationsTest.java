package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.multimap.MultiMap;
import dev.parley.bus.Addresses;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster-wide subscription entries grow with the number of nodes, not with the number of
 * connections or of rooms: sessions use node-local consumers behind one relay per node.
 */
class ClusterRegistrationsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  /** Vert.x's cluster-wide subscriptions, as vertx-hazelcast keeps them: address to consumers. */
  private static MultiMap<String, ?> subscriptions(ClusterNodes cluster) {
    HazelcastClusterManager manager =
        (HazelcastClusterManager) ((VertxInternal) cluster.node(0).vertx()).clusterManager();
    return manager.getHazelcastInstance().getMultiMap("__vertx.subs");
  }

  @Test
  void subscriptionsDoNotGrowWithConnections() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.start(3, "limits.maxConnectionsPerAddress", 0)) {
      ChatClient first = clients.join(cluster.node(0).port(), "first");
      int before = subscriptions(cluster).size();
      // Not vacuous: the map is the one Vert.x uses, and it holds each node's relay.
      assertTrue(before > 0, "no cluster-wide subscriptions found in __vertx.subs");
      assertEquals(3, subscriptions(cluster).valueCount(Addresses.EVENTS), "one per node");
      for (int i = 0; i < 60; i++) {
        clients.join(cluster.node(i % 3).port(), "member" + i);
      }
      ChatClient last = clients.join(cluster.node(2).port(), "last");
      last.say("/who");
      assertTrue(last.nextLine().startsWith("* online (62): first, member0, "));
      first.readUntil("* last has arrived");
      assertEquals(before, subscriptions(cluster).size());
      assertEquals(3, subscriptions(cluster).valueCount(Addresses.EVENTS));
    }
  }

  @Test
  void subscriptionsDoNotGrowWithThreeHundredConnectionsInThirtyRooms() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.start(3, "limits.maxConnectionsPerAddress", 0)) {
      ChatClient first = clients.join(cluster.node(0).port(), "first");
      int before = subscriptions(cluster).size();
      assertTrue(before > 0, "no cluster-wide subscriptions found in __vertx.subs");
      for (int i = 0; i < 300; i++) {
        ChatClient member = clients.join(cluster.node(i % 3).port(), "m" + i);
        member.say("/join r" + (i % 30));
        // Departures from #lobby ordered before this move come first.
        member.readUntil("* now in #r" + (i % 30));
      }
      ChatClient last = clients.join(cluster.node(1).port(), "last");
      last.say("/rooms");
      String rooms = last.nextLine();
      assertTrue(rooms.startsWith("* rooms (31): #r0 (10), #r1 (10), #r10 (10), "), rooms);
      assertTrue(rooms.endsWith(", #r9 (10), #lobby (2)"), rooms);
      assertEquals(before, subscriptions(cluster).size());
      assertEquals(3, subscriptions(cluster).valueCount(Addresses.EVENTS), "one per node");
      first.readUntil("* last has arrived");
    }
  }
}
