package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.RoomEvents;
import dev.parley.test.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event-bus API keeps working, in the room's one order, while 100 TCP members chat. */
@ExtendWith(VertxExtension.class)
class ApiUnderLoadTest {
  private static final int TCP_MEMBERS = 100;
  private static final int LINES_EACH = 10;
  private static final int BOT_LINES = 50;

  @RegisterExtension final ChatClients clients = new ChatClients();

  @Test
  void busMembersAndEventsWorkWhileAHundredTcpMembersChat(Vertx vertx) throws Exception {
    int port =
        TestServer.start(
                vertx,
                TestServer.config("limits.linesPerSecond", 0, "limits.maxConnectionsPerAddress", 0))
            .port();
    RoomClient client = RoomClient.create(vertx);
    RoomEvents events = RoomEvents.subscribe(client);
    List<ChatClient> members = new ArrayList<>();
    for (int i = 0; i < TCP_MEMBERS; i++) {
      members.add(clients.join(port, "user" + i));
    }
    BusMember bot = client.join("bot").await();
    int chatLines = TCP_MEMBERS * LINES_EACH + BOT_LINES;

    ExecutorService pool = Executors.newFixedThreadPool(2 * TCP_MEMBERS);
    try {
      List<java.util.concurrent.Future<List<String>>> seen = new ArrayList<>();
      for (ChatClient member : members) {
        seen.add(pool.submit(() -> chatLinesOf(member, chatLines)));
      }
      for (int i = 0; i < TCP_MEMBERS; i++) {
        ChatClient member = members.get(i);
        int id = i;
        pool.submit(
            () -> {
              for (int n = 0; n < LINES_EACH; n++) {
                member.say("line " + id + "." + n);
              }
            });
      }
      List<Future<Long>> said = new ArrayList<>();
      for (int n = 0; n < BOT_LINES; n++) {
        said.add(bot.say("bot line " + n));
        if (n % 10 == 0) {
          assertEquals(TCP_MEMBERS + 1, client.who().await().size());
        }
      }
      Future.all(said).await(30, TimeUnit.SECONDS);

      List<String> reference = seen.get(0).get(60, TimeUnit.SECONDS);
      for (java.util.concurrent.Future<List<String>> other : seen) {
        assertEquals(reference, other.get(60, TimeUnit.SECONDS));
      }
      List<String> fromEvents = new ArrayList<>();
      long last = -1;
      while (fromEvents.size() < chatLines) {
        ParleyEvent event = events.next();
        if (last >= 0) {
          assertEquals(last + 1, event.seq(), "sequence numbers have no gaps");
        }
        last = event.seq();
        if (event instanceof ChatMessage) {
          fromEvents.add(RoomClientTest.line(event));
        }
      }
      assertEquals(reference, fromEvents);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Reads until {@code count} chat lines have arrived; notices are skipped. */
  private static List<String> chatLinesOf(ChatClient member, int count) {
    List<String> lines = new ArrayList<>(count);
    while (lines.size() < count) {
      String line = member.nextLine();
      if (!line.startsWith("* ")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
