package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.accounts.PasswordHash;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.RoomEvents;
import dev.parley.test.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The moderation and account requests of docs/event-bus.md over the real event bus, with members on
 * real sockets (PROTOCOL.md section 13, "event-bus API"): each request's success and its error
 * codes, the typed client's methods, the public events of each change on the room's events address,
 * and that a password never crosses the event bus. The store's outages (NOT_SAVED) are another
 * test's.
 */
@ExtendWith(VertxExtension.class)
class ApiModerationTest {
  private static final long MINUTE = 60_000;

  @RegisterExtension final ChatClients clients = new ChatClients();

  private int port;
  private EventBus bus;
  private RoomClient client;

  @BeforeEach
  void start(Vertx vertx) {
    port = TestServer.start(vertx, TestServer.config()).port();
    bus = vertx.eventBus();
    client = RoomClient.create(vertx);
  }

  // ---- helpers

  private JsonObject request(String address, Object body) {
    return bus.<JsonObject>request(address, body).await().body();
  }

  /** A request that must fail: "CODE message". */
  private String failure(String address, Object body) {
    return failed(bus.request(address, body));
  }

  /** A future that must fail with a reply: "CODE message". */
  private static String failed(Future<?> future) {
    ReplyException e = assertThrows(ReplyException.class, future::await);
    return e.failureCode() + " " + e.getMessage();
  }

  /** A guest that joins and then enters #ops, typed as {@code room}, seeing the roster there. */
  private ChatClient inRoom(String name, String room, String roster) {
    ChatClient member = clients.join(port, name);
    member.say("/join " + room);
    member.expect("* now in #ops").expect(roster);
    return member;
  }

  /** Logs in to an account over TCP with its password, up to the roster of the default room. */
  private ChatClient login(String name, String password) {
    ChatClient member = clients.connect(port);
    member.expect("* welcome to parley, what is your name?");
    member.say(name);
    member.expect("* " + name + " is registered, what is its password?");
    member.say(password);
    member.expect("* you are " + name);
    member.expectStartsWith("* online (");
    return member;
  }

  /** The next policy event, skipping arrivals, departures and chat lines. */
  private static PolicyEvent nextPolicy(RoomEvents events) throws InterruptedException {
    while (true) {
      if (events.next() instanceof PolicyEvent policy) {
        return policy;
      }
    }
  }

  /** Checks a policy event's fields, those of its JSON included. */
  private static void assertPolicy(
      PolicyEvent event, String type, String by, String target, String text, boolean set) {
    assertEquals("#ops", event.room());
    assertEquals(type, event.type());
    assertEquals(by, event.by());
    assertEquals(target, event.target());
    assertEquals(text, event.text());
    assertEquals(set, event.set());
    assertTrue(event.seq() > 0 && event.time() > 0 && !event.run().isEmpty(), event::toString);
    JsonObject json = event.toJson();
    assertEquals(type, json.getString("type"));
    assertEquals("#ops", json.getString("room"));
    assertEquals(by, json.getString("by"));
    assertEquals(target, json.getString("target"));
    assertEquals(text, json.getString("text"));
    assertEquals(set, json.getBoolean("set"));
    assertEquals(event.until(), json.getLong("until"));
  }

  // ---- kick

  @Test
  void kickFromARoomSendsALineSessionToTheDefaultRoom() throws Exception {
    ChatClient carol = inRoom("carol", "#ops", "* online (1): carol");
    ChatClient bob = inRoom("bob", "ops", "* online (2): carol, bob");
    carol.expect("* bob has arrived");
    ChatClient dan = inRoom("dan", "#ops", "* online (3): carol, bob, dan");
    carol.expect("* dan has arrived");
    bob.expect("* dan has arrived");

    assertEquals("bob", client.kick("BOB", "#OPS", "spam").await());
    bob.expect("* you were kicked: spam");
    bob.expect("* now in #lobby");
    bob.expect("* online (1): bob");
    carol.expect("* bob has left (kicked: spam)");
    dan.expect("* bob has left (kicked: spam)");
    bob.say("still here");
    bob.expect("bob: still here");

    // Without a reason the kick is "by" whoever acts.
    assertEquals("dan", client.actingAs("warden").kick("dan", "ops", null).await());
    dan.expect("* you were kicked: by warden");
    carol.expect("* dan has left (kicked: by warden)");
    assertEquals("carol", client.kick("carol", "#ops", "").await());
    carol.expect("* you were kicked: by service");

    assertEquals("404 nobody is called bob in #ops", failed(client.kick("bob", "#ops", "x")));
    assertEquals("404 nobody is called zed", failed(client.kick("zed", "#ops", "x")));
    assertEquals(
        "422 bad room name \"#a b\": name may contain only letters, digits, \"_\", \"-\" and"
            + " \".\"",
        failed(client.kick("bob", "#a b", "x")));
    assertEquals(
        "422 field \"by\": name may contain only letters, digits, \"_\", \"-\" and \".\"",
        failed(client.actingAs("a b").kick("bob", "#lobby", "x")));
    assertEquals(
        "400 field \"by\" must not be empty",
        failure(
            ApiAddresses.KICK,
            new JsonObject().put("name", "bob").put("room", "#ops").put("by", " ")));
    assertEquals(
        "400 field \"name\" must not be empty",
        failure(ApiAddresses.KICK, new JsonObject().put("name", "").put("reason", "x")));
    assertEquals(
        "400 unknown field \"why\"; allowed: name, reason, room, by",
        failure(ApiAddresses.KICK, new JsonObject().put("name", "bob").put("why", "x")));
    // Without a room, as before: a reason is needed and the connection closes.
    assertEquals(
        "400 missing field \"reason\"",
        failure(ApiAddresses.KICK, new JsonObject().put("name", "bob")));
    assertEquals("bob", client.kick("bob", null, "bye").await());
    // dan and carol came to the default room meanwhile.
    assertEquals(
        List.of("* dan has arrived", "* carol has arrived", "* you were kicked: bye"),
        bob.readUntil("* you were kicked: bye"));
    bob.expectClosed();
  }

  @Test
  void kickFromARoomTakesABusMemberOutOfThatRoomOnly() throws Exception {
    ChatClient carol = inRoom("carol", "#ops", "* online (1): carol");
    BusMember bot = client.join("bot", "#ops").await();
    bot.enter("#lobby").await();
    carol.expect("* bot has arrived");
    assertEquals("bot", client.kick("bot", "#ops", "noisy").await());
    carol.expect("* bot has left (kicked: noisy)");
    assertEquals(List.of("bot"), client.who("#lobby").await().stream().map(e -> e.name()).toList());
    assertTrue(client.who("#ops").await().stream().noneMatch(e -> e.name().equals("bot")));
  }

  // ---- ban

  @Test
  void aBanKicksAConnectedMemberKeepsItOutAndIsAnEvent() throws Exception {
    RoomEvents events = RoomEvents.subscribe(client, "#ops");
    client.registerAccount("bob", "bob's long password").await();
    ChatClient alice = inRoom("alice", "#ops", "* online (1): alice");
    ChatClient bob = login("bob", "bob's long password");
    bob.say("/join ops");
    bob.expect("* now in #ops").expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");

    assertEquals("bob", client.ban("#ops", "Bob", 0, "flooding").await());
    bob.expect("* you were kicked: flooding");
    bob.expect("* now in #lobby");
    bob.expect("* online (1): bob");
    alice.expect("* bob has left (kicked: flooding)");
    PolicyEvent banned = nextPolicy(events);
    assertPolicy(banned, PolicyEvent.BAN, "service", "bob", "flooding", true);
    assertEquals(0, banned.until());
    bob.say("/join ops");
    bob.expect("! you are banned from #ops: flooding");

    List<RoomBan> bans = client.bans("ops").await();
    assertEquals(1, bans.size());
    RoomBan ban = bans.get(0);
    assertEquals(List.of("bob", "account", "service", 0L, "flooding"), banFields(ban));
    assertTrue(ban.atMillis() > 0);

    client.unban("#ops", "BOB").await();
    PolicyEvent lifted = nextPolicy(events);
    assertPolicy(lifted, PolicyEvent.BAN, "service", "BOB", "", false);
    bob.say("/join ops");
    bob.expect("* now in #ops").expect("* online (2): alice, bob");
    assertEquals(List.of(), client.bans("#ops").await());
    assertEquals("400 BOB is not banned from #ops", failed(client.unban("#ops", "BOB")));
  }

  private static List<Object> banFields(RoomBan ban) {
    return List.of(ban.target(), ban.kind(), ban.by(), ban.untilMillis(), ban.why());
  }

  @Test
  void aBanTargetsAnAccountThatIsNotConnectedAnAddressOrABlock() throws Exception {
    RoomEvents events = RoomEvents.subscribe(client, "#ops");
    client.registerAccount("dora", "dora's long password").await();
    long before = System.currentTimeMillis();
    assertEquals("dora", client.actingAs("warden").ban("#ops", "DORA", 5, "").await());
    PolicyEvent dora = nextPolicy(events);
    assertPolicy(dora, PolicyEvent.BAN, "warden", "dora", "", true);
    assertTrue(
        dora.until() >= before + 5 * MINUTE
            && dora.until() <= System.currentTimeMillis() + 5 * MINUTE,
        () -> "until " + dora.until());
    assertEquals("203.0.113.7", client.ban("#ops", "203.0.113.7", 0, "").await());
    assertEquals("2001:db8::/48", client.ban("#ops", "2001:db8::/48", 0, "bots").await());
    assertEquals(
        List.of("dora account", "203.0.113.7 address", "2001:db8::/48 cidr"),
        client.bans("#ops").await().stream().map(b -> b.target() + " " + b.kind()).toList());
    ChatClient doraOnline = login("dora", "dora's long password");
    doraOnline.say("/join ops");
    doraOnline.expect("! you are banned from #ops: by warden");

    JsonObject reply =
        request(
            ApiAddresses.BAN,
            new JsonObject().put("room", "ops").put("target", "203.0.113.8").put("minutes", 1));
    assertEquals("#ops", reply.getString("room"));
    assertEquals("203.0.113.8", reply.getString("target"));
    assertTrue(reply.getLong("until") > before);
  }

  @Test
  void banRefusesBadRequests() {
    assertEquals("404 nobody is called zed", failed(client.ban("#ops", "zed", 0, "")));
    assertEquals(
        "400 missing field \"room\"",
        failure(ApiAddresses.BAN, new JsonObject().put("target", "203.0.113.7")));
    assertEquals(
        "400 missing field \"target\"",
        failure(ApiAddresses.BAN, new JsonObject().put("room", "#ops")));
    assertEquals(
        "400 field \"target\" must not be empty",
        failure(ApiAddresses.BAN, new JsonObject().put("room", "#ops").put("target", " ")));
    assertEquals(
        "400 field \"minutes\" must be a whole number from 0 to 999999999",
        failure(
            ApiAddresses.BAN,
            new JsonObject().put("room", "#ops").put("target", "zed").put("minutes", -1)));
    assertEquals(
        "400 field \"minutes\" must be a whole number from 0 to 999999999",
        failure(
            ApiAddresses.BAN,
            new JsonObject().put("room", "#ops").put("target", "zed").put("minutes", "5")));
    assertEquals(
        "400 field \"why\" must be a string",
        failure(
            ApiAddresses.BAN,
            new JsonObject().put("room", "#ops").put("target", "zed").put("why", 5)));
    assertEquals(
        "422 bad room name \"#\": it has no name",
        failure(ApiAddresses.BAN, new JsonObject().put("room", "#").put("target", "zed")));
    assertEquals(
        "400 unknown field \"reason\"; allowed: room, target, minutes, why, by",
        failure(
            ApiAddresses.BAN,
            new JsonObject().put("room", "#ops").put("target", "zed").put("reason", "x")));
    assertEquals(
        "400 unknown field \"by\"; allowed: room",
        failure(ApiAddresses.BANS, new JsonObject().put("room", "#ops").put("by", "x")));
    assertEquals("400 missing field \"room\"", failure(ApiAddresses.BANS, new JsonObject()));
    assertEquals(
        "400 missing field \"target\"",
        failure(ApiAddresses.UNBAN, new JsonObject().put("room", "#ops")));
  }

  // ---- mute

  @Test
  void aMuteSilencesAMemberInTheRoomUntilUnmutedAndEachIsAnEvent() throws Exception {
    RoomEvents events = RoomEvents.subscribe(client, "#ops");
    ChatClient alice = inRoom("alice", "#ops", "* online (1): alice");
    ChatClient bob = inRoom("bob", "#ops", "* online (2): alice, bob");
    alice.expect("* bob has arrived");

    long before = System.currentTimeMillis();
    assertEquals("bob", client.actingAs("warden").mute("ops", "BOB", 10).await());
    alice.expect("* bob was muted by warden");
    bob.expect("* bob was muted by warden");
    PolicyEvent muted = nextPolicy(events);
    assertPolicy(muted, PolicyEvent.MUTE, "warden", "bob", "", true);
    assertTrue(
        muted.until() >= before + 10 * MINUTE
            && muted.until() <= System.currentTimeMillis() + 10 * MINUTE);
    bob.say("can you hear me?");
    bob.expect("! you are muted in #ops");
    bob.say("/msg alice privately");
    bob.expect("(private to alice) bob: privately");
    alice.expect("(private) bob: privately");

    client.unmute("#ops", "bob").await();
    alice.expect("* bob may speak again");
    bob.expect("* bob may speak again");
    assertPolicy(nextPolicy(events), PolicyEvent.MUTE, "service", "bob", "", false);
    bob.say("back");
    bob.expect("bob: back");
    alice.expect("bob: back");

    JsonObject reply =
        request(ApiAddresses.MUTE, new JsonObject().put("room", "#ops").put("name", "alice"));
    assertEquals(new JsonObject().put("room", "#ops").put("name", "alice").put("until", 0L), reply);
    alice.expect("* alice was muted by service");

    assertEquals("404 nobody is called zed", failed(client.mute("#ops", "zed", 0)));
    assertEquals("400 bob is not muted in #ops", failed(client.unmute("#ops", "bob")));
    assertEquals(
        "400 missing field \"name\"",
        failure(ApiAddresses.MUTE, new JsonObject().put("room", "#ops")));
    assertEquals(
        "400 unknown field \"minutes\"; allowed: room, name, by",
        failure(
            ApiAddresses.UNMUTE,
            new JsonObject().put("room", "#ops").put("name", "bob").put("minutes", 1)));
    assertEquals(
        "400 field \"minutes\" must be a whole number from 0 to 999999999",
        failure(
            ApiAddresses.MUTE,
            new JsonObject().put("room", "#ops").put("name", "bob").put("minutes", 1.5)));
  }

  // ---- topic

  @Test
  void theTopicIsReadSetAndClearedAndEachChangeIsAnEvent() throws Exception {
    RoomEvents events = RoomEvents.subscribe(client, "#ops");
    ChatClient alice = inRoom("alice", "#ops", "* online (1): alice");
    assertEquals("", client.topic("#ops").await());
    assertEquals(
        new JsonObject().put("room", "#ops").put("text", "").put("by", "").put("time", 0L),
        request(ApiAddresses.TOPIC, new JsonObject().put("room", "OPS").put("text", "")));

    long before = System.currentTimeMillis();
    assertEquals("release at 5", client.setTopic("ops", " release at 5 ").await());
    alice.expect("* service set the topic: release at 5");
    assertPolicy(nextPolicy(events), PolicyEvent.TOPIC, "service", "", "release at 5", true);
    JsonObject read = request(ApiAddresses.TOPIC, new JsonObject().put("room", "#ops"));
    assertEquals("release at 5", read.getString("text"));
    assertEquals("service", read.getString("by"));
    assertTrue(read.getLong("time") >= before);
    ChatClient bob = clients.join(port, "bob");
    bob.say("/join #ops");
    bob.expect("* now in #ops").expect("* topic: release at 5").expect("* online (2): alice, bob");

    assertEquals("", client.actingAs("warden").setTopic("#ops", "-").await());
    alice.expect("* bob has arrived").expect("* warden cleared the topic");
    assertPolicy(nextPolicy(events), PolicyEvent.TOPIC, "warden", "", "", false);
    assertEquals("", client.topic("#ops").await());

    assertEquals(
        "400 a topic has at most 300 bytes", failed(client.setTopic("#ops", "é".repeat(151))));
    assertEquals(
        "400 a topic must not be empty; \"-\" clears it", failed(client.setTopic("#ops", " ")));
    assertEquals(
        "400 field \"text\" must be a string",
        failure(ApiAddresses.TOPIC, new JsonObject().put("room", "#ops").put("text", 1)));
    assertEquals("400 missing field \"room\"", failure(ApiAddresses.TOPIC, new JsonObject()));
  }

  // ---- op, deop

  @Test
  void opAndDeopChangeARoomsOperatorsAndEachIsAnEvent() throws Exception {
    RoomEvents events = RoomEvents.subscribe(client, "#ops");
    client.registerAccount("olga", "olga's long password").await();
    ChatClient alice = inRoom("alice", "#ops", "* online (1): alice");

    client.op("#ops", "OLGA").await();
    alice.expect("* olga is now an operator of #ops");
    assertPolicy(nextPolicy(events), PolicyEvent.OP, "service", "olga", "", true);
    assertEquals(
        new JsonObject().put("room", "#ops").put("account", "olga"),
        request(ApiAddresses.OP, new JsonObject().put("room", "#ops").put("account", "olga")));

    ChatClient olga = login("olga", "olga's long password");
    olga.say("/join ops");
    olga.expect("* now in #ops").expect("* online (2): alice, olga");
    olga.say("/topic set by olga");
    olga.expect("* olga set the topic: set by olga");
    assertPolicy(nextPolicy(events), PolicyEvent.TOPIC, "olga", "", "set by olga", true);
    // A service acts in a room whose operators it is not one of.
    client.mute("#ops", "olga", 0).await();
    olga.expect("* olga was muted by service");
    assertPolicy(nextPolicy(events), PolicyEvent.MUTE, "service", "olga", "", true);

    client.actingAs("warden").deop("#ops", "olga").await();
    olga.expect("* olga is no longer an operator of #ops");
    assertPolicy(nextPolicy(events), PolicyEvent.OP, "warden", "olga", "", false);
    olga.say("/topic again");
    olga.expect("! only operators of #ops may do that");

    assertEquals("404 nobody is called zed", failed(client.op("#ops", "zed")));
    assertEquals("400 alice is not registered", failed(client.op("#ops", "alice")));
    assertEquals(
        "400 the operators of #lobby are the server's operators",
        failed(client.op("#lobby", "olga")));
    assertEquals("400 olga is not an operator of #ops", failed(client.deop("#ops", "olga")));
    assertEquals(
        "400 missing field \"account\"",
        failure(ApiAddresses.DEOP, new JsonObject().put("room", "#ops")));
  }

  // ---- accounts

  @Test
  void anAccountRegisteredThroughTheApiLogsInOverTcpWithItsPassword() {
    assertEquals("Dora", client.registerAccount("Dora", "correct horse battery").await());
    ChatClient dora = login("Dora", "correct horse battery");
    dora.say("/whois dora");
    dora.expect("* Dora is in #lobby, registered");
    dora.say("/quit");
    dora.expect("* bye");

    ChatClient wrong = clients.connect(port);
    wrong.expect("* welcome to parley, what is your name?");
    wrong.say("dora");
    wrong.expect("* Dora is registered, what is its password?");
    wrong.say("battery horse correct");
    wrong.expect("! wrong password for Dora");
    wrong.expect("* what is your name?");

    client.setPassword("DORA", "a new long password").await();
    wrong.say("Dora");
    wrong.expect("* Dora is registered, what is its password?");
    wrong.say("correct horse battery");
    wrong.expect("! wrong password for Dora");
    wrong.expect("* what is your name?");
    login("Dora", "a new long password").say("/quit").expect("* bye");

    client.deleteAccount("dora").await();
    clients.join(port, "Dora");
  }

  @Test
  void accountRequestsRefuseBadRequests() {
    String hash = PasswordHash.hash("a good long password");
    client.registerAccount("erin", "a good long password").await();
    assertEquals(
        "409 ERIN is already registered", failed(client.registerAccount("ERIN", "x".repeat(8))));
    assertEquals(
        "400 guest names cannot be registered",
        failed(client.registerAccount("guest7", "a good long password")));
    assertEquals(
        "422 name may contain only letters, digits, \"_\", \"-\" and \".\"",
        failed(client.registerAccount("e rin", "a good long password")));
    assertEquals(
        "400 a password has 8 to 128 bytes", failed(client.registerAccount("fay", "short")));
    assertEquals(
        "400 a password has 8 to 128 bytes", failed(client.setPassword("erin", "x".repeat(129))));
    assertEquals(
        "400 field \"passwordHash\" must be an Argon2id hash made with PasswordHash.hash",
        failure(
            ApiAddresses.ACCOUNT_REGISTER,
            new JsonObject().put("name", "fay").put("passwordHash", "a good long password")));
    assertEquals(
        "400 missing field \"passwordHash\"",
        failure(ApiAddresses.ACCOUNT_PASSWORD, new JsonObject().put("name", "erin")));
    assertEquals(
        "400 unknown field \"password\"; allowed: name, passwordHash",
        failure(
            ApiAddresses.ACCOUNT_REGISTER,
            new JsonObject().put("name", "fay").put("password", "a good long password")));
    assertEquals(
        "400 the body must be a JSON object", failure(ApiAddresses.ACCOUNT_DELETE, "erin"));
    assertEquals(
        "400 field \"name\" must not be empty",
        failure(ApiAddresses.ACCOUNT_DELETE, new JsonObject().put("name", " ")));
    assertEquals("404 nobody is called zed", failed(client.setPassword("zed", "a good password")));
    assertEquals("404 nobody is called zed", failed(client.deleteAccount("zed")));
    assertEquals(
        new JsonObject().put("name", "fay"),
        request(
            ApiAddresses.ACCOUNT_REGISTER,
            new JsonObject().put("name", "fay").put("passwordHash", hash)));
    assertEquals(
        new JsonObject(),
        request(
            ApiAddresses.ACCOUNT_PASSWORD,
            new JsonObject().put("name", "fay").put("passwordHash", hash)));
    assertEquals(
        new JsonObject(),
        request(ApiAddresses.ACCOUNT_DELETE, new JsonObject().put("name", "fay")));
  }

  @Test
  void aPasswordNeverCrossesTheEventBus(Vertx vertx) throws Exception {
    String password = "never on the bus 7Qx";
    ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    Handler<DeliveryContext<Object>> recorder =
        context -> {
          Object body = context.message().body();
          seen.add(
              context.message().address()
                  + " "
                  + context.message().headers()
                  + " "
                  + (body instanceof JsonObject json ? json.encode() : String.valueOf(body)));
          context.next();
        };
    bus.addOutboundInterceptor(recorder);
    try {
      assertEquals("gwen", client.registerAccount("gwen", password).await(30, TimeUnit.SECONDS));
      client.setPassword("gwen", password + "!").await(30, TimeUnit.SECONDS);
    } finally {
      bus.removeOutboundInterceptor(recorder);
    }
    List<String> register =
        seen.stream().filter(s -> s.startsWith(ApiAddresses.ACCOUNT_REGISTER + " ")).toList();
    assertEquals(1, register.size(), seen::toString);
    assertTrue(register.get(0).contains("\"passwordHash\":\"$argon2id$"), register::toString);
    assertTrue(
        seen.stream().anyMatch(s -> s.startsWith(ApiAddresses.ACCOUNT_PASSWORD + " ")),
        seen::toString);
    for (String message : seen) {
      assertFalse(message.contains(password), () -> "the password crossed the bus: " + message);
    }
    login("gwen", password + "!");
  }
}
