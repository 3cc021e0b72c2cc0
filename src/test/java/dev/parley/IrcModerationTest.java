package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.IrcClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md sections 13 and 14 together: an IRC client that logs in to an account operates a room
 * with TOPIC, KICK and MODE ({@code +o}/{@code -o}, {@code +b}/{@code -b} and the ban list), line
 * members see what line members see, and a guest gets 482.
 */
@ExtendWith(VertxExtension.class)
class IrcModerationTest {
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final ChatClients clients = new ChatClients();

  int port;
  int ircPort;

  @BeforeEach
  void start(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0));
    port = parley.port();
    ircPort = parley.ircPort();
  }

  private void account(String name) {
    IrcClients.account(clients, port, name, PASSWORD);
  }

  private ChatClient irc(String nick, String password) {
    return IrcClients.register(clients, ircPort, nick, password);
  }

  private ChatClient line(String name) {
    ChatClient client = clients.connect(port);
    client.expect("* welcome to parley, what is your name?");
    client.say(name);
    client.expect("* " + name + " is registered, what is its password?");
    client.say(PASSWORD);
    client.expect("* you are " + name);
    client.expectStartsWith("* online (");
    client.say("/join #ops");
    client.readUntil("* now in #ops");
    client.expectStartsWith("* online (");
    return client;
  }

  @Test
  void anIrcOperatorSetsTheTopicOpsKicksAndBans() {
    account("alice");
    account("bob");
    ChatClient alice = irc("alice", PASSWORD);
    alice.say("JOIN #ops");
    alice.expect(":alice!alice@parley JOIN #ops");
    alice.expect(":parley 353 alice = #ops :alice");
    alice.expect(":parley 366 alice #ops :End of /NAMES list");
    // The first registered member to open a room becomes its operator once it is in.
    alice.expect(":parley MODE #ops +o alice");

    ChatClient bob = line("bob");
    alice.expect(":bob!bob@parley JOIN #ops");
    bob.say("/topic no");
    bob.expect("! only operators of #ops may do that");

    alice.say("TOPIC #ops :deploys only");
    alice.expect(":alice!alice@parley TOPIC #ops :deploys only");
    bob.expect("* alice set the topic: deploys only");
    alice.say("TOPIC #ops");
    alice.expect(":parley 332 alice #ops :deploys only");

    alice.say("MODE #ops +o bob");
    alice.expect(":alice!alice@parley MODE #ops +o bob");
    bob.expect("* bob is now an operator of #ops");
    alice.say("MODE #ops -o bob");
    alice.expect(":alice!alice@parley MODE #ops -o bob");
    bob.expect("* bob is no longer an operator of #ops");

    alice.say("KICK #ops bob :spam");
    alice.expect(":parley KICK #ops bob :spam");
    bob.expect("* you were kicked: spam");
    bob.expect("* now in #lobby");
    bob.expectStartsWith("* online (");
    bob.say("/join #ops");
    bob.readUntil("* now in #ops");
    alice.expect(":bob!bob@parley JOIN #ops");

    alice.say("MODE #ops +b bob!*@*");
    assertEquals(
        Set.of(":alice!alice@parley MODE #ops +b bob!*@*", ":parley KICK #ops bob :by alice"),
        Set.copyOf(alice.read(2)));
    bob.readUntil("* now in #lobby");
    bob.expectStartsWith("* online (");
    bob.say("/join #ops");
    bob.expectStartsWith("! you are banned from #ops");
    alice.say("MODE #ops +b");
    String listed = alice.expectStartsWith(":parley 367 alice #ops bob!*@* alice ");
    assertTrue(listed.matches(".* :\\d+$"), listed);
    alice.expect(":parley 368 alice #ops :End of channel ban list");
    alice.say("MODE #ops -b bob!*@*");
    alice.expect(":alice!alice@parley MODE #ops -b bob!*@*");
    bob.say("/join #ops");
    bob.expect("* now in #ops");
    alice.expect(":bob!bob@parley JOIN #ops");
    alice.say("MODE #ops");
    alice.expect(":parley 324 alice #ops :+");
    alice.say("MODE #ops +b *!*@*.example.com");
    alice.expectStartsWith(":parley NOTICE alice :Cannot ban *!*@*.example.com: ");
    alice.say("MODE #ops +k secret");
    alice.expect(":parley 472 alice k :is unknown mode char to me");
  }

  @Test
  void aGuestIsNoOperatorAndGets482() {
    account("alice");
    ChatClient alice = irc("alice", PASSWORD);
    alice.say("JOIN #ops");
    alice.readUntil(":parley MODE #ops +o alice");
    ChatClient guest = irc("guest", null);
    guest.say("JOIN #ops");
    List<String> joined = guest.readUntil(":parley 366 guest #ops :End of /NAMES list");
    assertTrue(joined.contains(":parley 353 guest = #ops :@alice guest"), joined::toString);
    alice.expect(":guest!guest@parley JOIN #ops");
    guest.say("TOPIC #ops :mine now");
    guest.expect(":parley 482 guest #ops :only operators of #ops may do that");
    guest.say("KICK #ops alice");
    guest.expect(":parley 482 guest #ops :only operators of #ops may do that");
    guest.say("MODE #ops +o guest");
    guest.expect(":parley 482 guest #ops :only operators of #ops may do that");
    guest.say("WHOIS alice");
    guest.expect(":parley 311 guest alice alice parley * :alice");
    guest.expect(":parley 319 guest alice :@#ops");
    guest.expect(":parley 312 guest alice parley :Parley");
    guest.expect(":parley 330 guest alice alice :is logged in as");
    guest.expect(":parley 318 guest alice :End of /WHOIS list");
  }
}
