package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.ParleyConfig;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
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

  /**
   * No flood control, a 16 KiB outbound queue (behind the default 64 KiB kernel send buffer), and
   * no slow-client disconnect during the test.
   */
  private static final ParleyConfig QUEUE_16K =
      TestServer.config(
          "limits.linesPerSecond", 0,
          "slowClient.maxQueuedBytes", 16384,
          "slowClient.timeoutSeconds", 600);

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

  /** Lines {@code from} to {@code from + BATCH - 1}, each about 1 KB, as one write. */
  private static byte[] batch(int from) {
    StringBuilder batch = new StringBuilder();
    for (int i = from; i < from + BATCH; i++) {
      batch.append(i).append(' ').append(PADDING).append('\n');
    }
    return batch.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Sends lines {@code from} to {@code from + BATCH - 1} and reads their echoes. */
  private static List<String> sendBatch(ChatClient sender, int from) {
    sender.sendRaw(batch(from));
    return sender.read(BATCH);
  }

  @Test
  void aReaderThatStopsLosesLinesAndLearnsTheExactCountWhileOthersLoseNothing(Vertx vertx) {
    int port = TestServer.start(vertx, QUEUE_16K).port();
    ChatClient slow = slowMember(port);
    ChatClient fast = clients.join(port, "fast");

    // About 1.2 MB: far more than the queue and the kernel buffers hold (16 KiB, the server's
    // 64 KiB send buffer, which Linux doubles, and the client's 4 KiB receive buffer).
    int total = 1_200;
    for (int from = 0; from < total; from += BATCH) {
      List<String> echoes = sendBatch(fast, from);
      for (int i = 0; i < BATCH; i++) {
        assertTrue(echoes.get(i).startsWith("fast: " + (from + i) + " "), echoes.get(i));
      }
    }
    slow.expect("* fast has arrived");
    // The slow member may be on another event loop than the fast one, so some of the lines may
    // still be on their way to its outbox when its queue first drains: read everything up to
    // "after", sent once the slow member has been told of its first dropped lines. Each line is
    // either received, in order, or counted in the notice that comes before the next line.
    int received = 0;
    long dropped = 0;
    int next = 0;
    int notices = 0;
    String firstNotice = null;
    for (String line = slow.nextLine(); !line.equals("fast: after"); line = slow.nextLine()) {
      Matcher notice = DROPPED.matcher(line);
      if (notice.matches()) {
        long count = Long.parseLong(notice.group(1));
        assertTrue(count > 0, "a notice of no dropped line: " + line);
        dropped += count;
        next += (int) count;
        notices++;
        if (firstNotice == null) {
          firstNotice = line;
          fast.say("after");
          fast.expect("fast: after");
        }
      } else {
        assertTrue(line.startsWith("fast: ") && line.endsWith(" " + PADDING), line);
        int number = Integer.parseInt(line.substring(6, line.indexOf(' ', 6)));
        assertEquals(next, number, "a line lost without being counted, or out of order");
        received++;
        next++;
      }
    }
    System.out.printf(
        "slow reader: %d lines received, %d dropped, %d notices%n", received, dropped, notices);
    assertTrue(firstNotice != null, "the slow reader was never told of dropped lines");
    assertTrue(
        received < total / 2,
        "the server queued " + received + " of " + total + " lines instead of dropping them");
    assertEquals(total, next, "lines received and counted as dropped");
  }

  /** Lines the server wrote to clients plus lines it dropped for slow readers. */
  private static double linesHandled(MeterRegistry meters) {
    return meters.get("parley.lines.out").counter().count() + dropped(meters);
  }

  private static double dropped(MeterRegistry meters) {
    return meters.get("parley.lines.dropped").counter().count();
  }

  /** Waits, for at most ten seconds, until the server has written or dropped {@code lines}. */
  private static void awaitLinesHandled(MeterRegistry meters, long lines) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (linesHandled(meters) < lines) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the server handled " + linesHandled(meters) + " lines, not " + lines + ", in 10 s");
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void oneMissedLineIsToldInTheSingularBeforeTheNextLine(Vertx vertx) {
    MeterRegistry meters = new SimpleMeterRegistry();
    int port = TestServer.start(vertx, QUEUE_16K, meters).port();
    ChatClient slow = slowMember(port);
    ChatClient fast = clients.join(port, "fast");
    slow.expect("* fast has arrived");
    // The seven lines read so far: three to each member as it joined, and the arrival.
    long handled = 7;

    // One line at a time, each written or dropped for both members before the next is sent, until
    // the first one the slow reader's full queue cannot take.
    int sent = 0;
    while (dropped(meters) == 0) {
      assertTrue(sent < 100_000, "the slow reader's queue never filled");
      fast.say(sent + " " + PADDING);
      fast.expect("fast: " + sent + " " + PADDING);
      sent++;
      handled += 2;
      awaitLinesHandled(meters, handled);
    }
    assertEquals(1.0, dropped(meters), "lines dropped");

    for (int i = 0; i < sent - 1; i++) {
      slow.expect("fast: " + i + " " + PADDING);
    }
    slow.expect("! 1 message was dropped because your connection was too slow");
    fast.say("after");
    fast.expect("fast: after");
    slow.expect("fast: after");
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
      fast.sendRaw(batch(from));
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
