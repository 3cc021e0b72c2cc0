package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 6, slow reader, on the IRC port: an IRC client that stops reading loses lines
 * while its outbound queue is full, is told how many in a server NOTICE before the next line, and
 * is disconnected when it stays full past the slow-client timeout; the others lose nothing.
 */
@ExtendWith(VertxExtension.class)
class IrcSlowReaderTest {
  private static final Pattern DROPPED =
      Pattern.compile(
          ":parley NOTICE \\* :(\\d+) messages? (was|were) dropped because your connection was too"
              + " slow");
  private static final String PADDING = "p".repeat(400);
  private static final int BATCH = 20;

  @RegisterExtension final ChatClients clients = new ChatClients();

  /** An IRC client in #lobby with a 4 KiB receive buffer, so that its queue fills quickly. */
  private ChatClient slowIrcMember(int ircPort) {
    ChatClient slow = clients.connect(ircPort, null, 4096);
    slow.say("NICK slow");
    slow.say("USER slow 0 * :slow");
    slow.readUntil(":parley 422 slow :MOTD File is missing");
    slow.say("JOIN #lobby");
    slow.readUntil(":parley 366 slow #lobby :End of /NAMES list");
    return slow;
  }

  private static byte[] batch(int from) {
    StringBuilder batch = new StringBuilder();
    for (int i = from; i < from + BATCH; i++) {
      batch.append(i).append(' ').append(PADDING).append('\n');
    }
    return batch.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anIrcClientThatStopsReadingLosesLinesAndLearnsTheExactCount(Vertx vertx) {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "limits.linesPerSecond", 0,
                "slowClient.maxQueuedBytes", 16384,
                "slowClient.timeoutSeconds", 600));
    ChatClient slow = slowIrcMember(parley.ircPort());
    ChatClient fast = clients.join(parley.port(), "fast");
    int total = 2_000;
    for (int from = 0; from < total; from += BATCH) {
      fast.sendRaw(batch(from));
      for (int i = 0; i < BATCH; i++) {
        assertEquals("fast: " + (from + i) + " " + PADDING, fast.nextLine());
      }
    }
    slow.expect(":fast!fast@parley JOIN #lobby");
    long dropped = 0;
    int next = 0;
    boolean told = false;
    for (String line = slow.nextLine();
        !line.equals(":fast!fast@parley PRIVMSG #lobby :after");
        line = slow.nextLine()) {
      Matcher notice = DROPPED.matcher(line);
      if (notice.matches()) {
        long count = Long.parseLong(notice.group(1));
        dropped += count;
        next += (int) count;
        if (!told) {
          told = true;
          fast.say("after");
          fast.expect("fast: after");
        }
      } else {
        String prefix = ":fast!fast@parley PRIVMSG #lobby :";
        assertTrue(line.startsWith(prefix) && line.endsWith(" " + PADDING), line);
        int number =
            Integer.parseInt(line.substring(prefix.length(), line.indexOf(' ', prefix.length())));
        assertEquals(next, number, "a line lost without being counted, or out of order");
        next++;
      }
    }
    assertTrue(told, "the slow IRC client was never told of dropped lines");
    assertTrue(dropped > 0);
    assertEquals(total, next, "lines received and counted as dropped");
  }

  @Test
  void anIrcClientFullForLongerThanTheTimeoutIsDisconnected(Vertx vertx) {
    Parley parley =
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
                0.05));
    ChatClient slow = slowIrcMember(parley.ircPort());
    ChatClient fast = clients.join(parley.port(), "fast");
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
    assertTrue(departed, "the slow IRC client was never disconnected");
    slow.drainUntilClosed();
    fast.say("/who");
    fast.expect("* online (1): fast");
  }
}
