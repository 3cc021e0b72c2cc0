package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import io.vertx.core.internal.VertxInternal;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster-wide subscription entries grow with the number of nodes, not with the number of
 * connections: sessions use node-local consumers behind one relay per node.
 */
class ClusterRegistrationsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private static int subscriptions(ClusterNodes cluster) {
    HazelcastClusterManager manager =
        (HazelcastClusterManager) ((VertxInternal) cluster.node(0).vertx()).clusterManager();
    return manager.getHazelcastInstance().getMultiMap("__vertx.subs").size();
  }

  @Test
  void subscriptionsDoNotGrowWithConnections() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.start(3, "limits.maxConnectionsPerAddress", 0)) {
      ChatClient first = clients.join(cluster.node(0).port(), "first");
      int before = subscriptions(cluster);
      for (int i = 0; i < 60; i++) {
        clients.join(cluster.node(i % 3).port(), "member" + i);
      }
      ChatClient last = clients.join(cluster.node(2).port(), "last");
      last.say("/who");
      assertTrue(last.nextLine().startsWith("* online (62): first, member0, "));
      first.readUntil("* last has arrived");
      assertEquals(before, subscriptions(cluster));
    }
  }
}
