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
 * IRCv3 MONITOR on the IRC port, with the exact messages: a client watches nicks and hears when
 * members of every kind take them and give them back, by connecting, quitting or renaming.
 */
@ExtendWith(VertxExtension.class)
class IrcMonitorTest {
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

  /** A PING answered: every line the server sent before it has been read. */
  private static void sync(ChatClient client, String nick) {
    client.say("PING :sync");
    client.expect(":parley PONG parley :sync");
  }

  @Test
  void aWatcherHearsNicksComeAndGoWhateverKindOfMemberHoldsThem() {
    ChatClient bar = irc("bar");
    irc("baz");
    bar.say("MONITOR + Baz,qux,bob");
    bar.expect(":parley 730 bar :baz!baz@parley");
    bar.expect(":parley 731 bar :qux,bob");
    // A line member and an IRC client come; the line member goes.
    ChatClient bob = clients.join(port, "bob");
    bar.expect(":parley 730 bar :bob!bob@parley");
    ChatClient qux = irc("qux");
    bar.expect(":parley 730 bar :qux!qux@parley");
    bob.say("/quit");
    bar.expect(":parley 731 bar :bob");
    // A change of case is not a change of holder; a new nick gives the old one up.
    qux.say("NICK QUX");
    qux.expect(":qux!qux@parley NICK QUX");
    qux.say("NICK quux");
    qux.expect(":QUX!qux@parley NICK quux");
    bar.expect(":parley 731 bar :QUX");
    bar.say("MONITOR L");
    bar.expect(":parley 732 bar :Baz,qux,bob");
    bar.expect(":parley 733 bar :End of MONITOR list");
    bar.say("MONITOR S");
    bar.expect(":parley 730 bar :baz!baz@parley");
    bar.expect(":parley 731 bar :qux,bob");
    bar.say("MONITOR - qux,bob");
    bar.say("MONITOR L");
    bar.expect(":parley 732 bar :Baz");
    bar.expect(":parley 733 bar :End of MONITOR list");
    bar.say("MONITOR C");
    bar.say("MONITOR L");
    bar.expect(":parley 733 bar :End of MONITOR list");
    // Cleared: baz leaving is no longer told.
    clients.join(port, "qux").say("/quit");
    sync(bar, "bar");
  }

  @Test
  void masksAreRefusedAndTheListHasALimit() {
    ChatClient bar = irc("bar");
    bar.say("MONITOR + *!user@host");
    bar.expect(":parley 432 bar *!user@host :Erroneous nickname: MONITOR takes nicks, not masks");
    StringBuilder many = new StringBuilder("n0");
    for (int i = 1; i < 101; i++) {
      many.append(",n").append(i);
    }
    bar.say("MONITOR + " + many);
    bar.expect(":parley 734 bar 100 n100 :Monitor list is full");
    bar.expectStartsWith(":parley 731 bar :n0,n1,n2,");
    // The nick the full list refused is not watched.
    irc("n100");
    irc("n99");
    bar.expect(":parley 730 bar :n99!n99@parley");
  }

  @Test
  void aChangeOfCaseKeepsTheNameTaken() {
    ChatClient evan = clients.join(port, "evan");
    evan.say("/nick Evan");
    evan.expect("* evan is now known as Evan");
    ChatClient qux = irc("qux");
    qux.say("NICK QUX");
    qux.expect(":qux!qux@parley NICK QUX");
    ChatClient other = clients.connect(ircPort);
    other.say("NICK evan");
    other.say("USER other 0 * :Other");
    other.expect(":parley 433 * evan :Nickname is already in use");
    other.say("NICK qux");
    other.expect(":parley 433 * qux :Nickname is already in use");
  }
}
