package dev.parley;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md section 3: a session from greeting to departure. */
@ExtendWith(VertxExtension.class)
class SessionTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private int port;

  @BeforeEach
  void start(Vertx vertx) {
    port = TestServer.start(vertx, TestServer.config()).port();
  }

  @Test
  void twoClientsChatAsInTheBook() {
    ChatClient alice = clients.connect(port);

    alice.expect("* welcome to parley, what is your name?");
    alice.say("alice");
    alice.expect("* you are alice");
    alice.expect("* online (1): alice");

    ChatClient bob = clients.connect(port);

    bob.expect("* welcome to parley, what is your name?");
    bob.say("bob");
    bob.expect("* you are bob");
    bob.expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");

    alice.say("hi bob");
    alice.expect("alice: hi bob");
    bob.expect("alice: hi bob");
    bob.say("hello alice");
    bob.expect("bob: hello alice");
    alice.expect("bob: hello alice");
    bob.close();
    alice.expect("* bob has left");
  }

  @Test
  void threeClientsSeeArrivalsMessagesAndDeparturesInOneOrder() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");

    alice.expect("* bob has arrived");
    ChatClient carol = clients.connect(port);

    carol.expect("* welcome to parley, what is your name?");
    carol.say("carol");
    carol.expect("* you are carol");
    carol.expect("* online (3): alice, bob, carol");
    alice.expect("* carol has arrived");
    bob.expect("* carol has arrived");

    bob.say("anyone here?");
    for (ChatClient c : new ChatClient[] {alice, bob, carol}) {
      c.expect("bob: anyone here?");
    }
    carol.say("/quit off to lunch");
    carol.expect("* bye");
    carol.expectClosed();
    alice.expect("* carol has left (off to lunch)");
    bob.expect("* carol has left (off to lunch)");
    bob.say("bye alice");
    alice.expect("bob: bye alice");
  }

  @Test
  void anEmptyNameLineAsksForAGuestName() {
    ChatClient guest = clients.connect(port);

    guest.expect("* welcome to parley, what is your name?");
    guest.say("");
    guest.expect("* you are guest1");
    guest.expect("* online (1): guest1");
    ChatClient other = clients.connect(port);

    other.expect("* welcome to parley, what is your name?");
    other.say("   ");
    other.expect("* you are guest2");
    other.expect("* online (2): guest1, guest2");
  }

  @Test
  void anInvalidOrTakenNameIsRefusedAndAskedAgain() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient other = clients.connect(port);

    other.expect("* welcome to parley, what is your name?");
    other.say("alice");
    other.expect("! name \"alice\" is taken");
    other.expect("* what is your name?");
    other.say("al ice");
    other.expect("! name may contain only letters, digits, \"_\", \"-\" and \".\"");
    other.expect("* what is your name?");
    other.say("alicia");
    other.expect("* you are alicia");
    other.expect("* online (2): alice, alicia");
    alice.expect("* alicia has arrived");
  }

  @Test
  void theNewcomerDoesNotSeeItsOwnArrivalAndTheRosterIsInArrivalOrder() {
    ChatClient zed = clients.join(port, "zed");
    ChatClient amy = clients.join(port, "amy");

    zed.expect("* amy has arrived");
    ChatClient bo = clients.connect(port);

    bo.expect("* welcome to parley, what is your name?");
    bo.say("bo");
    bo.expect("* you are bo");
    bo.expect("* online (3): zed, amy, bo");
    amy.expect("* bo has arrived");
    bo.say("first");
    bo.expect("bo: first");
  }

  @Test
  void anEmptyLineIsNotBroadcast() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");

    alice.expect("* bob has arrived");
    alice.say("");
    alice.say("   \t ");
    alice.say("after");
    bob.expect("alice: after");
    alice.expect("alice: after");
  }

  @Test
  void aNameAndLinesSentAtOnceAreHandledInOrder() {
    ChatClient bot = clients.connect(port);

    bot.sendRaw("bot\nfirst\nsecond\n/who\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    bot.expect("* welcome to parley, what is your name?");
    bot.expect("* you are bot");
    bot.expect("* online (1): bot");
    bot.expect("bot: first");
    bot.expect("bot: second");
    bot.expect("* online (1): bot");
  }

  @Test
  void aClientThatClosesLeavesWithoutAReason() {
    ChatClient alice = clients.join(port, "alice");

    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
    bob.close();
    alice.expect("* bob has left");
  }

  @Test
  void aClientWhoseConnectionIsResetLeavesWithoutAReason() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");

    bob.reset();

    alice.expect("* bob has left");
    alice.say("/who");
    alice.expect("* online (1): alice");
  }

  @Test
  void theGreetingNamesTheConfiguredServer(Vertx vertx) {
    int lobby = TestServer.start(vertx, TestServer.config("server.name", "lobby")).port();
    ChatClient alice = clients.connect(lobby);

    alice.expect("* welcome to lobby, what is your name?");
    alice.say("alice");
    alice.expect("* you are alice");
    alice.expect("* online (1): alice");
  }
}
