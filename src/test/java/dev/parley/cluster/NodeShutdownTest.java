package dev.parley.cluster;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 3.6, the departure reason {@code server shutdown}: a node that is not the
 * room's host shuts down gracefully; its members are told so and closed, and the members on the
 * other node see them leave with that reason (not {@code connection lost}, which is for a node that
 * died).
 */
class NodeShutdownTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  @Test
  void membersElsewhereSeeTheMembersOfAStoppingNodeLeaveForTheShutdown() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.start(2)) {
      ClusterNodes.Node host = cluster.hostOf("#lobby");
      ClusterNodes.Node other = cluster.others(host).get(0);
      ChatClient alice = clients.join(host.port(), "alice");
      ChatClient carol = clients.join(other.port(), "carol");
      alice.expect("* carol has arrived");

      other.stop();

      carol.expect("* server is shutting down");
      carol.expectClosed();
      alice.expect("* carol has left (server shutdown)");
      alice.say("/who");
      alice.expect("* online (1): alice");
    }
  }
}
