package dev.parley;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.IrcClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The IRC port's questions about the server and about nicks (PROTOCOL.md section 14, the Modern IRC
 * documents): TIME, INFO, HELP, USERHOST, ISON and the max of LUSERS, with the exact messages.
 */
@ExtendWith(VertxExtension.class)
class IrcInfoTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  int port;
  int ircPort;

  @BeforeEach
  void start(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0));
    port = parley.port();
    ircPort = parley.ircPort();
  }

  private ChatClient irc(String nick) {
    return IrcClients.register(clients, ircPort, nick, null);
  }

  @Test
  void timeTellsTheServersTimeInUtc() {
    ChatClient alice = irc("alice");
    alice.say("TIME");
    String time = alice.expectStartsWith(":parley 391 alice parley :");
    String year = String.valueOf(LocalDate.now(ZoneOffset.UTC).getYear());
    assertTrue(time.contains(" " + year + " -- ") && time.endsWith(" +00:00"), time);
  }

  @Test
  void infoAndHelpAnswerWithTheirNumerics() {
    ChatClient alice = irc("alice");
    alice.say("INFO");
    alice.expectStartsWith(":parley 371 alice :Parley: ");
    alice.readUntil(":parley 374 alice :End of /INFO list");
    alice.say("HELP");
    alice.expect(
        ":parley 704 alice index :Parley's IRC port: channels are Parley rooms, nicks are Parley"
            + " names.");
    alice.expectStartsWith(":parley 705 alice index :Commands: AWAY HELP INFO ");
    alice.readUntil(":parley 706 alice index :End of /HELP");
    alice.say("HELPOP privmsg");
    alice.expect(":parley 704 alice privmsg :PRIVMSG TARGET :TEXT");
    alice.expect(":parley 705 alice privmsg :Says TEXT in a room, or privately to a nick.");
    alice.expect(":parley 706 alice privmsg :End of /HELP");
    alice.say("HELP FROB");
    alice.expect(":parley 524 alice FROB :No help available on this topic");
  }

  @Test
  void userhostAndIsonFindMembersOfEveryKind() {
    clients.join(port, "bob");
    ChatClient carol = irc("carol");
    ChatClient alice = irc("alice");
    alice.say("USERHOST bob carol nobody BOB");
    alice.expect(":parley 302 alice :bob=+bob@parley carol=+carol@parley bob=+bob@parley");
    carol.say("AWAY :lunch");
    carol.expect(":parley 306 carol :You have been marked as being away");
    alice.say("USERHOST carol");
    alice.expect(":parley 302 alice :carol=-carol@parley");
    alice.say("ISON nobody Bob carol #lobby");
    alice.expect(":parley 303 alice :bob carol");
    alice.say("USERHOST");
    alice.expect(":parley 461 alice USERHOST :Not enough parameters");
  }

  @Test
  void lusersKeepsTheMostMembersItCounted() {
    ChatClient alice = irc("alice");
    ChatClient bob = irc("bob");
    bob.say("JOIN #ops,#dev");
    bob.readUntil(":parley 366 bob #dev :End of /NAMES list");
    bob.say("QUIT");
    bob.expect("ERROR :Closing link: Quit");
    bob.expectClosed();
    // bob's name is free once bob sees the connection close: alice is the one member left, and
    // bob's welcome counted two.
    alice.say("LUSERS");
    alice.expect(":parley 251 alice :There are 1 users and 0 invisible on 1 servers");
    alice.expect(":parley 254 alice 0 :channels formed");
    alice.expect(":parley 255 alice :I have 1 clients and 1 servers");
    alice.expect(":parley 265 alice 1 2 :Current local users 1, max 2");
    alice.expect(":parley 266 alice 1 2 :Current global users 1, max 2");
  }

  @Test
  void whowasTellsWhoGaveANickUpNewestFirst() {
    ChatClient alice = irc("alice");
    alice.say("WHOWAS nick2");
    alice.expect(":parley 406 alice nick2 :There was no such nickname");
    alice.expect(":parley 369 alice nick2 :End of WHOWAS");
    ChatClient first = clients.connect(ircPort);
    first.say("NICK nick2");
    first.say("USER ident2 0 * :Real Two");
    first.readUntil(":parley 422 nick2 :MOTD File is missing");
    first.say("QUIT :bye");
    first.expect("ERROR :Closing link: Quit: bye");
    ChatClient second = clients.connect(ircPort);
    second.say("NICK nick2");
    second.say("USER ident3 0 * :Real Three");
    second.readUntil(":parley 422 nick2 :MOTD File is missing");
    // A NICK gives the old nick up too.
    second.say("NICK nick3");
    second.expect(":nick2!ident3@parley NICK nick3");
    alice.say("WHOWAS NICK2");
    alice.expect(":parley 314 alice nick2 ident3 parley * :Real Three");
    String when = alice.expectStartsWith(":parley 312 alice nick2 parley :");
    assertTrue(when.endsWith(" +00:00"), when);
    alice.expect(":parley 314 alice nick2 ident2 parley * :Real Two");
    alice.expectStartsWith(":parley 312 alice nick2 parley :");
    alice.expect(":parley 369 alice NICK2 :End of WHOWAS");
    alice.say("WHOWAS nick2 1");
    alice.expect(":parley 314 alice nick2 ident3 parley * :Real Three");
    alice.expectStartsWith(":parley 312 alice nick2 parley :");
    alice.expect(":parley 369 alice nick2 :End of WHOWAS");
    alice.say("WHOWAS");
    alice.expect(":parley 461 alice WHOWAS :Not enough parameters");
  }
}
