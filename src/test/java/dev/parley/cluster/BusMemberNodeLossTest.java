package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.BusMember;
import dev.parley.api.MemberLeft;
import dev.parley.api.RoomClient;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import dev.parley.test.RoomEvents;
import dev.parley.values.RosterEntry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bus member belongs to the cluster node it joined from: when that node goes away, the room
 * removes it as it removes the TCP members of a dead node, and everyone sees {@code * NAME has left
 * (connection lost)} (PROTOCOL.md section 3.6: "connection lost", its node died).
 */
class BusMemberNodeLossTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  @Test
  void aBusMemberLeavesAsConnectionLostWhenItsNodeLeavesTheCluster() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.start(2)) {
      // The bot lives on the node that does not host #lobby.
      ClusterNodes.Node host = cluster.hostOf("#lobby");
      ClusterNodes.Node botNode = cluster.others(host).get(0);
      RoomClient here = RoomClient.create(host.vertx());
      RoomEvents events = RoomEvents.subscribe(here);
      ChatClient alice = clients.join(host.port(), "alice");
      BusMember bot = RoomClient.create(botNode.vertx()).join("bot").await(30, TimeUnit.SECONDS);
      alice.expect("* bot has arrived");
      assertEquals(List.of("alice", "bot"), bot.roster());

      // The bot never leaves: its whole node, Vert.x and Hazelcast member, goes away.
      botNode.vertx().close().await(60, TimeUnit.SECONDS);

      alice.expect("* bot has left (connection lost)");
      MemberLeft left = events.nextLeft();
      assertEquals("bot", left.name());
      assertEquals("connection lost", left.reason());
      List<RosterEntry> roster = here.who().await(30, TimeUnit.SECONDS);
      assertEquals(1, roster.size());
      assertEquals("alice", roster.get(0).name());
    }
  }

  @Test
  void aBusMemberInTwoRoomsLeavesEachAndItsNameIsFreeWhenItsNodeLeaves() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.start(2)) {
      ChatClient alice = clients.join(cluster.node(0).port(), "alice");
      ChatClient olga = clients.join(cluster.node(0).port(), "olga");
      olga.say("/join ops");
      olga.expect("* now in #ops").expect("* online (1): olga");
      BusMember bot =
          RoomClient.create(cluster.node(1).vertx()).join("bot").await(30, TimeUnit.SECONDS);
      bot.enter("#ops").await(30, TimeUnit.SECONDS);
      alice
          .expect("* olga has arrived")
          .expect("* olga has left (joined #ops)")
          .expect("* bot has arrived");
      olga.expect("* bot has arrived");

      cluster.node(1).vertx().close().await(60, TimeUnit.SECONDS);

      alice.expect("* bot has left (connection lost)");
      olga.expect("* bot has left (connection lost)");
      BusMember again =
          RoomClient.create(cluster.node(0).vertx()).join("BOT").await(30, TimeUnit.SECONDS);
      assertEquals("BOT", again.name());
      alice.expect("* BOT has arrived");
    }
  }
}
