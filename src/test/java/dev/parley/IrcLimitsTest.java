package dev.parley;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.IrcClients;
import dev.parley.test.ManualTimeSource;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 6 on the IRC port: flood control, the connection limits, the longest line and
 * the idle timeout (PING at half of it, {@code ERROR :Closing link: ping timeout} at the end), each
 * provoked. The clock is moved by the test; the sweeps run every 50 ms of real time.
 */
@ExtendWith(VertxExtension.class)
class IrcLimitsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private final ManualTimeSource time = new ManualTimeSource();

  private Parley start(Vertx vertx, Object... settings) {
    Object[] all = new Object[settings.length + 2];
    all[0] = "idle.sweepSeconds";
    all[1] = 0.05;
    System.arraycopy(settings, 0, all, 2, settings.length);
    return TestServer.start(vertx, TestServer.config(all), time);
  }

  private ChatClient irc(int ircPort, String nick) {
    return IrcClients.register(clients, ircPort, nick, null);
  }

  @Test
  void messagesBeyondTheBurstAreDroppedWithOneNotice(Vertx vertx) {
    Parley parley = start(vertx, "limits.linesPerSecond", 1, "limits.lineBurst", 5);
    ChatClient bob = clients.join(parley.port(), "bob");
    ChatClient alice = irc(parley.ircPort(), "alice");
    alice.say("JOIN #lobby");
    alice.readUntil(":parley 366 alice #lobby :End of /NAMES list");
    bob.expect("* alice has arrived");
    // NICK, USER and JOIN took three of the five; two more pass, the rest are dropped.
    for (int i = 1; i <= 6; i++) {
      alice.say("PRIVMSG #lobby :m" + i);
    }
    alice.expect(":parley NOTICE alice :slow down: at most 1 lines per second");
    bob.expect("alice: m1");
    bob.expect("alice: m2");
    time.advance(Duration.ofSeconds(1));
    alice.say("PRIVMSG #lobby :after a second");
    bob.expect("alice: after a second");
  }

  @Test
  void beyondTheConnectionLimitsAnIrcClientGetsAnErrorAndIsClosed(Vertx vertx) {
    Parley full = start(vertx, "limits.maxConnections", 1);
    clients.join(full.port(), "bob");
    ChatClient refused = clients.connect(full.ircPort());
    refused.expect("ERROR :Closing link: server is full, try again later");
    refused.expectClosed();
  }

  @Test
  void beyondThePerAddressLimitAnIrcClientGetsAnErrorAndIsClosed(Vertx vertx) {
    Parley parley = start(vertx, "limits.maxConnectionsPerAddress", 1);
    irc(parley.ircPort(), "alice");
    ChatClient refused = clients.connect(parley.ircPort());
    refused.expect("ERROR :Closing link: too many connections from your address");
    refused.expectClosed();
  }

  @Test
  void aSilentClientIsPingedAtHalfTheIdleTimeoutAndClosedAtTheEnd(Vertx vertx) {
    Parley parley = start(vertx);
    ChatClient bob = clients.join(parley.port(), "bob");
    ChatClient alice = irc(parley.ircPort(), "alice");
    alice.say("JOIN #lobby");
    alice.readUntil(":parley 366 alice #lobby :End of /NAMES list");
    bob.expect("* alice has arrived");

    time.advance(Duration.ofSeconds(151));
    alice.expect("PING parley");
    alice.say("PONG parley");
    bob.say("/who");
    bob.expectStartsWith("* online (");
    // The PONG is activity: the next PING comes half a timeout after it.
    alice.say("PING :sync");
    alice.expect(":parley PONG parley :sync");
    time.advance(Duration.ofSeconds(151));
    alice.expect("PING parley");
    bob.say("/who");
    bob.expectStartsWith("* online (");
    time.advance(Duration.ofSeconds(150));
    alice.expect("ERROR :Closing link: ping timeout");
    alice.expectClosed();
    bob.expect("* alice has left (idle)");
  }

  @Test
  void aLineLongerThanAnIrcMessageAllowsGets417AndTheSessionGoesOn(Vertx vertx) {
    Parley parley = start(vertx, "limits.linesPerSecond", 0);
    ChatClient alice = irc(parley.ircPort(), "alice");
    alice.say("PRIVMSG #lobby :" + "x".repeat(9000));
    alice.expect(":parley 417 alice :Input line was too long");
    alice.say("PING :next");
    alice.expect(":parley PONG parley :next");
  }
}
