package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rooms on the event bus (docs/event-bus.md): raw JSON requests and per-room events. */
@ExtendWith(VertxExtension.class)
class ApiRoomsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private Vertx vertx;
  private int port;
  private EventBus bus;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    port = TestServer.start(vertx, TestServer.config("rooms.maxRooms", 3)).port();
    bus = vertx.eventBus();
  }

  private JsonObject request(String address, JsonObject body) {
    return bus.<JsonObject>request(address, body).await().body();
  }

  private String failure(String address, JsonObject body) {
    Future<?> reply = bus.request(address, body);
    ReplyException e = assertThrows(ReplyException.class, reply::await);
    return e.failureCode() + " " + e.getMessage();
  }

  private static JsonObject of(Object... fields) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < fields.length; i += 2) {
      json.put((String) fields[i], fields[i + 1]);
    }
    return json;
  }

  @Test
  void aBusMemberJoinsARoomEntersAnotherAndTcpMembersOfEachSeeIt() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient olga = clients.join(port, "olga");
    olga.say("/join ops");
    olga.expect("* now in #ops").expect("* online (1): olga");

    JsonObject joined =
        request(ApiAddresses.JOIN, of("name", "bot", "member", "b1", "room", "OPS"));
    assertEquals(
        of(
                "room",
                "#ops",
                "seq",
                joined.getLong("seq"),
                "roster",
                new JsonArray(List.of("olga", "bot")))
            .put("members", 2)
            .put("member", "b1")
            .put("name", "bot"),
        joined);
    olga.expect("* bot has arrived");
    JsonObject entered = request(ApiAddresses.ENTER, of("member", "b1", "room", "#lobby"));
    assertEquals("#lobby", entered.getString("room"));
    assertEquals(List.of("alice", "bot"), entered.getJsonArray("roster").getList());
    alice
        .expect("* olga has arrived")
        .expect("* olga has left (joined #ops)")
        .expect("* bot has arrived");

    request(ApiAddresses.SAY, of("member", "b1", "room", "#Lobby", "text", "hello lobby"));
    request(ApiAddresses.SAY, of("member", "b1", "room", "\u043eps", "text", "hello ops"));
    alice.expect("bot: hello lobby");
    olga.expect("bot: hello ops");
    assertEquals(
        "400 in 2 rooms: name the room",
        failure(ApiAddresses.SAY, of("member", "b1", "text", "where?")));
    assertEquals(
        "403 not in #dev",
        failure(ApiAddresses.SAY, of("member", "b1", "room", "dev", "text", "x")));

    request(ApiAddresses.LEAVE, of("member", "b1", "room", "ops", "reason", "back soon"));
    olga.expect("* bot has left (back soon)");
    request(ApiAddresses.SAY, of("member", "b1", "text", "only the lobby now"));
    alice.expect("bot: only the lobby now");
    request(ApiAddresses.LEAVE, of("member", "b1"));
    alice.expect("* bot has left");
    assertEquals(
        "403 not a member of the room", failure(ApiAddresses.SAY, of("member", "b1", "text", "x")));
  }

  @Test
  void enterAndJoinRefuseBadRoomsOwnRoomsAndTheRoomLimit() {
    String member =
        request(ApiAddresses.JOIN, of("name", "bot", "room", "one")).getString("member");
    assertEquals(
        "422 bad room name \"#\": it has no name",
        failure(ApiAddresses.ENTER, of("member", member, "room", "#")));
    assertEquals(
        "400 you are already in #one",
        failure(ApiAddresses.ENTER, of("member", member, "room", "ONE")));
    request(ApiAddresses.ENTER, of("member", member, "room", "two"));
    request(ApiAddresses.ENTER, of("member", member, "room", "three"));
    assertEquals(
        "429 too many rooms, join an existing one",
        failure(ApiAddresses.ENTER, of("member", member, "room", "four")));
    assertEquals(
        "429 too many rooms, join an existing one",
        failure(ApiAddresses.JOIN, of("name", "other", "room", "four")));
    assertEquals("400 missing field \"room\"", failure(ApiAddresses.ENTER, of("member", member)));
    assertEquals(
        "403 not a member of the room",
        failure(ApiAddresses.ENTER, of("member", "nobody", "room", "two")));
    ChatClient tcp = clients.join(port, "tcp");
    tcp.say("/join five");
    tcp.expect("! too many rooms, join an existing one");
  }

  @Test
  void roomsListsTheRoomsWithMembersAndWhoListsOneRoom() {
    ChatClient alice = clients.join(port, "alice");
    clients.join(port, "bob");
    alice.say("/join ops");
    alice.expect("* bob has arrived").expect("* now in #ops");
    String member =
        request(ApiAddresses.JOIN, of("name", "bot", "room", "#Ops")).getString("member");
    request(ApiAddresses.ENTER, of("member", member, "room", "dev"));

    assertEquals(
        of(
            "total",
            3,
            "rooms",
            new JsonArray()
                .add(of("name", "#ops", "members", 2))
                .add(of("name", "#dev", "members", 1))
                .add(of("name", "#lobby", "members", 1))),
        request(ApiAddresses.ROOMS, new JsonObject()));
    assertEquals(
        List.of("alice", "bot"),
        request(ApiAddresses.WHO, of("room", "OPS")).getJsonArray("members").stream()
            .map(m -> ((JsonObject) m).getString("name"))
            .toList());
    assertEquals(
        List.of("bob"),
        request(ApiAddresses.WHO, new JsonObject()).getJsonArray("members").stream()
            .map(m -> ((JsonObject) m).getString("name"))
            .toList());
    assertEquals(0, request(ApiAddresses.WHO, of("room", "#empty")).getJsonArray("members").size());
    assertEquals(
        "422 bad room name \"#x y\": name may contain only letters, digits, \"_\", \"-\" and \".\"",
        failure(ApiAddresses.WHO, of("room", "#x y")));
    assertEquals(
        "400 unknown field \"all\"; this request has no fields",
        failure(ApiAddresses.ROOMS, of("all", true)));
  }

  @Test
  void oneRoomsEventsComeAloneOnItsOwnAddress() throws Exception {
    BlockingQueue<JsonObject> ops = new LinkedBlockingQueue<>();
    BlockingQueue<JsonObject> all = new LinkedBlockingQueue<>();
    bus.<JsonObject>consumer(ApiAddresses.events("#\uff4f\uff50\uff53"), m -> ops.add(m.body()))
        .completion()
        .await();
    bus.<JsonObject>consumer(ApiAddresses.EVENTS, m -> all.add(m.body())).completion().await();

    ChatClient alice = clients.join(port, "alice");
    alice.say("lobby line");
    alice.expect("alice: lobby line");
    alice.say("/join Ops");
    alice.expect("* now in #Ops").expect("* online (1): alice");
    alice.say("ops line");
    alice.expect("alice: ops line");
    alice.say("/join lobby");
    alice.expect("* now in #lobby").expect("* online (1): alice");
    alice.say("lobby again");
    alice.readUntil("alice: lobby again");
    alice.say("/join \u043ePS");
    alice.readUntil("* online (1): alice");

    List<String> allSeen =
        List.of(
            "arrived #lobby",
            "message #lobby",
            "left #lobby",
            "arrived #Ops",
            "message #Ops",
            "left #Ops",
            "arrived #lobby",
            "message #lobby");
    assertEquals(allSeen, take(all, allSeen.size()));
    // Nothing of #lobby came between: the next event there is alice's return, to the room that
    // closed when she left and opened again with its confusable spelling, on the same address.
    assertEquals(
        List.of("arrived #Ops", "message #Ops", "left #Ops", "arrived #\u043ePS"), take(ops, 4));
    assertEquals(ApiAddresses.events("ops"), ApiAddresses.events("#\u043ePS"));
    IllegalArgumentException bad =
        assertThrows(IllegalArgumentException.class, () -> ApiAddresses.events("#no room"));
    assertEquals(
        "bad room name \"#no room\": name may contain only letters, digits, \"_\", \"-\" and \".\"",
        bad.getMessage());
  }

  private static List<String> take(BlockingQueue<JsonObject> events, int count)
      throws InterruptedException {
    List<String> seen = new java.util.ArrayList<>();
    while (seen.size() < count) {
      JsonObject e = events.poll(10, TimeUnit.SECONDS);
      if (e == null) {
        throw new AssertionError("only " + seen + " within 10 s");
      }
      seen.add(e.getString("type") + " " + e.getString("room"));
    }
    return seen;
  }
}
