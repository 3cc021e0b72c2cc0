package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.api.MemberLeft;
import dev.parley.api.RoomClient;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.RoomEvents;
import dev.parley.test.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 6, shutdown: notice, flush, close; and section 3.6, the departure reason
 * {@code server shutdown}. On one node every TCP member is told of the shutdown before anyone
 * leaves, so the reason is seen by services on the event bus (and, in a cluster, by members on the
 * other nodes: see {@code cluster.NodeShutdownTest}).
 */
@ExtendWith(VertxExtension.class)
class ShutdownTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  @Test
  void everyClientIsToldAfterItsQueuedOutputThenClosed(Vertx vertx) throws Exception {
    Parley parley = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0));
    ChatClient unnamed = clients.connect(parley.port());
    unnamed.expect("* welcome to parley, what is your name?");
    ChatClient reader = clients.join(parley.port(), "reader");
    ChatClient writer = clients.join(parley.port(), "writer");
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      lines.append("line ").append(i).append('\n');
    }
    writer.sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
    writer.read(50);

    Future<Void> closed = parley.close();

    writer.expect("* server is shutting down");
    writer.expectClosed();
    unnamed.expect("* server is shutting down");
    unnamed.expectClosed();
    reader.expect("* writer has arrived");
    for (int i = 0; i < 50; i++) {
      reader.expect("writer: line " + i);
    }
    reader.expect("* server is shutting down");
    reader.expectClosed();
    closed.await(10, TimeUnit.SECONDS);
    assertThrows(IOException.class, () -> new Socket("127.0.0.1", parley.port()).close());
  }

  @Test
  void aClientThatDoesNotReadCannotHoldTheShutdownPastTheDrainTime(Vertx vertx) throws Exception {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "limits.linesPerSecond", 0,
                "shutdown.drainSeconds", 0.5,
                "slowClient.maxQueuedBytes", 16384));
    ChatClient stuck = clients.connect(parley.port(), null, 4096);
    stuck.expect("* welcome to parley, what is your name?");
    stuck.say("stuck");
    ChatClient writer = clients.join(parley.port(), "writer");
    String padding = "p".repeat(1000);
    for (int batch = 0; batch < 200; batch++) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        lines.append(padding).append('\n');
      }
      writer.sendRaw(lines.toString().getBytes(StandardCharsets.UTF_8));
      writer.read(10);
    }

    parley.close().await(5, TimeUnit.SECONDS);

    writer.readUntil("* server is shutting down");
    writer.expectClosed();
    stuck.drainUntilClosed();
  }

  @Test
  void aServiceOnTheEventBusSeesEveryMemberLeaveForTheShutdown(Vertx vertx) throws Exception {
    Parley parley = TestServer.start(vertx, TestServer.config());
    RoomEvents events = RoomEvents.subscribe(RoomClient.create(vertx));
    ChatClient alice = clients.join(parley.port(), "alice");
    ChatClient bob = clients.join(parley.port(), "bob");
    alice.expect("* bob has arrived");

    parley.close().await(10, TimeUnit.SECONDS);

    alice.expect("* server is shutting down");
    alice.expectClosed();
    bob.expect("* server is shutting down");
    bob.expectClosed();
    List<String> departures = new ArrayList<>();
    while (departures.size() < 2) {
      MemberLeft left = events.nextLeft();
      departures.add(left.name() + " (" + left.reason() + ")");
    }
    departures.sort(null);
    assertEquals(List.of("alice (server shutdown)", "bob (server shutdown)"), departures);
  }
}
