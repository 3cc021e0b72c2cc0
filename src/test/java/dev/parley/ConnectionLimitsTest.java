package dev.parley;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md section 6: the full server and the per-address limit. */
@ExtendWith(VertxExtension.class)
class ConnectionLimitsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  @Test
  void beyondTheConnectionLimitANewConnectionIsToldAndClosed(Vertx vertx) {
    int port = TestServer.start(vertx, TestServer.config("limits.maxConnections", 2)).port();
    ChatClient alice = clients.join(port, "alice");
    ChatClient unnamed = clients.connect(port);
    unnamed.expect("* welcome to parley, what is your name?");

    ChatClient third = clients.connect(port);
    third.expect("! server is full, try again later");
    third.expectClosed();

    unnamed.say("bob");
    unnamed.expect("* you are bob");
    unnamed.expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");
    unnamed.close();
    alice.expect("* bob has left");

    ChatClient carol = clients.join(port, "carol");
    alice.expect("* carol has arrived");
    carol.say("/who");
    carol.expect("* online (2): alice, carol");
  }

  @Test
  void beyondThePerAddressLimitANewConnectionFromThatAddressIsToldAndClosed(Vertx vertx) {
    int port =
        TestServer.start(vertx, TestServer.config("limits.maxConnectionsPerAddress", 2)).port();
    ChatClient one = clients.join(port, "one");
    clients.join(port, "two");
    one.expect("* two has arrived");

    ChatClient third = clients.connect(port, "127.0.0.1", 0);
    third.expect("! too many connections from your address");
    third.expectClosed();

    ChatClient other = clients.connect(port, "127.0.0.2", 0);
    other.expect("* welcome to parley, what is your name?");
    other.say("elsewhere");
    other.expect("* you are elsewhere");
    one.expect("* elsewhere has arrived");
  }

  @Test
  void noPerAddressLimitWhenItIsZero(Vertx vertx) {
    int port =
        TestServer.start(vertx, TestServer.config("limits.maxConnectionsPerAddress", 0)).port();
    for (int i = 0; i < 40; i++) {
      clients.join(port, "user" + i);
    }
    ChatClient last = clients.join(port, "last");
    last.say("/who");
    last.expectStartsWith("* online (41): user0, user1, ");
  }
}
