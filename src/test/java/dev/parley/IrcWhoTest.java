package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.IrcClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WHO on the IRC port (PROTOCOL.md section 14, the Modern IRC documents, IRCv3 WHOX), with the
 * exact messages: a room, a nick, a mask, the away flag, and the 354 fields of WHOX.
 */
@ExtendWith(VertxExtension.class)
class IrcWhoTest {
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

  /** Registers {@code nick} with user name {@code user} and real name {@code real}, up to 422. */
  private ChatClient irc(String nick, String user, String real) {
    ChatClient client = clients.connect(ircPort);
    client.say("NICK " + nick);
    client.say("USER " + user + " 0 * :" + real);
    client.readUntil(":parley 422 " + nick + " :MOTD File is missing");
    return client;
  }

  @Test
  void whoOfANickAMaskAndAnAwayMember() {
    ChatClient cool = irc("coolNick", "myuser", "My Unique Name");
    ChatClient other = irc("otherNick", "other", "Other");
    clients.join(port, "coolbot");
    other.say("WHO coolnick");
    other.expect(":parley 352 otherNick * myuser parley parley coolNick H :0 My Unique Name");
    other.expect(":parley 315 otherNick coolnick :End of /WHO list");
    cool.say("AWAY :back soon");
    cool.expect(":parley 306 coolNick :You have been marked as being away");
    // The mask matches coolNick and the line member coolbot, whose user is its name.
    other.say("WHO COOL*");
    List<String> rows = other.read(2);
    assertEquals(
        List.of(
            ":parley 352 otherNick * coolbot parley parley coolbot H :0 coolbot",
            ":parley 352 otherNick * myuser parley parley coolNick G :0 My Unique Name"),
        rows.stream().sorted().toList());
    other.expect(":parley 315 otherNick COOL* :End of /WHO list");
    // A mask matches user names and real names too; one that matches nobody gets 315 alone.
    other.say("WHO *unique*");
    other.expect(":parley 352 otherNick * myuser parley parley coolNick G :0 My Unique Name");
    other.expect(":parley 315 otherNick *unique* :End of /WHO list");
    other.say("WHO nob?dy");
    other.expect(":parley 315 otherNick nob?dy :End of /WHO list");
    other.say("WHO nobody");
    other.expect(":parley 315 otherNick nobody :End of /WHO list");
  }

  @Test
  void whoOfARoomGivesTheAwayAndOperatorFlags() {
    IrcClients.account(clients, port, "alice", PASSWORD);
    ChatClient alice = IrcClients.register(clients, ircPort, "alice", PASSWORD);
    alice.say("JOIN #ops");
    alice.readUntil(":parley 366 alice #ops :End of /NAMES list");
    ChatClient bob = irc("bob", "bobby", "Bob B");
    bob.say("JOIN #OPS");
    bob.readUntil(":parley 366 bob #ops :End of /NAMES list");
    alice.say("AWAY :away");
    alice.readUntil(":parley 306 alice :You have been marked as being away");
    bob.say("WHO #Ops");
    assertEquals(
        List.of(
            ":parley 352 bob #ops alice parley parley alice G@ :0 alice",
            ":parley 352 bob #ops bobby parley parley bob H :0 Bob B"),
        bob.read(2).stream().sorted().toList());
    bob.expect(":parley 315 bob #Ops :End of /WHO list");
  }

  @Test
  void whoxGivesTheFieldsAskedForInTheirOrderWithTheToken() {
    IrcClients.account(clients, port, "alice", PASSWORD);
    ChatClient alice = IrcClients.register(clients, ircPort, "alice", PASSWORD);
    irc("coolNick", "myuser", "My Unique Name");
    alice.say("WHO coolNick %tcuihsnfdlaor,123");
    alice.expect(
        ":parley 354 alice 123 * myuser 255.255.255.255 parley parley coolNick H 0 0 0 n/a"
            + " :My Unique Name");
    alice.expect(":parley 315 alice coolNick :End of /WHO list");
    alice.say("WHO coolNick %rot");
    alice.expect(":parley 354 alice 0 n/a :My Unique Name");
    alice.expect(":parley 315 alice coolNick :End of /WHO list");
    // The account field: 0 for a guest, the account of a member logged in to one.
    alice.say("WHO alice %na");
    alice.expect(":parley 354 alice alice :alice");
    alice.expect(":parley 315 alice alice :End of /WHO list");
  }
}
