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

/**
 * PROTOCOL.md section 12: registering a name, logging in to it, one holder per account, renaming,
 * {@code /password}, {@code /whois} and the limits on wrong passwords, with the exact lines.
 */
@ExtendWith(VertxExtension.class)
class AccountsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  int port;

  @BeforeEach
  void start(Vertx vertx) {
    port =
        TestServer.start(
                vertx,
                TestServer.config(
                    "accounts.operators", new io.vertx.core.json.JsonArray().add("root")))
            .port();
  }

  /** Connects, gives a registered name and its password, and reads up to the roster. */
  ChatClient login(String name, String password) {
    ChatClient client = clients.connect(port);
    client.expect("* welcome to parley, what is your name?");
    client.say(name);
    client.expect("* " + name + " is registered, what is its password?");
    client.say(password);
    client.expect("* you are " + name);
    client.expectStartsWith("* online (");
    return client;
  }

  ChatClient registered(String name, String password) {
    ChatClient client = clients.join(port, name);
    client.say("/register " + password);
    client.expect("* " + name + " is registered: from now on give your password after your name");
    return client;
  }

  @Test
  void aRegisteredNameAsksItsPasswordAndTheRightOneLogsIn() {
    ChatClient alice = registered("alice", "correct horse battery");
    alice.say("/quit");
    alice.expect("* bye");
    ChatClient again = login("alice", "correct horse battery");
    again.say("hello");
    again.expect("alice: hello");
  }

  @Test
  void aWrongPasswordIsRefusedAndThreeCloseTheConnection() {
    registered("alice", "correct horse battery").say("/quit");
    ChatClient mallory = clients.connect(port);
    mallory.expect("* welcome to parley, what is your name?");
    for (int i = 0; i < 2; i++) {
      mallory.say("Alice");
      mallory.expect("* alice is registered, what is its password?");
      mallory.say("guess " + i);
      mallory.expect("! wrong password for alice");
      mallory.expect("* what is your name?");
    }
    mallory.say("alice");
    mallory.expect("* alice is registered, what is its password?");
    mallory.say("guess 3");
    mallory.expect("* disconnected: too many wrong passwords");
    mallory.expectClosed();
  }

  @Test
  void registeringIsRefusedForGuestNamesShortPasswordsAndAccounts() {
    ChatClient guest = clients.connect(port);
    guest.expect("* welcome to parley, what is your name?");
    guest.say("");
    String you = guest.expectStartsWith("* you are guest");
    guest.expectStartsWith("* online (");
    guest.say("/register correct horse battery");
    guest.expect("! guest names cannot be registered");
    guest.say("/whois " + you.substring("* you are ".length()));
    guest.expect("* " + you.substring("* you are ".length()) + " is in #lobby, a guest");
    ChatClient bob = clients.join(port, "bob");
    bob.say("/register short");
    bob.expect("! a password has 8 to 128 bytes");
    bob.say("/register correct horse battery");
    bob.expect("* bob is registered: from now on give your password after your name");
    bob.say("/register another one please");
    bob.expect("! bob is already registered");
    bob.say("/nick robert");
    bob.expect("! your name is your account bob");
  }

  @Test
  void aGuestCannotTakeARegisteredNameByNick() {
    registered("alice", "correct horse battery").say("/quit");
    ChatClient bob = clients.join(port, "bob");
    bob.say("/nick alice");
    bob.expect("! name \"alice\" is registered");
  }

  @Test
  void aLoginTakesTheNameOverFromTheOtherSession() {
    ChatClient first = registered("alice", "correct horse battery");
    ChatClient watcher = clients.join(port, "watcher");
    first.expect("* watcher has arrived");
    ChatClient second = login("alice", "correct horse battery");
    first.expect("* disconnected: logged in elsewhere");
    first.expectClosed();
    watcher.expect("* alice has left (logged in elsewhere)");
    watcher.expect("* alice has arrived");
    second.say("still me");
    watcher.expect("alice: still me");
  }

  @Test
  void aLoginTakesTheNameOverFromAnotherRoomAndMovesOn() {
    registered("alice", "correct horse battery").say("/quit");
    ChatClient first = login("alice", "correct horse battery");
    first.say("/join ops");
    first.readUntil("* you are an operator of #ops");
    ChatClient carol = clients.join(port, "carol");
    carol.say("/join ops");
    carol.readUntil("* online (2): alice, carol");
    first.say("/topic deploys only");
    first.readUntil("* alice set the topic: deploys only");
    first.say("/mute carol");
    first.readUntil("* carol was muted by alice");
    registered("bob", "correct horse battery");
    first.say("/ban bob abuse");
    first.readUntil("* bob is banned from #ops");
    ChatClient second = login("alice", "correct horse battery");
    first.readUntil("* disconnected: logged in elsewhere");
    carol.readUntil("* alice has left (logged in elsewhere)");
    second.say("/join ops");
    second.expect("* now in #ops");
    second.expect("* topic: deploys only");
    second.expect("* online (2): carol, alice");
    second.say("/join other");
    second.expect("* now in #other");
  }

  @Test
  void passwordChangesWithTheOldOne() {
    ChatClient alice = registered("alice", "correct horse battery");
    alice.say("/password wrongold newpassword");
    alice.expect("! wrong password");
    alice.say("/password correct horse battery");
    alice.expect("! usage: /password OLD NEW");
    alice.say("/quit");
    ChatClient bob = registered("bobby", "oldpassword");
    bob.say("/password oldpassword newpassword");
    bob.expect("* password changed");
    bob.say("/quit");
    bob.expect("* bye");
    login("bobby", "newpassword");
  }

  @Test
  void whoisSaysWhereAndWhetherRegistered() {
    ChatClient alice = registered("alice", "correct horse battery");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
    bob.say("/whois alice");
    bob.expect("* alice is in #lobby, registered");
    alice.say("/whois bob");
    alice.expect("* bob is in #lobby, a guest");
    alice.say("/whois nobody");
    alice.expect("! nobody is called nobody");
  }
}
