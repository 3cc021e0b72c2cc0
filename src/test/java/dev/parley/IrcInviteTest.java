package dev.parley;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.IrcClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * INVITE on the IRC port, with the exact messages: a member of a room invites an IRC client or a
 * line member; the refusals; the list of invitations a client received.
 */
@ExtendWith(VertxExtension.class)
class IrcInviteTest {
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
  void aMemberInvitesIrcClientsAndLineMembers() {
    ChatClient foo = irc("foo");
    ChatClient bar = irc("bar");
    ChatClient line = clients.join(port, "carol");
    foo.say("JOIN #chan");
    foo.readUntil(":parley 366 foo #chan :End of /NAMES list");
    foo.say("INVITE Bar #CHAN");
    foo.expect(":parley 341 foo bar :#chan");
    bar.expect(":foo!foo@parley INVITE bar #chan");
    foo.say("INVITE carol #chan");
    foo.expect(":parley 341 foo carol :#chan");
    line.expect("* foo invites you to #chan: /join #chan");
    bar.say("INVITE");
    bar.expect(":parley 336 bar :#chan");
    bar.expect(":parley 337 bar :End of /INVITE list");
    foo.say("INVITE");
    foo.expect(":parley 337 foo :End of /INVITE list");
  }

  @Test
  void refusals() {
    ChatClient foo = irc("foo");
    ChatClient bar = irc("bar");
    foo.say("INVITE bar #chan");
    foo.expect(":parley 403 foo #chan :No such channel");
    ChatClient carol = clients.join(port, "carol");
    carol.say("/join #chan");
    carol.readUntil("* now in #chan");
    foo.say("INVITE bar #chan");
    foo.expect(":parley 442 foo #chan :You're not on that channel");
    foo.say("JOIN #chan");
    foo.readUntil(":parley 366 foo #chan :End of /NAMES list");
    foo.say("INVITE nobody #chan");
    foo.expect(":parley 401 foo nobody :No such nick/channel");
    bar.say("JOIN #chan");
    bar.readUntil(":parley 366 bar #chan :End of /NAMES list");
    foo.readUntil(":bar!bar@parley JOIN #chan");
    foo.say("INVITE bar #chan");
    foo.expect(":parley 443 foo bar #chan :is already on channel");
    foo.say("INVITE bar");
    foo.expect(":parley 461 foo INVITE :Not enough parameters");
  }
}
