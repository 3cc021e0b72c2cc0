package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.BusMember;
import dev.parley.api.RoomClient;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import dev.parley.values.MemberKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Three clustered nodes in one JVM on 127.0.0.1 share one room with one order. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterChatTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private ClusterNodes cluster;

  @BeforeAll
  void startCluster() throws Exception {
    cluster = ClusterNodes.start(3, "limits.linesPerSecond", 0);
  }

  @AfterAll
  void stopCluster() {
    cluster.close();
  }

  @Test
  void clientsOnDifferentNodesChatInOneOrder() throws Exception {
    ChatClient alice = clients.join(cluster.node(0).port(), "alice");
    ChatClient bob = clients.join(cluster.node(1).port(), "bob");
    alice.expect("* bob has arrived");
    ChatClient carol = clients.connect(cluster.node(2).port());
    carol.expect("* welcome to parley, what is your name?");
    carol.say("carol");
    carol.expect("* you are carol");
    carol.expect("* online (3): alice, bob, carol");
    alice.expect("* carol has arrived");
    bob.expect("* carol has arrived");

    List<ChatClient> all = List.of(alice, bob, carol);
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      for (ChatClient sender : all) {
        pool.submit(
            () -> {
              for (int i = 0; i < 100; i++) {
                sender.say("line " + i);
              }
            });
      }
      List<Future<List<String>>> seen = new ArrayList<>();
      for (ChatClient member : all) {
        seen.add(pool.submit(() -> member.read(300)));
      }
      List<String> reference = seen.get(0).get(60, TimeUnit.SECONDS);
      for (Future<List<String>> other : seen) {
        assertEquals(reference, other.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    bob.say("/msg carol across nodes");
    bob.expect("(private to carol) bob: across nodes");
    carol.expect("(private) bob: across nodes");
    carol.say("/quit");
    carol.expect("* bye");
    alice.expect("* carol has left");
    bob.expect("* carol has left");
  }

  @Test
  void everyNodeIsReadyWhenItHasJoinedAndTheRoomAnswers() throws Exception {
    for (int i = 0; i < 3; i++) {
      java.net.http.HttpResponse<String> ready =
          dev.parley.ops.OpsServerTest.get(cluster.node(i).parley().opsPort(), "/health/ready");
      assertEquals(200, ready.statusCode(), ready.body());
      io.vertx.core.json.JsonObject body = new io.vertx.core.json.JsonObject(ready.body());
      assertEquals("UP", body.getString("outcome"));
      assertEquals(
          3,
          body.getJsonArray("checks").stream()
              .map(c -> (io.vertx.core.json.JsonObject) c)
              .filter(c -> c.getString("id").equals("cluster"))
              .findFirst()
              .orElseThrow()
              .getJsonObject("data")
              .getInteger("nodes"));
    }
  }

  @Test
  void busMembersAndTcpMembersOnDifferentNodesTalk() throws Exception {
    ChatClient dave = clients.join(cluster.node(0).port(), "dave");
    RoomClient room = RoomClient.create(cluster.node(2).vertx());
    BusMember bot = room.join("bot").await(30, TimeUnit.SECONDS);
    // The room replays what the other tests said; their members may still be leaving.
    for (String line : dave.readUntil("* bot has arrived")) {
      assertTrue(
          line.startsWith("* history (")
              || line.startsWith("[")
              || line.endsWith(" has left")
              || line.equals("* bot has arrived"),
          line);
    }
    bot.say("hello from node 2").await(30, TimeUnit.SECONDS);
    dave.expect("bot: hello from node 2");
    dave.say("/msg bot hi");
    dave.expect("(private to bot) dave: hi");
    // Members of the other tests may still be leaving: look at these two only.
    Map<String, MemberKind> kinds = new HashMap<>();
    room.who().await(30, TimeUnit.SECONDS).forEach(entry -> kinds.put(entry.name(), entry.kind()));
    assertEquals(MemberKind.TCP, kinds.get("dave"));
    assertEquals(MemberKind.BUS, kinds.get("bot"));
    bot.leave("done").await(30, TimeUnit.SECONDS);
    dave.expect("* bot has left (done)");
  }
}
