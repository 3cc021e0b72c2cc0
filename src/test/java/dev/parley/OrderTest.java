package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md sections 3.4 and 7: chat lines reach every member, sender included, in one order that
 * every member sees the same, even when several members send at once.
 */
@ExtendWith(VertxExtension.class)
class OrderTest {
  private static final int SENDERS = 4;
  private static final int LINES = 250;

  @RegisterExtension final ChatClients clients = new ChatClients();

  @Test
  void concurrentSendersAllSeeTheSameSequence(Vertx vertx) throws Exception {
    int port =
        TestServer.start(
                vertx, TestServer.config("limits.linesPerSecond", 0, "server.instances", 4))
            .port();
    List<ChatClient> members = new ArrayList<>();
    for (int s = 0; s < SENDERS; s++) {
      members.add(clients.join(port, "sender" + s));
    }
    ChatClient listener = clients.join(port, "listener");
    members.add(listener);
    for (int s = 0; s < SENDERS; s++) {
      members.get(s).readUntil("* listener has arrived");
    }

    ExecutorService pool = Executors.newFixedThreadPool(members.size() + SENDERS);
    try {
      for (int s = 0; s < SENDERS; s++) {
        ChatClient sender = members.get(s);
        int id = s;
        pool.submit(
            () -> {
              for (int i = 0; i < LINES; i++) {
                sender.say("line " + id + "." + i);
              }
            });
      }
      List<Future<List<String>>> seen = new ArrayList<>();
      for (ChatClient member : members) {
        seen.add(pool.submit(() -> member.read(SENDERS * LINES)));
      }
      List<String> reference = seen.get(0).get(60, TimeUnit.SECONDS);
      for (Future<List<String>> other : seen) {
        assertEquals(reference, other.get(60, TimeUnit.SECONDS));
      }
      Map<String, Integer> next = new HashMap<>();
      for (String line : reference) {
        String sender = line.substring(0, line.indexOf(':'));
        int id = Integer.parseInt(sender.substring("sender".length()));
        int expected = next.merge(sender, 1, Integer::sum) - 1;
        assertEquals(sender + ": line " + id + "." + expected, line);
      }
      assertEquals(SENDERS, next.size());
      assertTrue(next.values().stream().allMatch(n -> n == LINES));
    } finally {
      pool.shutdownNow();
    }
  }
}
