package dev.parley;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ManualTimeSource;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 12's rules that depend on the settings and the clock: the limit of wrong
 * passwords from one address (10 in 10 minutes, counted on the node's clock, here a manual one),
 * {@code accounts.registration} closed, and {@code accounts.guests} false, where server operators
 * make the accounts with {@code /register NAME PASSWORD}.
 */
@ExtendWith(VertxExtension.class)
class AccountRulesTest {
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final ChatClients clients = new ChatClients();

  private static void register(ChatClient client, String name) {
    client.say("/register " + PASSWORD);
    client.expect("* " + name + " is registered: from now on give your password after your name");
  }

  /** Gives a wrong password for {@code name}; returns whether the connection is still open. */
  private static void wrong(ChatClient client, String name, boolean last) {
    client.say(name);
    client.expect("* " + name + " is registered, what is its password?");
    client.say("not the password");
    if (last) {
      client.expect("* disconnected: too many wrong passwords");
      client.expectClosed();
    } else {
      client.expect("! wrong password for " + name);
      client.expect("* what is your name?");
    }
  }

  @Test
  void anAddressThatGaveTenWrongPasswordsWaitsUntilTheOldestIsTenMinutesOld(Vertx vertx) {
    ManualTimeSource time = new ManualTimeSource();
    int port = TestServer.start(vertx, TestServer.config(), time).port();
    register(clients.join(port, "alice"), "alice");
    int given = 0;
    while (given < 10) {
      ChatClient client = clients.connect(port);
      client.expect("* welcome to parley, what is your name?");
      for (int i = 1; i <= 3 && given < 10; i++, given++) {
        wrong(client, "alice", i == 3);
      }
    }
    ChatClient next = clients.connect(port);
    next.expect("* welcome to parley, what is your name?");
    next.say("alice");
    next.expect("! too many wrong passwords from your address, try again in 600 s");
    next.expect("* what is your name?");
    time.advance(Duration.ofSeconds(599));
    next.say("alice");
    next.expect("! too many wrong passwords from your address, try again in 1 s");
    next.expect("* what is your name?");
    next.say("bob");
    next.expect("* you are bob");

    time.advance(Duration.ofSeconds(1));
    ChatClient later = clients.connect(port);
    later.expect("* welcome to parley, what is your name?");
    later.say("alice");
    later.expect("* alice is registered, what is its password?");
    ChatClient other = clients.connect(port, "127.0.0.2", 0);
    other.expect("* welcome to parley, what is your name?");
    other.say("alice");
    other.expect("* alice is registered, what is its password?");
  }

  @Test
  void closedRegistrationRefusesGuestsButNotServerOperators(Vertx vertx) {
    int port =
        TestServer.start(
                vertx,
                TestServer.config(
                    "accounts.registration",
                    "closed",
                    "accounts.operators",
                    new JsonArray().add("root")))
            .port();
    ChatClient bob = clients.join(port, "bob");
    bob.say("/register " + PASSWORD);
    bob.expect("! registration is closed on this server");
    // The first account is made on the command line or over the event bus; here as the API would.
    ChatClient root = clients.join(port, "root");
    root.say("/register " + PASSWORD);
    root.expect("! registration is closed on this server");
  }

  @Test
  void withoutGuestsOnlyRegisteredNamesJoinAndOperatorsRegisterThem(Vertx vertx) throws Exception {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "accounts.guests", false, "accounts.operators", new JsonArray().add("root")));
    int port = parley.port();
    ChatClient stranger = clients.connect(port);
    stranger.expect("* welcome to parley, what is your name?");
    stranger.say("bob");
    stranger.expect("! only registered names may join this server");
    stranger.expect("* what is your name?");
    stranger.say("");
    stranger.expect("! only registered names may join this server");
    stranger.expect("* what is your name?");

    // The first account, as `parley account add root` or the event-bus API would make it.
    parley
        .accounts()
        .register("root", PASSWORD, true)
        .await(10, java.util.concurrent.TimeUnit.SECONDS);
    ChatClient root = clients.connect(port);
    root.expect("* welcome to parley, what is your name?");
    root.say("root");
    root.expect("* root is registered, what is its password?");
    root.say(PASSWORD);
    root.expect("* you are root");
    root.expect("* online (1): root");
    root.say("/register bob another password");
    root.expect("* bob is registered: from now on give your password after your name");

    stranger.say("bob");
    stranger.expect("* bob is registered, what is its password?");
    stranger.say("another password");
    stranger.expect("* you are bob");
  }
}
