package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 13, with the exact lines: room operators (the first one, {@code /op}, {@code
 * /deop}), topics, kicks, bans of a room and of the server, mutes, and the refusals. Accounts are
 * made over the wire with {@code /register}; connections come from distinct loopback addresses
 * where a ban names an address.
 */
@ExtendWith(VertxExtension.class)
class ModerationTest {
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final ChatClients clients = new ChatClients();

  int port;

  @BeforeEach
  void start(Vertx vertx) {
    port =
        TestServer.start(
                vertx,
                TestServer.config(
                    "limits.linesPerSecond", 0, "accounts.operators", new JsonArray().add("root")))
            .port();
  }

  /** Registers {@code name} over the wire and leaves. */
  private void account(String name) {
    ChatClient client = clients.join(port, name);
    client.say("/register " + PASSWORD);
    client.readUntil(
        "* " + name + " is registered: from now on give your password after your name");
    client.say("/quit");
    client.readUntil("* bye");
  }

  /** Logs in to an account from {@code address} (null: 127.0.0.1), up to the roster. */
  private ChatClient login(String name, String address) {
    ChatClient client = clients.connect(port, address, 0);
    client.expect("* welcome to parley, what is your name?");
    client.say(name);
    client.expect("* " + name + " is registered, what is its password?");
    client.say(PASSWORD);
    client.expect("* you are " + name);
    client.expectStartsWith("* online (");
    return client;
  }

  private ChatClient guest(String name, String address) {
    return ChatClient.joined(clients.connect(port, address, 0), name);
  }

  private static void moveTo(ChatClient client, String room) {
    client.say("/join " + room);
    client.readUntil("* now in " + room);
    client.expectStartsWith("* online (");
  }

  @Test
  void theFirstRegisteredMemberToOpenARoomIsItsOperatorAndAGuestNever() {
    account("alice");
    ChatClient bob = guest("bob", null);
    bob.say("/join empty");
    bob.expect("* now in #empty");
    bob.expect("* online (1): bob");
    bob.say("/topic mine");
    bob.expect("! only operators of #empty may do that");

    ChatClient alice = login("alice", null);
    alice.say("/join ops");
    alice.expect("* now in #ops");
    alice.expect("* online (1): alice");
    alice.expect("* you are an operator of #ops");
    alice.say("/whois alice");
    alice.expect("* alice is in #ops, registered, operator of #ops");
    bob.say("/join ops");
    bob.expect("* now in #ops");
    bob.expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");
    bob.say("/whois bob");
    bob.expect("* bob is in #ops, a guest");
  }

  @Test
  void operatorsSetAndClearTheTopicAndNewcomersSeeIt() {
    account("alice");
    ChatClient alice = login("alice", null);
    moveTo(alice, "#ops");
    alice.expect("* you are an operator of #ops");
    ChatClient bob = guest("bob", null);
    moveTo(bob, "#ops");
    alice.expect("* bob has arrived");

    bob.say("/topic");
    bob.expect("* #ops has no topic");
    bob.say("/topic bob was here");
    bob.expect("! only operators of #ops may do that");
    alice.say("/topic deploys only");
    alice.expect("* alice set the topic: deploys only");
    bob.expect("* alice set the topic: deploys only");
    bob.say("/topic");
    bob.expect("* topic of #ops: deploys only");
    alice.say("/topic " + "x".repeat(301));
    alice.expect("! a topic has at most 300 bytes");

    ChatClient carol = guest("carol", null);
    carol.say("/join ops");
    carol.expect("* now in #ops");
    carol.expect("* topic: deploys only");
    carol.expect("* online (3): alice, bob, carol");

    alice.say("/topic -");
    for (ChatClient c : List.of(alice, bob)) {
      c.readUntil("* alice cleared the topic");
    }
    bob.say("/topic");
    bob.expect("* #ops has no topic");
  }

  @Test
  void aKickedMemberEntersTheDefaultRoomAndFromTheDefaultRoomItsConnectionCloses() {
    account("alice");
    account("root");
    ChatClient alice = login("alice", null);
    moveTo(alice, "#ops");
    alice.expect("* you are an operator of #ops");
    ChatClient lobby = guest("watcher", null);
    ChatClient bob = guest("bob", null);
    lobby.expect("* bob has arrived");
    moveTo(bob, "#ops");
    lobby.expect("* bob has left (joined #ops)");
    alice.expect("* bob has arrived");

    bob.say("/kick alice");
    bob.expect("! only operators of #ops may do that");
    alice.say("/kick bob spam");
    bob.expect("* you were kicked: spam");
    bob.expect("* now in #lobby");
    bob.expect("* online (2): watcher, bob");
    alice.expect("* bob has left (kicked: spam)");
    lobby.expect("* bob has arrived");
    bob.say("back in the lobby");
    lobby.expect("bob: back in the lobby");

    moveTo(bob, "#ops");
    alice.expect("* bob has arrived");
    alice.say("/kick bob");
    bob.expect("* you were kicked: by alice");
    alice.expect("* bob has left (kicked: by alice)");
    alice.say("/kick nobody");
    alice.expect("! nobody is called nobody");

    ChatClient root = login("root", null);
    lobby.readUntil("* root has arrived");
    root.say("/kick watcher enough");
    lobby.expect("* you were kicked: enough");
    lobby.expectClosed();
  }

  @Test
  void aBanKicksTheMemberAndKeepsItOutUntilLifted() {
    account("alice");
    account("bob");
    ChatClient alice = login("alice", null);
    moveTo(alice, "#ops");
    alice.expect("* you are an operator of #ops");
    ChatClient bob = login("bob", null);
    moveTo(bob, "#ops");
    alice.expect("* bob has arrived");

    long before = System.currentTimeMillis();
    alice.say("/ban bob 60 spam");
    long after = System.currentTimeMillis();
    bob.expect("* you were kicked: spam");
    bob.expect("* now in #lobby");
    bob.expectStartsWith("* online (");
    // The room's departure and the answer to the operator are both caused by the ban.
    assertEquals(
        java.util.Set.of("* bob has left (kicked: spam)", "* bob is banned from #ops"),
        java.util.Set.copyOf(alice.read(2)));
    bob.say("/join ops");
    bob.expect("! you are banned from #ops: spam");

    alice.say("/bans");
    String bans = alice.nextLine();
    DateTimeFormatter until =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    List<String> expected =
        List.of(
            "* bans of #ops (1): bob (by alice until "
                + until.format(Instant.ofEpochMilli(before + 3_600_000))
                + " UTC: spam)",
            "* bans of #ops (1): bob (by alice until "
                + until.format(Instant.ofEpochMilli(after + 3_600_000))
                + " UTC: spam)");
    assertTrue(expected.contains(bans), bans);

    bob.say("/bans");
    bob.expect("! only operators of #lobby may do that");
    alice.say("/unban bob");
    alice.expect("* bob is no longer banned from #ops");
    alice.say("/unban bob");
    alice.expect("! bob is not banned from #ops");
    alice.say("/bans");
    alice.expect("* bans of #ops (0):");
    bob.say("/join ops");
    bob.expect("* now in #ops");
  }

  @Test
  void aBanOfAGuestBansItsAddressAndABlockBansEveryAddressInIt() {
    account("alice");
    ChatClient alice = login("alice", null);
    moveTo(alice, "#ops");
    alice.expect("* you are an operator of #ops");
    ChatClient guest = guest("visitor", "127.0.0.3");
    moveTo(guest, "#ops");
    alice.expect("* visitor has arrived");
    alice.say("/ban visitor");
    guest.expect("* you were kicked: by alice");
    assertEquals(
        java.util.Set.of(
            "* visitor has left (kicked: by alice)", "* 127.0.0.3 is banned from #ops"),
        java.util.Set.copyOf(alice.read(2)));
    guest.readUntil("* now in #lobby");
    guest.expectStartsWith("* online (");
    guest.say("/join ops");
    guest.expect("! you are banned from #ops: by alice");

    alice.say("/ban 127.0.0.8/30 flooding");
    alice.expect("* 127.0.0.8/30 is banned from #ops");
    ChatClient inBlock = guest("insider", "127.0.0.10");
    inBlock.say("/join ops");
    inBlock.expect("! you are banned from #ops: flooding");
    ChatClient outside = guest("outsider", "127.0.0.12");
    outside.say("/join ops");
    outside.expect("* now in #ops");
  }

  @Test
  void aMutedMemberReachesNobodyInTheRoomButStillSendsPrivateLines() {
    account("alice");
    ChatClient alice = login("alice", null);
    moveTo(alice, "#ops");
    alice.expect("* you are an operator of #ops");
    ChatClient bob = guest("bob", null);
    moveTo(bob, "#ops");
    alice.expect("* bob has arrived");

    alice.say("/mute bob 10");
    alice.expect("* bob was muted by alice");
    bob.expect("* bob was muted by alice");
    bob.say("can anyone hear me");
    bob.expect("! you are muted in #ops");
    bob.say("/msg alice psst");
    bob.expect("(private to alice) bob: psst");
    alice.expect("(private) bob: psst");
    alice.say("/unmute bob");
    alice.expect("* bob may speak again");
    bob.expect("* bob may speak again");
    bob.say("hello again");
    alice.expect("bob: hello again");
    bob.expect("bob: hello again");
    alice.say("/unmute bob");
    alice.expect("! bob is not muted in #ops");
    alice.say("/mute nobody");
    alice.expect("! nobody is called nobody");
  }

  @Test
  void operatorsAddAndRemoveOperatorsAndOnlyAccountsMayBeOne() {
    account("alice");
    account("dave");
    ChatClient alice = login("alice", null);
    moveTo(alice, "#ops");
    alice.expect("* you are an operator of #ops");
    ChatClient dave = login("dave", null);
    moveTo(dave, "#ops");
    alice.expect("* dave has arrived");
    ChatClient guest = guest("bob", null);

    dave.say("/topic mine");
    dave.expect("! only operators of #ops may do that");
    alice.say("/op dave");
    alice.expect("* dave is now an operator of #ops");
    dave.expect("* dave is now an operator of #ops");
    dave.say("/topic mine now");
    dave.expect("* dave set the topic: mine now");
    alice.readUntil("* dave set the topic: mine now");
    alice.say("/op bob");
    alice.expect("! bob is not registered");
    alice.say("/op nobody");
    alice.expect("! nobody is called nobody");
    alice.say("/deop dave");
    alice.expect("* dave is no longer an operator of #ops");
    dave.expect("* dave is no longer an operator of #ops");
    dave.say("/topic again");
    dave.expect("! only operators of #ops may do that");
    alice.say("/deop dave");
    alice.expect("! dave is not an operator of #ops");
    guest.say("/op bob");
    guest.expect("! only operators of #lobby may do that");
  }

  @Test
  void serverOperatorsBanFromTheServerByAddressAndByAccount() {
    account("root");
    account("eve");
    ChatClient root = login("root", null);
    root.say("/ban 127.0.0.5 spam");
    root.expect("* 127.0.0.5 is banned from #lobby");
    ChatClient banned = clients.connect(port, "127.0.0.5", 0);
    banned.expect("! you are banned from this server: spam");
    banned.expectClosed();

    ChatClient eve = login("eve", "127.0.0.6");
    root.readUntil("* eve has arrived");
    root.say("/ban eve abuse");
    eve.expect("* you were kicked: abuse");
    eve.expectClosed();
    root.readUntil("* eve has left (kicked: abuse)");
    ChatClient again = clients.connect(port, "127.0.0.6", 0);
    again.expect("* welcome to parley, what is your name?");
    again.say("eve");
    again.expect("* eve is registered, what is its password?");
    again.say(PASSWORD);
    again.expect("! you are banned from this server: abuse");
    again.expectClosed();

    ChatClient guest = guest("guest1x", null);
    guest.say("/ban 127.0.0.7");
    guest.expect("! only operators of #lobby may do that");
    root.say("/topic welcome all");
    root.readUntil("* root set the topic: welcome all");
  }
}
