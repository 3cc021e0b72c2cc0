package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.api.RoomClient;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ManualTimeSource;
import dev.parley.test.TestServer;
import dev.parley.values.RosterEntry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 6, idle client: silence for the idle timeout ends a connection. The clock is
 * moved by the test; the sweeps run every 50 ms of real time.
 */
@ExtendWith(VertxExtension.class)
class IdleTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private final ManualTimeSource time = new ManualTimeSource();

  private int start(Vertx vertx, Object... settings) {
    Object[] all = new Object[settings.length + 2];
    all[0] = "idle.sweepSeconds";
    all[1] = 0.05;
    System.arraycopy(settings, 0, all, 2, settings.length);
    return TestServer.start(vertx, TestServer.config(all), time).port();
  }

  @Test
  void anIdleMemberIsDisconnectedAndTheOthersSeeWhy(Vertx vertx) {
    int port = start(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");

    time.advance(Duration.ofSeconds(200));
    bob.say("/who");
    bob.expect("* online (2): alice, bob");
    time.advance(Duration.ofSeconds(101));

    alice.expect("* disconnected: idle for more than 300 s");
    alice.expectClosed();
    bob.expect("* alice has left (idle)");
    bob.say("still here");
    bob.expect("bob: still here");
  }

  /**
   * The room's roster (over the event-bus API, which touches no one) until {@code name}'s idle
   * seconds are {@code seconds}, for at most ten seconds of real time.
   */
  private static void awaitIdleSeconds(RoomClient room, String name, long seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    long idle = idleSeconds(room, name);
    while (idle != seconds && System.nanoTime() < deadline) {
      idle = idleSeconds(room, name);
    }
    assertEquals(seconds, idle, name + "'s idle seconds in the room's roster");
  }

  private static long idleSeconds(RoomClient room, String name) {
    return room.who().await().stream()
        .filter(entry -> entry.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " is not in the roster"))
        .idleSeconds();
  }

  @Test
  void anEmptyLineAloneCountsAsActivity(Vertx vertx) {
    // Alice sends nothing else: only the empty line can make the room see her as active.
    assertAliceStaysAfter(vertx, start(vertx), alice -> alice.say(""));
  }

  @Test
  void anOverLongLineCountsAsActivityToo(Vertx vertx) {
    assertAliceStaysAfter(
        vertx,
        start(vertx, "limits.maxLineBytes", 16),
        alice -> {
          alice.say("x".repeat(17));
          alice.expect("! line too long (max 16 bytes)");
        });
  }

  /**
   * Alice and bob are silent for 299 s of the 300 s timeout; then alice does {@code act}, which
   * must count as activity: the room sees her idle for 0 s, and two seconds later bob is
   * disconnected for idleness while alice stays.
   */
  private void assertAliceStaysAfter(Vertx vertx, int port, Consumer<ChatClient> act) {
    RoomClient room = RoomClient.create(vertx);
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");

    time.advance(Duration.ofSeconds(299));
    assertEquals(299, idleSeconds(room, "alice"));
    act.accept(alice);
    awaitIdleSeconds(room, "alice", 0);
    time.advance(Duration.ofSeconds(2));

    bob.expect("* disconnected: idle for more than 300 s");
    bob.expectClosed();
    alice.expect("* bob has left (idle)");
    alice.say("/who");
    alice.expect("* online (1): alice");
  }

  @Test
  void aConnectionThatNeverGivesANameIsClosedAfterTheSameTime(Vertx vertx) {
    // One listener, so that one sweep judges both unnamed connections at one reading of the clock.
    int port = start(vertx, "server.instances", 1);
    ChatClient early = clients.connect(port);
    early.expect("* welcome to parley, what is your name?");
    time.advance(Duration.ofSeconds(2));
    ChatClient silent = clients.connect(port);
    silent.expect("* welcome to parley, what is your name?");

    // 301 s for early, 299 s for silent: the sweep that closes early leaves silent open.
    time.advance(Duration.ofSeconds(299));
    early.expect("* disconnected: idle for more than 300 s");
    early.expectClosed();
    silent.say("no name");
    silent.expect("! name may contain only letters, digits, \"_\", \"-\" and \".\"");
    silent.expect("* what is your name?");

    // The refused name was its last line: 301 s later it is closed, as a member silent as long.
    ChatClient member = clients.join(port, "member");
    time.advance(Duration.ofSeconds(301));
    silent.expect("* disconnected: idle for more than 300 s");
    silent.expectClosed();
    member.expect("* disconnected: idle for more than 300 s");
    member.expectClosed();
  }

  @Test
  void aBusMemberIsNeverDisconnectedForIdleness(Vertx vertx) {
    int port = start(vertx, "idle.timeoutSeconds", 10);
    RoomClient room = RoomClient.create(vertx);
    room.join("bot").await();
    ChatClient alice = clients.join(port, "alice");

    time.advance(Duration.ofSeconds(11));
    // The room's sweep that removes alice judges the bot, silent for as long, at the same time.
    alice.expect("* disconnected: idle for more than 10 s");
    alice.expectClosed();
    assertEquals(List.of("bot"), room.who().await().stream().map(RosterEntry::name).toList());
    assertEquals(11, idleSeconds(room, "bot"));
  }

  @Test
  void secondsPrintAsConfigured(Vertx vertx) {
    int port = start(vertx, "idle.timeoutSeconds", 1.5);
    ChatClient alice = clients.join(port, "alice");
    time.advance(Duration.ofMillis(1600));
    alice.expect("* disconnected: idle for more than 1.5 s");
    alice.expectClosed();
  }
}
