package dev.parley;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.IrcClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * OPER on the IRC port (PROTOCOL.md sections 13 and 14), with the exact messages: only the password
 * of a server operator's account opens the server operator's rights, which the client then uses
 * under any nick and gives up with {@code MODE NICK -o}; the tries that must fail do.
 */
@ExtendWith(VertxExtension.class)
class IrcOperTest {
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final ChatClients clients = new ChatClients();

  int port;
  int ircPort;

  @BeforeEach
  void start(Vertx vertx) {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "limits.linesPerSecond", 0, "accounts.operators", new JsonArray().add("root")));
    port = parley.port();
    ircPort = parley.ircPort();
  }

  @Test
  void operGivesAServerOperatorsRightsOnlyForItsPassword() {
    IrcClients.account(clients, port, "root", PASSWORD);
    IrcClients.account(clients, port, "carol", PASSWORD);
    ChatClient bob = clients.join(port, "bob");
    ChatClient baz = IrcClients.register(clients, ircPort, "baz", null);
    baz.say("JOIN #lobby");
    baz.readUntil(":parley 366 baz #lobby :End of /NAMES list");

    // Tries that must fail: a wrong password, an account that is no server operator's, no account.
    baz.say("OPER root wrong password");
    baz.expect(":parley 464 baz :Password incorrect");
    baz.say("OPER carol :" + PASSWORD);
    baz.expectStartsWith(":parley 491 baz :No O-lines for your host");
    baz.say("OPER nobody :" + PASSWORD);
    baz.expectStartsWith(":parley 491 baz :No O-lines for your host");
    baz.say("KICK #lobby bob");
    baz.expect(":parley 482 baz #lobby :only operators of #lobby may do that");

    baz.say("OPER root :" + PASSWORD);
    baz.expect(":parley 381 baz :You are now an IRC operator");
    baz.expect(":baz MODE baz +o");
    baz.say("MODE baz");
    baz.expect(":parley 221 baz :+o");
    ChatClient other = IrcClients.register(clients, ircPort, "other", null);
    other.say("WHO baz");
    other.expect(":parley 352 other * baz parley parley baz H* :0 baz");
    other.expect(":parley 315 other baz :End of /WHO list");
    other.say("WHOIS baz");
    List<String> whois = other.readUntil(":parley 318 other baz :End of /WHOIS list");
    if (!whois.contains(":parley 313 other baz :is an IRC operator")) {
      throw new AssertionError("no 313 in " + whois);
    }
    // The rights are the server operator's: a kick in the default room closes the connection.
    baz.say("KICK #lobby bob :enough");
    bob.readUntil("* you were kicked: enough");
    bob.expectClosed();
    baz.readUntil(":parley KICK #lobby bob :enough");

    baz.say("MODE baz -o");
    baz.expect(":baz MODE baz -o");
    ChatClient dave = clients.join(port, "dave");
    baz.readUntil(":dave!dave@parley JOIN #lobby");
    baz.say("KICK #lobby dave");
    baz.expect(":parley 482 baz #lobby :only operators of #lobby may do that");
    other.say("WHO baz");
    other.expect(":parley 352 other * baz parley parley baz H :0 baz");
    other.expect(":parley 315 other baz :End of /WHO list");
  }

  @Test
  void theOperPasswordIsNeverEchoedOrSentToOthers() {
    IrcClients.account(clients, port, "root", PASSWORD);
    ChatClient watcher = IrcClients.register(clients, ircPort, "watcher", null);
    watcher.say("JOIN #lobby");
    watcher.readUntil(":parley 366 watcher #lobby :End of /NAMES list");
    ChatClient baz = IrcClients.register(clients, ircPort, "baz", null);
    baz.say("JOIN #lobby");
    baz.readUntil(":parley 366 baz #lobby :End of /NAMES list");
    watcher.readUntil(":baz!baz@parley JOIN #lobby");
    baz.say("OPER root :" + PASSWORD);
    List<String> seen = baz.readUntil(":baz MODE baz +o");
    baz.say("OPER root :not the password");
    seen = new java.util.ArrayList<>(seen);
    seen.addAll(baz.readUntil(":parley 464 baz :Password incorrect"));
    watcher.say("PING :sync");
    seen.addAll(watcher.readUntil(":parley PONG parley :sync"));
    for (String line : seen) {
      assertFalse(line.contains("horse") || line.contains("not the password"), line);
    }
  }
}
