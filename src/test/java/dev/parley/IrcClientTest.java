package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.IrcClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.engio.mbassy.listener.Handler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.kitteh.irc.client.library.Client;
import org.kitteh.irc.client.library.Client.Builder.Server.SecurityType;
import org.kitteh.irc.client.library.event.channel.ChannelCtcpEvent;
import org.kitteh.irc.client.library.event.channel.ChannelJoinEvent;
import org.kitteh.irc.client.library.event.channel.ChannelMessageEvent;
import org.kitteh.irc.client.library.feature.auth.SaslPlain;

/**
 * A real IRC client library (Kitteh IRC Client Library, as bots use it) against Parley's IRC port:
 * it negotiates its capabilities, logs in to a registered nick with SASL PLAIN, joins a room and
 * talks with a line member both ways (PROTOCOL.md sections 12 and 14).
 */
@ExtendWith(VertxExtension.class)
class IrcClientTest {
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final ChatClients clients = new ChatClients();

  private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
  private Client irc;
  private int port;
  private int ircPort;

  @BeforeEach
  void start(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0));
    port = parley.port();
    ircPort = parley.ircPort();
  }

  @AfterEach
  void stop() {
    if (irc != null) {
      irc.shutdown("done");
    }
  }

  /** What the client library reports, as text the test can wait for. */
  public final class Events {
    @Handler
    public void joined(ChannelJoinEvent event) {
      seen.add("join " + event.getActor().getNick() + " " + event.getChannel().getName());
    }

    @Handler
    public void message(ChannelMessageEvent event) {
      seen.add("message " + event.getActor().getNick() + " " + event.getMessage());
    }

    @Handler
    public void ctcp(ChannelCtcpEvent event) {
      seen.add("ctcp " + event.getActor().getNick() + " " + event.getMessage());
    }
  }

  private void await(String expected) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ChatClient.TIMEOUT_MILLIS);
    while (System.nanoTime() < deadline) {
      String event = seen.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (expected.equals(event)) {
        return;
      }
    }
    throw new AssertionError("the IRC client did not report <" + expected + ">");
  }

  @Test
  void aClientLibraryLogsInWithSaslJoinsAndTalksWithALineMember() throws InterruptedException {
    IrcClients.account(clients, port, "dora", PASSWORD);
    ChatClient bob = clients.join(port, "bob");

    irc =
        Client.builder()
            .nick("dora")
            .user("dora")
            .realName("Dora")
            .server()
            .host("127.0.0.1")
            .port(ircPort, SecurityType.INSECURE)
            .then()
            .build();
    irc.getAuthManager().addProtocol(new SaslPlain(irc, "dora", PASSWORD));
    irc.getEventManager().registerEventListener(new Events());
    irc.addChannel("#lobby");
    irc.connect();

    await("join dora #lobby");
    bob.expect("* dora has arrived");
    assertEquals("dora", irc.getNick());
    assertNotNull(irc.getChannel("#lobby").orElse(null));

    irc.sendMessage("#lobby", "hello from a library");
    bob.expect("dora: hello from a library");
    bob.say("hello, library");
    bob.expect("bob: hello, library");
    await("message bob hello, library");
    bob.say("//me waves");
    bob.expect("bob: /me waves");
    await("ctcp bob ACTION waves");
    irc.sendCtcpMessage("#lobby", "ACTION waves back");
    bob.expect("dora: /me waves back");
  }
}
