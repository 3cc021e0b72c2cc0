package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.IrcClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 14, with the exact messages: an IRC client registers, joins rooms that line
 * members are in, and talks with them both ways; the numerics of the refusals. The IRC client is a
 * plain socket speaking IRC lines, as a test can check every byte of them.
 */
@ExtendWith(VertxExtension.class)
class IrcTest {
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

  /** Registers {@code nick} with NICK and USER, up to 422. */
  private ChatClient irc(String nick) {
    return IrcClients.register(clients, ircPort, nick, null);
  }

  private static List<String> join(ChatClient client, String nick, String room) {
    client.say("JOIN " + room);
    client.expect(":" + nick + "!" + nick + "@parley JOIN " + room);
    return client.readUntil(":parley 366 " + nick + " " + room + " :End of /NAMES list");
  }

  @Test
  void registrationEndsWithTheWelcomeNumericsLusersAndNoMotd() {
    ChatClient line = clients.join(port, "bob");
    ChatClient alice = clients.connect(ircPort);
    // Clients end their lines with CR LF, as RFC 1459 says.
    alice.sendRaw(
        "NICK alice\r\nUSER alice 0 * :Alice Liddell\r\n".getBytes(StandardCharsets.UTF_8));
    alice.expect(":parley 001 alice :Welcome to the Parley IRC Network alice");
    alice.expectStartsWith(":parley 002 alice :Your host is parley, running version parley-");
    alice.expectStartsWith(":parley 003 alice :This server was created ");
    alice.expectStartsWith(":parley 004 alice parley parley-");
    String isupport = alice.expectStartsWith(":parley 005 alice ");
    for (String token :
        List.of(
            "CASEMAPPING=rfc8265",
            "CHANTYPES=#",
            "CHANNELLEN=33",
            "NICKLEN=32",
            "PREFIX=(o)@",
            "CHANMODES=",
            "TOPICLEN=",
            "NETWORK=Parley",
            "UTF8ONLY")) {
      assertTrue(isupport.contains(" " + token), () -> token + " missing in " + isupport);
    }
    assertTrue(isupport.endsWith(" :are supported by this server"), isupport);
    String more = alice.expectStartsWith(":parley 005 alice ");
    for (String token : List.of("WHOX", "MONITOR=100")) {
      assertTrue((isupport + more).contains(" " + token), () -> token + " missing");
    }
    // bob on the line port and alice herself; the one room with members is bob's.
    alice.expect(":parley 251 alice :There are 2 users and 0 invisible on 1 servers");
    alice.expect(":parley 254 alice 1 :channels formed");
    alice.expect(":parley 255 alice :I have 2 clients and 1 servers");
    alice.expect(":parley 265 alice 2 2 :Current local users 2, max 2");
    alice.expect(":parley 266 alice 2 2 :Current global users 2, max 2");
    alice.expect(":parley 422 alice :MOTD File is missing");
    line.say("hello");
    alice.say("PING :token");
    alice.expect(":parley PONG parley :token");
    alice.say("WHOIS alice");
    alice.expect(":parley 311 alice alice alice parley * :Alice Liddell");
    alice.readUntil(":parley 318 alice alice :End of /WHOIS list");
  }

  @Test
  void commandsSentAtOnceAreAnsweredInTheirOrder() {
    ChatClient bob = clients.join(port, "bob");
    ChatClient eager = clients.connect(ircPort);
    eager.sendRaw(
        ("NICK eager\r\nUSER eager 0 * :e\r\nPING :early\r\nJOIN #lobby\r\n"
                + "PRIVMSG #lobby :at once\r\nPART #lobby\r\nPING :late\r\n")
            .getBytes(StandardCharsets.UTF_8));
    eager.readUntil(":parley 422 eager :MOTD File is missing");
    eager.expect(":parley PONG parley :early");
    eager.expect(":eager!eager@parley JOIN #lobby");
    eager.readUntil(":parley 366 eager #lobby :End of /NAMES list");
    eager.expect(":eager!eager@parley PART #lobby");
    eager.expect(":parley PONG parley :late");
    bob.expect("* eager has arrived");
    bob.expect("eager: at once");
    bob.expect("* eager has left");
  }

  @Test
  void aNickThatIsNotAParleyNameGets432AndATakenOne433() {
    clients.join(port, "bob");
    ChatClient client = clients.connect(ircPort);
    client.say("NICK #bad");
    client.expectStartsWith(":parley 432 * #bad :Erroneous nickname: ");
    client.say("NICK BOB");
    client.say("USER carol 0 * :Carol");
    client.expect(":parley 433 * BOB :Nickname is already in use");
    client.say("JOIN #lobby");
    client.expect(":parley 451 * :You have not registered");
    client.say("NICK carol");
    client.readUntil(":parley 422 carol :MOTD File is missing");
  }

  @Test
  void channelsAreRoomsSharedWithLineMembers() {
    ChatClient bob = clients.join(port, "bob");
    ChatClient alice = irc("alice");
    List<String> joined = join(alice, "alice", "#lobby");
    assertEquals(
        List.of(
            ":parley 353 alice = #lobby :bob alice",
            ":parley 366 alice #lobby :End of /NAMES list"),
        joined);
    bob.expect("* alice has arrived");

    alice.say("PRIVMSG #lobby :hello from irc");
    bob.expect("alice: hello from irc");
    bob.say("hello from a line");
    bob.expect("bob: hello from a line");
    alice.expect(":bob!bob@parley PRIVMSG #lobby :hello from a line");

    alice.say("PRIVMSG #lobby :\u0001ACTION waves\u0001");
    bob.expect("alice: /me waves");
    bob.say("//me waves back");
    bob.expect("bob: /me waves back");
    alice.expect(":bob!bob@parley PRIVMSG #lobby :\u0001ACTION waves back\u0001");

    alice.say("PRIVMSG bob :a private word");
    bob.expect("(private) alice: a private word");
    bob.say("/msg alice and back");
    alice.expect(":bob!bob@parley PRIVMSG alice :and back");

    bob.say("/join #side");
    bob.readUntil("* now in #side");
    alice.expect(":bob!bob@parley PART #lobby :joined #side");
    join(alice, "alice", "#side");
    bob.readUntil("* alice has arrived");
    alice.say("PART #side :enough");
    alice.expect(":alice!alice@parley PART #side :enough");
    bob.expect("* alice has left (enough)");
    alice.say("JOIN #side");
    alice.readUntil(":parley 366 alice #side :End of /NAMES list");
    bob.expect("* alice has arrived");
    alice.say("QUIT :gone home");
    alice.expect("ERROR :Closing link: Quit: gone home");
    bob.expect("* alice has left (gone home)");
  }

  /**
   * A NOTICE to a channel is a chat line for line members and stays a NOTICE for IRC clients, the
   * sender's echo too: bots that answer PRIVMSGs never answer a NOTICE, so none loops.
   */
  @Test
  void aNoticeToAChannelStaysANoticeForIrcClients() {
    ChatClient bob = clients.join(port, "bob");
    ChatClient alice = IrcClients.registerWith(clients.connect(ircPort), "alice", "echo-message");
    join(alice, "alice", "#lobby");
    ChatClient carol = irc("carol");
    join(carol, "carol", "#lobby");
    bob.readUntil("* carol has arrived");

    alice.say("NOTICE #lobby :build 7 passed");
    bob.expect("alice: build 7 passed");
    alice.readUntil(":alice!alice@parley NOTICE #lobby :build 7 passed");
    carol.expect(":alice!alice@parley NOTICE #lobby :build 7 passed");
    alice.say("PRIVMSG #lobby :and a word");
    bob.expect("alice: and a word");
    carol.expect(":alice!alice@parley PRIVMSG #lobby :and a word");
    alice.say("NOTICE #lobby :\u0001ACTION nods\u0001");
    bob.expect("alice: /me nods");
    carol.expect(":alice!alice@parley PRIVMSG #lobby :\u0001ACTION nods\u0001");
  }

  /**
   * AWAY: 306 and 305 to the client, 301 to whoever sends it a private PRIVMSG or asks WHOIS while
   * it is away, and nothing once it is back; {@code AWAY :} is back too.
   */
  @Test
  void awayIsToldToWhoeverWritesToTheClient() {
    ChatClient bar = irc("bar");
    ChatClient qux = irc("qux");
    bar.say("AWAY :\u0007gone fishing  ");
    bar.expect(":parley 306 bar :You have been marked as being away");
    qux.say("PRIVMSG bar :what's up");
    qux.expect(":parley 301 qux bar :gone fishing");
    bar.expect(":qux!qux@parley PRIVMSG bar :what's up");
    qux.say("WHOIS bar");
    List<String> whois = qux.readUntil(":parley 318 qux bar :End of /WHOIS list");
    assertTrue(whois.contains(":parley 301 qux bar :gone fishing"), whois::toString);

    bar.say("AWAY :");
    bar.expect(":parley 305 bar :You are no longer marked as being away");
    qux.say("PRIVMSG bar :back?");
    qux.say("PING :after");
    qux.expect(":parley PONG parley :after");
    bar.expect(":qux!qux@parley PRIVMSG bar :back?");
    qux.say("WHOIS bar");
    whois = qux.readUntil(":parley 318 qux bar :End of /WHOIS list");
    assertTrue(whois.stream().noneMatch(l -> l.contains(" 301 ")), whois::toString);

    bar.say("AWAY :" + "\u20ac".repeat(70));
    bar.expect(":parley 306 bar :You have been marked as being away");
    qux.say("PRIVMSG bar :long?");
    qux.expect(":parley 301 qux bar :" + "\u20ac".repeat(66));
    bar.expect(":qux!qux@parley PRIVMSG bar :long?");
    bar.say("AWAY");
    bar.expect(":parley 305 bar :You are no longer marked as being away");
  }

  @Test
  void anIrcClientIsInManyRoomsAtOnce() {
    ChatClient bob = clients.join(port, "bob");
    ChatClient carol = clients.join(port, "carol");
    carol.say("/join #side");
    carol.readUntil("* now in #side");
    ChatClient alice = irc("alice");
    alice.say("JOIN #lobby,#side");
    List<String> lines = alice.readUntil(":parley 366 alice #side :End of /NAMES list");
    assertTrue(lines.contains(":alice!alice@parley JOIN #lobby"), lines::toString);
    assertTrue(lines.contains(":alice!alice@parley JOIN #side"), lines::toString);
    bob.readUntil("* alice has arrived");
    carol.readUntil("* alice has arrived");
    alice.say("PRIVMSG #side :only side");
    carol.expect("alice: only side");
    alice.say("PRIVMSG #lobby :only lobby");
    bob.expect("alice: only lobby");
    alice.say("NAMES #side");
    alice.expect(":parley 353 alice = #side :carol alice");
    alice.expect(":parley 366 alice #side :End of /NAMES list");
    alice.say("WHOIS carol");
    alice.expect(":parley 311 alice carol carol parley * :carol");
    alice.expect(":parley 319 alice carol :#side");
    alice.expect(":parley 312 alice carol parley :Parley");
    alice.expect(":parley 318 alice carol :End of /WHOIS list");
    alice.say("WHOIS alice");
    alice.expect(":parley 311 alice alice alice parley * :alice");
    alice.readUntil(":parley 318 alice alice :End of /WHOIS list");
    alice.say("WHO #side");
    assertEquals(
        List.of(
            ":parley 352 alice #side carol parley parley carol H :0 carol",
            ":parley 352 alice #side alice parley parley alice H :0 alice",
            ":parley 315 alice #side :End of /WHO list"),
        alice.read(3));
    alice.say("WHO carol");
    alice.expect(":parley 352 alice * carol parley parley carol H :0 carol");
    alice.expect(":parley 315 alice carol :End of /WHO list");
    alice.say("LIST");
    alice.expect(":parley 321 alice Channel :Users  Name");
    List<String> listed = alice.readUntil(":parley 323 alice :End of /LIST");
    assertTrue(listed.contains(":parley 322 alice #lobby 2 :"), listed::toString);
    assertTrue(listed.contains(":parley 322 alice #side 2 :"), listed::toString);
    alice.say("QUIT");
    alice.expectStartsWith("ERROR :Closing link");
    bob.expectStartsWith("* alice has left");
    carol.expectStartsWith("* alice has left");
  }

  @Test
  void anotherIrcClientSeesAPartAsAPartAndAQuitAsAQuit() {
    ChatClient alice = irc("alice");
    ChatClient carol = irc("carol");
    join(alice, "alice", "#side");
    join(carol, "carol", "#side");
    alice.expect(":carol!carol@parley JOIN #side");
    carol.say("PART #side :bye for now");
    carol.expect(":carol!carol@parley PART #side :bye for now");
    alice.expect(":carol!carol@parley PART #side :bye for now");
    join(carol, "carol", "#side");
    alice.expect(":carol!carol@parley JOIN #side");
    carol.say("QUIT :home");
    alice.expect(":carol!carol@parley QUIT :home");
  }

  @Test
  void historyFollowsNamesAsNoticesOrAsABatchOfPrivmsgs() {
    ChatClient bob = clients.join(port, "bob");
    bob.say("first words");
    bob.expect("bob: first words");
    ChatClient plain = irc("plain");
    List<String> lines = join(plain, "plain", "#lobby");
    assertEquals(":parley 353 plain = #lobby :bob plain", lines.get(0));
    String notice = plain.nextLine();
    assertTrue(
        notice.matches(":parley NOTICE #lobby :\\[\\d\\d:\\d\\d\\] bob: first words"), notice);

    ChatClient tagged = clients.connect(ircPort);
    tagged.say("CAP LS 302");
    tagged.expectStartsWith(":parley CAP * LS :");
    tagged.say("CAP REQ :batch server-time");
    tagged.expect(":parley CAP * ACK :batch server-time");
    tagged.say("NICK tagged");
    tagged.say("USER tagged 0 * :t");
    tagged.say("CAP END");
    tagged.readUntil(":parley 422 tagged :MOTD File is missing");
    tagged.say("JOIN #lobby");
    tagged.readUntil(":parley 366 tagged #lobby :End of /NAMES list");
    String open = tagged.expectStartsWith(":parley BATCH +");
    String ref = open.split(" ")[2].substring(1);
    assertEquals(":parley BATCH +" + ref + " chathistory #lobby", open);
    String line = tagged.nextLine();
    assertTrue(
        line.matches(
            "@(batch="
                + ref
                + ";time=\\S+|time=\\S+;batch="
                + ref
                + ")"
                + " :bob!bob@parley PRIVMSG #lobby :first words"),
        line);
    tagged.expect(":parley BATCH -" + ref);
  }

  @Test
  void aRegisteredNickLogsInWithSaslPlainOrPassAndAWrongPasswordIsRefused() {
    ChatClient owner = clients.join(port, "dora");
    owner.say("/register " + PASSWORD);
    owner.readUntil("* dora is registered: from now on give your password after your name");
    owner.say("/quit");
    owner.readUntil("* bye");

    ChatClient wrong = clients.connect(ircPort);
    wrong.say("CAP LS 302");
    wrong.expectStartsWith(":parley CAP * LS :");
    wrong.say("CAP REQ :sasl");
    wrong.expect(":parley CAP * ACK :sasl");
    wrong.say("AUTHENTICATE PLAIN");
    wrong.expect("AUTHENTICATE +");
    wrong.say("AUTHENTICATE " + plain("dora", "not the password"));
    wrong.expect(":parley 904 * :SASL authentication failed");

    ChatClient sasl = clients.connect(ircPort);
    sasl.say("CAP LS 302");
    sasl.expectStartsWith(":parley CAP * LS :");
    sasl.say("CAP REQ :sasl");
    sasl.expect(":parley CAP * ACK :sasl");
    sasl.say("NICK dora");
    sasl.say("USER dora 0 * :Dora");
    sasl.say("AUTHENTICATE PLAIN");
    sasl.expect("AUTHENTICATE +");
    sasl.say("AUTHENTICATE " + plain("dora", PASSWORD));
    sasl.expect(":parley 900 * dora!dora@parley dora :You are now logged in as dora");
    sasl.expect(":parley 903 * :SASL authentication successful");
    sasl.say("CAP END");
    sasl.expect(":parley 001 dora :Welcome to the Parley IRC Network dora");
    sasl.readUntil(":parley 422 dora :MOTD File is missing");
    sasl.say("QUIT");
    sasl.expectStartsWith("ERROR :Closing link");
    sasl.expectClosed();

    ChatClient noPassword = clients.connect(ircPort);
    noPassword.say("NICK dora");
    noPassword.say("USER dora 0 * :Dora");
    noPassword.expect(":parley 433 * dora :Nickname is registered: log in with SASL PLAIN or PASS");

    ChatClient badPass = clients.connect(ircPort);
    badPass.say("PASS :wrong one");
    badPass.say("NICK dora");
    badPass.say("USER dora 0 * :Dora");
    badPass.expect(":parley 464 * :Password incorrect");
    badPass.expectStartsWith("ERROR :Closing link");
    badPass.expectClosed();

    ChatClient pass = clients.connect(ircPort);
    pass.say("PASS :" + PASSWORD);
    pass.say("NICK dora");
    pass.say("USER dora 0 * :Dora");
    pass.expect(":parley 001 dora :Welcome to the Parley IRC Network dora");
  }

  private static String plain(String account, String password) {
    byte[] bytes = (account + "\0" + account + "\0" + password).getBytes(StandardCharsets.UTF_8);
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Test
  void errorsGetTheNumericsOfTheModernDocuments() {
    ChatClient alice = irc("alice");
    alice.say("JOIN nochannel");
    alice.expect(":parley 403 alice nochannel :No such channel");
    alice.say("PRIVMSG #elsewhere :hi");
    alice.expect(":parley 404 alice #elsewhere :Cannot send to channel");
    alice.say("PRIVMSG nobody :hi");
    alice.expect(":parley 401 alice nobody :No such nick/channel");
    clients.join(port, "bob");
    alice.say("PART #lobby");
    alice.expect(":parley 442 alice #lobby :You're not on that channel");
    alice.say("TOPIC #empty");
    alice.expect(":parley 403 alice #empty :No such channel");
    alice.say("FROB");
    alice.expect(":parley 421 alice FROB :Unknown command");
    alice.say("KICK #lobby");
    alice.expect(":parley 461 alice KICK :Not enough parameters");
    alice.say("OPER root secret");
    alice.expectStartsWith(":parley 491 alice :");
    alice.say("MODE alice");
    alice.expect(":parley 221 alice :+");
    alice.say("MODE bob");
    alice.expect(":parley 502 alice :Can't change mode for other users");
    alice.say("PRIVMSG #lobby :" + "x".repeat(9000));
    alice.expect(":parley 417 alice :Input line was too long");
    alice.say("PING :still here");
    alice.expect(":parley PONG parley :still here");
  }

  @Test
  void invalidUtf8IsReplacedAndTheSenderIsWarned() {
    ChatClient bob = irc("bob");
    ChatClient alice = irc("alice");
    alice.sendRaw("PRIVMSG bob :hi\u00e9 ".getBytes(StandardCharsets.UTF_8));
    alice.sendRaw(new byte[] {'t', 'h', 'e', 'r', 'e', (byte) 0xaa, '\r', '\n'});
    alice.expect(":parley WARN PRIVMSG INVALID_UTF8 :Invalid UTF-8 was replaced with U+FFFD");
    bob.expect(":alice!alice@parley PRIVMSG bob :hi\u00e9 there\ufffd");
    // Well-formed text, U+FFFD included, gets no warning.
    alice.say("PRIVMSG bob :fine \ufffd");
    bob.expect(":alice!alice@parley PRIVMSG bob :fine \ufffd");
    alice.say("PING :sync");
    alice.expect(":parley PONG parley :sync");
  }
}
