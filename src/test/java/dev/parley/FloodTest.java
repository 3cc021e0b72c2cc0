package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ManualTimeSource;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 6, flood: a token bucket of 20 lines refilled at 10 per second, with at most
 * one warning per second. The clock stands still unless the test moves it.
 */
@ExtendWith(VertxExtension.class)
class FloodTest {
  private static final String SLOW_DOWN = "! slow down: at most 10 lines per second";

  /**
   * An over-long line is answered at once and is not metered, so its answer shows that every line
   * sent before it has been handled: only then may the test move the clock.
   */
  private static final String MARKER = "x".repeat(1025);

  private static final String MARKER_SEEN = "! line too long (max 1024 bytes)";

  @RegisterExtension final ChatClients clients = new ChatClients();

  private final ManualTimeSource time = new ManualTimeSource();

  private static byte[] lines(String prefix, int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i <= to; i++) {
      out.append(prefix).append(i).append('\n');
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> echoes(String prefix, int from, int to) {
    List<String> lines = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      lines.add("alice: " + prefix + i);
    }
    return lines;
  }

  @Test
  void linesBeyondTheBurstAreDroppedWithOneWarningPerSecond(Vertx vertx) {
    int port = TestServer.start(vertx, TestServer.config(), time).port();
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");

    alice.sendRaw(lines("m", 1, 25));
    alice.say(MARKER);
    List<String> seen = alice.readUntil(MARKER_SEEN);
    seen.remove(MARKER_SEEN);
    time.advance(Duration.ofSeconds(1));
    alice.say("after");
    seen.addAll(alice.readUntil("alice: after"));
    assertEquals(1, seen.stream().filter(SLOW_DOWN::equals).count(), seen::toString);
    seen.remove(SLOW_DOWN);
    // The bucket was full when alice connected; her name line took the first token.
    List<String> expected = echoes("m", 1, 19);
    expected.add("alice: after");
    assertEquals(expected, seen);
    assertEquals(expected, bob.readUntil("alice: after"));

    // One second refilled 10 tokens and "after" took one: 9 of the next 15 pass.
    alice.sendRaw(lines("n", 1, 15));
    alice.say(MARKER);
    List<String> second = alice.readUntil(MARKER_SEEN);
    time.advance(Duration.ofSeconds(1));
    alice.say("again");
    second.addAll(alice.readUntil("alice: again"));
    assertEquals(1, second.stream().filter(SLOW_DOWN::equals).count(), second::toString);
    List<String> expectedSecond = echoes("n", 1, 9);
    expectedSecond.add("alice: again");
    assertEquals(expectedSecond, bob.readUntil("alice: again"));
  }

  @Test
  void noLimitWhenLinesPerSecondIsZero(Vertx vertx) {
    int port = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0), time).port();
    ChatClient alice = clients.join(port, "alice");
    alice.sendRaw(lines("m", 1, 100));
    assertEquals(echoes("m", 1, 100), alice.read(100));
  }
}
