package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The node that hosts the room stops while members on the other nodes keep sending: it hands the
 * room over, those members stay connected, and every line they sent is delivered once, in one order
 * that both see.
 */
class HandoverTest {
  private static final int MAX_LINES = 20_000;

  @RegisterExtension final ChatClients clients = new ChatClients();

  @Test
  void theHostHandsTheRoomOverWhileMembersElsewhereKeepSending() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.start(3, "limits.linesPerSecond", 0)) {
      ClusterNodes.Node host = cluster.hostOf("#lobby");
      List<ClusterNodes.Node> others = cluster.others(host);
      ChatClient onHost = clients.join(host.port(), "onhost");
      ChatClient alice = clients.join(others.get(0).port(), "alice");
      ChatClient bob = clients.join(others.get(1).port(), "bob");
      onHost.readUntil("* bob has arrived");
      alice.expect("* bob has arrived");

      ExecutorService pool = Executors.newFixedThreadPool(5);
      try {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        Future<List<String>> aliceSaw = pool.submit(() -> chatLinesUntilDone(alice));
        Future<List<String>> bobSaw = pool.submit(() -> chatLinesUntilDone(bob));
        Future<Integer> aliceSent = pool.submit(() -> sendUntil(alice, "a", stopped));
        Future<Integer> bobSent = pool.submit(() -> sendUntil(bob, "b", stopped));
        pool.submit(
            () -> {
              try {
                host.stop();
                stopped.complete(null);
              } catch (Exception | Error e) {
                stopped.completeExceptionally(e);
              }
            });

        stopped.get(60, TimeUnit.SECONDS);
        int sentByAlice = aliceSent.get(60, TimeUnit.SECONDS);
        int sentByBob = bobSent.get(60, TimeUnit.SECONDS);
        List<String> seen = aliceSaw.get(60, TimeUnit.SECONDS);
        assertEquals(seen, bobSaw.get(60, TimeUnit.SECONDS), "both saw one order");
        assertExactlyOnceInOrder(seen, "alice: a", sentByAlice);
        assertExactlyOnceInOrder(seen, "bob: b", sentByBob);
      } finally {
        pool.shutdownNow();
      }
      alice.say("/who");
      alice.readUntil("* online (2): alice, bob");
    }
  }

  /**
   * Sends numbered lines until the host has stopped and 50 more, then "done"; returns the count.
   */
  private static int sendUntil(ChatClient client, String prefix, CompletableFuture<Void> stopped) {
    int sent = 0;
    int after = 0;
    while (sent < MAX_LINES && after < 50) {
      client.say(prefix + sent++);
      if (stopped.isDone()) {
        after++;
      }
    }
    client.say("done");
    return sent;
  }

  /** Chat lines, notices skipped, until both senders' "done" has arrived. */
  private static List<String> chatLinesUntilDone(ChatClient client) {
    List<String> lines = new ArrayList<>();
    int done = 0;
    while (done < 2) {
      String line = client.nextLine();
      if (line.endsWith(": done")) {
        done++;
      } else if (line.startsWith("alice: ") || line.startsWith("bob: ")) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static void assertExactlyOnceInOrder(List<String> seen, String prefix, int sent) {
    List<String> own = seen.stream().filter(l -> l.startsWith(prefix)).toList();
    assertEquals(sent, own.size(), prefix + " lines delivered");
    for (int i = 0; i < sent; i++) {
      assertEquals(prefix + i, own.get(i));
    }
    assertTrue(sent > 50);
  }
}
