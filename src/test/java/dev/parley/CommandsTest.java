package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md section 4: every command, its plain-word form, and its errors. */
@ExtendWith(VertxExtension.class)
class CommandsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private int port;

  @BeforeEach
  void start(Vertx vertx) {
    port = TestServer.start(vertx, TestServer.config()).port();
  }

  @Test
  void whoListsEveryoneInOrderOfArrival() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");

    alice.expect("* bob has arrived");
    bob.say("/who");
    bob.expect("* online (2): alice, bob");
    alice.say("who online");
    alice.expect("* online (2): alice, bob");
  }

  @Test
  void whoTakesNoArgument() {
    ChatClient alice = clients.join(port, "alice");

    alice.say("/who is here");
    alice.expect("! usage: /who");
    alice.say("who online please");
    alice.expect("alice: who online please");
  }

  @Test
  void nickRenamesForEveryoneIncludingTheMember() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");

    alice.expect("* bob has arrived");
    bob.say("/nick robert");
    bob.expect("* bob is now known as robert");
    alice.expect("* bob is now known as robert");
    bob.say("hi");
    alice.expect("robert: hi");
    bob.expect("robert: hi");
    alice.say("/who");
    alice.expect("* online (2): alice, robert");
  }

  @Test
  void renameIsThePlainWordFormOfNick() {
    ChatClient alice = clients.join(port, "alice");

    alice.say("rename|alicia");
    alice.expect("* alice is now known as alicia");
    alice.say("rename|");
    alice.expect("! usage: /nick NEW");
  }

  @Test
  void nickRefusesTakenInvalidMissingAndOwnNames() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");

    alice.expect("* bob has arrived");
    bob.say("/nick alice");
    bob.expect("! name \"alice\" is taken");
    bob.say("/nick ALICE");
    bob.expect("! name \"ALICE\" is too like \"alice\", which is taken");
    bob.say("/nick");
    bob.expect("! usage: /nick NEW");
    bob.say("/nick two words");
    bob.expect("! usage: /nick NEW");
    bob.say("/nick b*b");
    bob.expect("! name may contain only letters, digits, \"_\", \"-\" and \".\"");
    bob.say("/nick bob");
    bob.expect("! you are already bob");
    bob.say("/nick Bob");
    bob.expect("* bob is now known as Bob");
    alice.expect("* bob is now known as Bob");
  }

  @Test
  void msgReachesOnlyItsRecipientAndIsEchoedToTheSender() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");

    alice.expect("* bob has arrived");
    alice.expect("* carol has arrived");
    bob.expect("* carol has arrived");
    alice.say("/msg bob see you at 5");
    alice.expect("(private to bob) alice: see you at 5");
    bob.expect("(private) alice: see you at 5");
    alice.say("/msg BOB case does not matter");
    alice.expect("(private to bob) alice: case does not matter");
    bob.expect("(private) alice: case does not matter");
    carol.say("public");
    for (ChatClient c : List.of(alice, bob, carol)) {
      c.expect("carol: public");
    }
  }

  @Test
  void msgNeedsARecipientWhoIsHereAndAText() {
    ChatClient alice = clients.join(port, "alice");

    alice.say("/msg");
    alice.expect("! usage: /msg NAME text");
    alice.say("/msg bob");
    alice.expect("! usage: /msg NAME text");
    alice.say("/msg bob hello");
    alice.expect("! no one called \"bob\" is here");
  }

  @Test
  void quitWithAndWithoutReasonAndItsPlainWords() {
    ChatClient watcher = clients.join(port, "watcher");

    for (String[] c :
        new String[][] {
          {"/quit", "* q1 has left"},
          {"/quit gone fishing", "* q2 has left (gone fishing)"},
          {"quit", "* q3 has left"},
          {"exit", "* q4 has left"}
        }) {
      String name = c[1].substring(2, 4);
      ChatClient quitter = clients.join(port, name);

      watcher.expect("* " + name + " has arrived");
      quitter.say(c[0]);
      quitter.expect("* bye");
      quitter.expectClosed();
      watcher.expect(c[1]);
    }
  }

  @Test
  void plainWordsCountOnlyAsTheWholeLine() {
    ChatClient alice = clients.join(port, "alice");

    alice.say("quit now");
    alice.expect("alice: quit now");
    alice.say("exit stage left");
    alice.expect("alice: exit stage left");
    alice.say("who online?");
    alice.expect("alice: who online?");
    alice.say("please rename|bob");
    alice.expect("alice: please rename|bob");
  }

  @Test
  void helpSendsOneNoticePerCommand() {
    ChatClient alice = clients.join(port, "alice");

    alice.say("/help");
    List<String> help = alice.read(20);
    assertEquals(
        List.of(
            "* /who: list who is online (also: who online)",
            "* /nick NEW: change your name to NEW (also: rename|NEW)",
            "* /msg NAME text: send text to NAME alone",
            "* /quit [reason]: leave the server (also: quit, exit)",
            "* /join ROOM: move to ROOM, opening it if nobody is there",
            "* /rooms: list the rooms and how many are in each",
            "* /history [N]: show the last N lines of your room (20 without N)",
            "* /help: show these lines",
            "* /register PASSWORD: make your name an account (operators: /register NAME PASSWORD)",
            "* /password OLD NEW: change your account's password",
            "* /whois NAME: where NAME is, and whether NAME is registered",
            "* /op NAME: make the account NAME an operator of your room",
            "* /deop NAME: make NAME no longer an operator of your room",
            "* /topic [TEXT]: show your room's topic, or set it (/topic - clears it)",
            "* /kick NAME [WHY]: remove NAME from its room",
            "* /ban TARGET [MINUTES] [WHY]: ban an account, a guest's address or an address block",
            "* /unban TARGET: lift a ban of your room",
            "* /bans: list your room's bans",
            "* /mute NAME [MINUTES]: keep NAME from speaking in your room",
            "* /unmute NAME: let NAME speak again"),
        help);
    alice.say("after help");
    alice.expect("alice: after help");
  }

  @Test
  void anUnknownCommandPointsToHelp() {
    ChatClient alice = clients.join(port, "alice");

    alice.say("/dance wildly");
    alice.expect("! unknown command /dance, try /help");
    alice.say("/");
    alice.expect("! unknown command /, try /help");
  }

  @Test
  void aDoubleSlashSendsALineThatStartsWithASlash() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");

    alice.expect("* bob has arrived");
    alice.say("//who is /who?");
    alice.expect("alice: /who is /who?");
    bob.expect("alice: /who is /who?");
  }

  @Test
  void quitAtTheNamePromptEndsTheConnection() {
    for (String quit : new String[] {"/quit", "/QUIT not today", "quit", "exit"}) {
      ChatClient c = clients.connect(port);
      c.expect("* welcome to parley, what is your name?");
      c.say(quit);
      c.expect("* bye");
      c.expectClosed();
    }
  }

  @Test
  void commandWordsAreCaseInsensitive() {
    ChatClient alice = clients.join(port, "alice");
    alice.say("/WHO");
    alice.expect("* online (1): alice");
    alice.say("/Nick Alicia");
    alice.expect("* alice is now known as Alicia");
  }
}
