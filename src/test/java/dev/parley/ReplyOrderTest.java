package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 8, "A client's lines are answered in the order it sent them": lines sent in
 * one write (one WebSocket frame), chat mixed with over-long lines, flood-refused lines and
 * commands, get their echoes and replies in the order of the lines.
 */
@ExtendWith(VertxExtension.class)
class ReplyOrderTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private static String tooLong() {
    return "x".repeat(1025);
  }

  private static void sendAtOnce(ChatClient client, String... lines) {
    client.sendRaw((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aLineTooLongIsRefusedAfterTheEchoOfTheLineBeforeIt(Vertx vertx) {
    int port = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0)).port();
    ChatClient alice = clients.join(port, "alice");
    for (int i = 0; i < 20; i++) {
      sendAtOnce(alice, "before " + i, tooLong(), "after " + i);
      assertEquals(
          List.of("alice: before " + i, "! line too long (max 1024 bytes)", "alice: after " + i),
          alice.read(3));
    }
  }

  @Test
  void chatCommandsAndRefusalsAreAnsweredInTheOrderOfTheLines(Vertx vertx) {
    int port = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0)).port();
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
    for (int i = 0; i < 10; i++) {
      sendAtOnce(
          alice,
          "one " + i,
          "/who",
          "two " + i,
          tooLong(),
          "three " + i,
          "/nope",
          "four " + i,
          "/rooms",
          "/msg bob psst " + i,
          "five " + i,
          "/history 1",
          "six " + i);
      assertEquals(
          List.of(
              "alice: one " + i,
              "* online (2): alice, bob",
              "alice: two " + i,
              "! line too long (max 1024 bytes)",
              "alice: three " + i,
              "! unknown command /nope, try /help",
              "alice: four " + i,
              "* rooms (1): #lobby (2)",
              "(private to bob) alice: psst " + i,
              "alice: five " + i,
              "* history (1):"),
          alice.read(11));
      alice.expectStartsWith("[");
      alice.expect("alice: six " + i);
    }
  }

  @Test
  void aFloodRefusalComesAfterTheEchoesOfTheLinesBeforeIt(Vertx vertx) {
    int port =
        TestServer.start(
                vertx, TestServer.config("limits.linesPerSecond", 1, "limits.lineBurst", 3))
            .port();
    ChatClient alice = clients.join(port, "alice");
    sendAtOnce(alice, "a", "b", "c", "d", "e");
    assertEquals(
        List.of("alice: a", "alice: b", "! slow down: at most 1 lines per second"), alice.read(3));
  }
}
