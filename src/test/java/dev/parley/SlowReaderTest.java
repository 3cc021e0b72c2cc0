package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 6, slow reader: a member that stops reading does not slow anyone else; its
 * lines are dropped and counted while its outbound queue is full, it is told how many it missed,
 * and it is disconnected if it stays full past the slow-client timeout.
 */
@ExtendWith(VertxExtension.class)
class SlowReaderTest {
  private static final Pattern DROPPED =
      Pattern.compile("! (\\d+) messages? (was|were) dropped because your connection was too slow");
  private static final String PADDING = "p".repeat(960);
  private static final int BATCH = 20;

  @RegisterExtension final ChatClients clients = new ChatClients();

  /** A member that joins with a 4 KiB receive buffer, so that its queue fills quickly. */
  private ChatClient slowMember(int port) {
    ChatClient slow = clients.connect(port, null, 4096);
    slow.expect("* welcome to parley, what is your name?");
    slow.say("slow");
    slow.expect("* you are slow");
    slow.expect("* online (1): slow");
    return slow;
  }

  /** Sends lines {@code from} to {@code from + BATCH - 1} and reads their echoes. */
  private static List<String> sendBatch(ChatClient sender, int from) {
    StringBuilder batch = new StringBuilder();
    for (int i = from; i < from + BATCH; i++) {
      batch.append(i).append(' ').append(PADDING).append('\n');
    }
    sender.sendRaw(batch.toString().getBytes(StandardCharsets.UTF_8));
    return sender.read(BATCH);
  }

  @Test
  void aReaderThatStopsLosesLinesAndLearnsTheExactCountWhileOthersLoseNothing(Vertx vertx) {
    int port =
        TestServer.start(
                vertx,
                TestServer.config(
                    "limits.linesPerSecond", 0,
                    "slowClient.maxQueuedBytes", 16384,
                    "slowClient.timeoutSeconds", 600))
            .port();
    ChatClient slow = slowMember(port);
    ChatClient fast = clients.join(port, "fast");

    int total =
        12_000; // about 12 MB: far more than the queue plus the kernel buffers (at most 4 MB here)
    for (int from = 0; from < total; from += BATCH) {
      List<String> echoes = sendBatch(fast, from);
      for (int i = 0; i < BATCH; i++) {
        assertTrue(echoes.get(i).startsWith("fast: " + (from + i) + " "), echoes.get(i));
      }
    }
    slow.expect("* fast has arrived");
    int expected = 0;
    int notices = 0;
    int received = 0;
    while (notices == 0) {
      String line = slow.nextLine();
      Matcher dropped = DROPPED.matcher(line);
      if (dropped.matches()) {
        expected += Integer.parseInt(dropped.group(1));
        notices++;
      } else {
        assertEquals("fast: " + expected + " " + PADDING, line, "line out of order or lost");
        expected++;
        received++;
      }
    }
    assertEquals(total, expected, "lines received plus lines reported dropped");
    fast.say("after");
    fast.expect("fast: after");
    slow.expect("fast: after");
    assertTrue(notices >= 1, "the slow reader was never told of dropped lines");
    System.out.printf(
        "slow reader: %d lines received, %d dropped, %d notices%n",
        received, total - received, notices);
    assertTrue(
        received < total / 2,
        "the server queued " + received + " of " + total + " lines instead of dropping them");
  }

  @Test
  void aReaderFullForLongerThanTheTimeoutIsDisconnected(Vertx vertx) {
    int port =
        TestServer.start(
                vertx,
                TestServer.config(
                    "limits.linesPerSecond",
                    0,
                    "slowClient.maxQueuedBytes",
                    16384,
                    "slowClient.timeoutSeconds",
                    0.3,
                    "idle.sweepSeconds",
                    0.05))
            .port();
    ChatClient slow = slowMember(port);
    ChatClient fast = clients.join(port, "fast");

    boolean departed = false;
    for (int from = 0; from < 1_000_000 && !departed; from += BATCH) {
      StringBuilder batch = new StringBuilder();
      for (int i = from; i < from + BATCH; i++) {
        batch.append(i).append(' ').append(PADDING).append('\n');
      }
      fast.sendRaw(batch.toString().getBytes(StandardCharsets.UTF_8));
      int echoes = 0;
      while (echoes < BATCH) {
        String line = fast.nextLine();
        if (line.equals("* slow has left (too slow)")) {
          departed = true;
        } else {
          assertEquals("fast: " + (from + echoes) + " " + PADDING, line);
          echoes++;
        }
      }
    }
    assertTrue(departed, "the slow reader was never disconnected");
    slow.drainUntilClosed();
    fast.say("/who");
    fast.expect("* online (1): fast");
  }
}
