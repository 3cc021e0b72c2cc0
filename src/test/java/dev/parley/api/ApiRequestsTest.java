package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import dev.parley.values.MemberKind;
import dev.parley.values.RosterEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each public address of docs/event-bus.md with good and bad input, in raw JSON. */
@ExtendWith(VertxExtension.class)
class ApiRequestsTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private int port;
  private EventBus bus;
  private ChatClient alice;

  @BeforeEach
  void start(Vertx vertx) {
    port = TestServer.start(vertx, TestServer.config()).port();
    bus = vertx.eventBus();
    alice = clients.join(port, "alice");
  }

  private JsonObject request(String address, Object body) {
    return bus.<JsonObject>request(address, body).await().body();
  }

  /** Sends a request that must fail; returns "CODE message". */
  private String failure(String address, Object body) {
    Future<?> reply = bus.request(address, body);
    ReplyException e = assertThrows(ReplyException.class, reply::await);
    return e.failureCode() + " " + e.getMessage();
  }

  private String join(String name) {
    return request(ApiAddresses.JOIN, new JsonObject().put("name", name)).getString("member");
  }

  @Test
  void joinAddsABusMemberThatTcpMembersSee() {
    JsonObject reply =
        request(ApiAddresses.JOIN, new JsonObject().put("name", "botty").put("member", "m-1"));
    assertEquals("m-1", reply.getString("member"));
    assertEquals("botty", reply.getString("name"));
    assertEquals(List.of("alice", "botty"), reply.getJsonArray("roster").getList());
    assertTrue(reply.getLong("seq") > 0);
    alice.expect("* botty has arrived");
    alice.say("/who");
    alice.expect("* online (2): alice, botty");
  }

  @Test
  void joinRefusesBadInput() {
    assertEquals("400 the body must be a JSON object", failure(ApiAddresses.JOIN, "botty"));
    assertEquals("400 missing field \"name\"", failure(ApiAddresses.JOIN, new JsonObject()));
    assertEquals(
        "400 field \"name\" must be a string",
        failure(ApiAddresses.JOIN, new JsonObject().put("name", 42)));
    assertEquals(
        "400 unknown field \"nmae\"; allowed: name, member, node, room",
        failure(ApiAddresses.JOIN, new JsonObject().put("nmae", "botty")));
    assertEquals(
        "422 name may contain only letters, digits, \"_\", \"-\" and \".\"",
        failure(ApiAddresses.JOIN, new JsonObject().put("name", "bot ty")));
    assertEquals(
        "409 name \"alice\" is taken",
        failure(ApiAddresses.JOIN, new JsonObject().put("name", "alice")));
    assertEquals(
        "409 name \"ALICE\" is too like \"alice\", which is taken",
        failure(ApiAddresses.JOIN, new JsonObject().put("name", "ALICE")));
    String member = join("botty");
    assertEquals(
        "400 already a member",
        failure(ApiAddresses.JOIN, new JsonObject().put("name", "other").put("member", member)));
  }

  @Test
  void sayIsSeenByTcpMembersAndRepliesWithTheSequenceNumber() {
    String member = join("botty");
    alice.expect("* botty has arrived");
    JsonObject reply =
        request(ApiAddresses.SAY, new JsonObject().put("member", member).put("text", " hello "));
    alice.expect("botty: hello");
    assertTrue(reply.getLong("seq") > 1);
    request(
        ApiAddresses.SAY,
        new JsonObject().put("member", member).put("text", "no\n* alice has left\u001b[0m\u202e"));
    alice.expect("botty: no* alice has left[0m");
  }

  /** A numbered line sent again (its first request went unanswered) is ordered once. */
  @Test
  void aNumberedLineSentAgainIsOrderedOnce() {
    String member = join("botty");
    alice.expect("* botty has arrived");
    JsonObject first =
        request(
            ApiAddresses.SAY,
            new JsonObject().put("member", member).put("text", "once").put("line", 7));
    assertTrue(first.getLong("seq") > 1);
    assertEquals(
        new JsonObject().put("repeated", true),
        request(
            ApiAddresses.SAY,
            new JsonObject().put("member", member).put("text", "once").put("line", 7)));
    request(
        ApiAddresses.SAY,
        new JsonObject().put("member", member).put("text", "unnumbered").put("line", 8));
    alice.expect("botty: once");
    alice.expect("botty: unnumbered");
    assertEquals(
        "400 field \"line\" must be a whole number from 1 to " + Long.MAX_VALUE,
        failure(
            ApiAddresses.SAY,
            new JsonObject().put("member", member).put("text", "x").put("line", 0)));
  }

  @Test
  void sayRefusesBadInput() {
    String member = join("botty");
    assertEquals(
        "400 missing field \"member\"",
        failure(ApiAddresses.SAY, new JsonObject().put("text", "hi")));
    assertEquals(
        "403 not a member of the room",
        failure(ApiAddresses.SAY, new JsonObject().put("member", "nobody").put("text", "hi")));
    assertEquals(
        "400 field \"text\" must not be empty",
        failure(ApiAddresses.SAY, new JsonObject().put("member", member).put("text", " \t")));
    assertEquals(
        "400 field \"text\" is longer than 1024 bytes",
        failure(
            ApiAddresses.SAY,
            new JsonObject().put("member", member).put("text", "x".repeat(1025))));
    assertEquals(
        "400 field \"text\" must be a string",
        failure(ApiAddresses.SAY, new JsonObject().put("member", member).put("text", true)));
  }

  /** 341 euro signs and one letter: 1024 bytes of UTF-8 in 342 characters. */
  private static final String LIMIT_TEXT = "\u20ac".repeat(341) + "x";

  @Test
  void sayTakesATextOfExactlyTheLineLimitInBytesAndRefusesOneByteMore() {
    String member = join("botty");
    alice.expect("* botty has arrived");
    request(ApiAddresses.SAY, new JsonObject().put("member", member).put("text", LIMIT_TEXT));
    alice.expect("botty: " + LIMIT_TEXT);
    assertEquals(
        "400 field \"text\" is longer than 1024 bytes",
        failure(
            ApiAddresses.SAY,
            new JsonObject().put("member", member).put("text", LIMIT_TEXT + "x")));
  }

  @Test
  void msgReachesATcpMemberPrivately() {
    String member = join("botty");
    JsonObject reply =
        request(
            ApiAddresses.MSG,
            new JsonObject().put("member", member).put("to", "ALICE").put("text", "psst"));
    assertEquals("alice", reply.getString("to"));
    alice.expect("* botty has arrived");
    alice.expect("(private) botty: psst");
    assertEquals(
        "404 no one called \"carol\" is here",
        failure(
            ApiAddresses.MSG,
            new JsonObject().put("member", member).put("to", "carol").put("text", "hi")));
    assertEquals(
        "400 missing field \"to\"",
        failure(ApiAddresses.MSG, new JsonObject().put("member", member).put("text", "hi")));
  }

  @Test
  void msgTakesATextOfExactlyTheLineLimitInBytesAndRefusesOneByteMore() {
    String member = join("botty");
    alice.expect("* botty has arrived");
    request(
        ApiAddresses.MSG,
        new JsonObject().put("member", member).put("to", "alice").put("text", LIMIT_TEXT));
    alice.expect("(private) botty: " + LIMIT_TEXT);
    assertEquals(
        "400 field \"text\" is longer than 1024 bytes",
        failure(
            ApiAddresses.MSG,
            new JsonObject()
                .put("member", member)
                .put("to", "alice")
                .put("text", LIMIT_TEXT + "x")));
  }

  @Test
  void leaveAnnouncesTheDepartureAndEndsMembership() {
    String member = join("botty");
    alice.expect("* botty has arrived");
    request(ApiAddresses.LEAVE, new JsonObject().put("member", member).put("reason", "done"));
    alice.expect("* botty has left (done)");
    assertEquals(
        "403 not a member of the room",
        failure(ApiAddresses.LEAVE, new JsonObject().put("member", member)));
    assertEquals(
        "403 not a member of the room",
        failure(ApiAddresses.SAY, new JsonObject().put("member", member).put("text", "hi")));
    String again = join("botty");
    alice.expect("* botty has arrived");
    request(ApiAddresses.LEAVE, new JsonObject().put("member", again));
    alice.expect("* botty has left");
  }

  @Test
  void whoListsNamesArrivalIdleTimeAndKind() {
    join("botty");
    JsonObject reply = request(ApiAddresses.WHO, new JsonObject());
    List<RosterEntry> members =
        reply.getJsonArray("members").stream()
            .map(m -> RosterJson.fromJson((JsonObject) m))
            .toList();
    assertEquals(2, members.size());
    assertEquals("alice", members.get(0).name());
    assertEquals(MemberKind.TCP, members.get(0).kind());
    assertEquals("botty", members.get(1).name());
    assertEquals(MemberKind.BUS, members.get(1).kind());
    assertTrue(members.get(0).arrivedAt() <= members.get(1).arrivedAt());
    assertTrue(members.get(1).idleSeconds() >= 0);
    assertEquals(
        "400 unknown field \"all\"; allowed: room",
        failure(ApiAddresses.WHO, new JsonObject().put("all", true)));
  }

  @Test
  void kickRemovesATcpMemberWithAReason() {
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
    JsonObject reply =
        request(ApiAddresses.KICK, new JsonObject().put("name", "Bob").put("reason", "spam"));
    assertEquals("bob", reply.getString("name"));
    bob.expect("* you were kicked: spam");
    bob.expectClosed();
    alice.expect("* bob has left (kicked: spam)");
    assertEquals(
        "404 no one called \"bob\" is here",
        failure(ApiAddresses.KICK, new JsonObject().put("name", "bob").put("reason", "again")));
    assertEquals(
        "400 missing field \"reason\"",
        failure(ApiAddresses.KICK, new JsonObject().put("name", "alice")));
  }

  @Test
  void historyGivesChatLinesOldestFirstByRoomAndBeforeASequenceNumber() {
    alice.say("one");
    alice.expect("alice: one");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");
    alice.say("two");
    alice.expect("alice: two");
    alice.say("three");
    alice.expect("alice: three");

    JsonObject ops = request(ApiAddresses.HISTORY, new JsonObject().put("room", "OPS"));
    List<JsonObject> lines = ops.getJsonArray("lines").stream().map(o -> (JsonObject) o).toList();
    assertEquals(List.of("two", "three"), lines.stream().map(l -> l.getString("text")).toList());
    JsonObject two = lines.get(0);
    assertEquals("message", two.getString("type"));
    assertEquals("#ops", two.getString("room"));
    assertEquals("alice", two.getString("name"));
    assertEquals(ops.getString("run"), two.getString("run"));
    assertTrue(two.getLong("time") > 0);

    // Every room in one order; "before" a line's number and "limit" pick the lines before it.
    JsonObject all =
        request(
            ApiAddresses.HISTORY,
            new JsonObject().put("limit", 1).put("before", lines.get(1).getLong("seq")));
    assertEquals(
        List.of("two"),
        all.getJsonArray("lines").stream().map(o -> ((JsonObject) o).getString("text")).toList());
    JsonObject lobby =
        request(ApiAddresses.HISTORY, new JsonObject().put("room", "#lobby").put("limit", 5));
    assertEquals(1, lobby.getJsonArray("lines").size());
    assertEquals(
        0,
        request(ApiAddresses.HISTORY, new JsonObject().put("room", "#nobody"))
            .getJsonArray("lines")
            .size());
  }

  @Test
  void historyRefusesBadInput() {
    assertEquals(
        "400 field \"limit\" must be a whole number from 1 to 2147483647",
        failure(ApiAddresses.HISTORY, new JsonObject().put("limit", 0)));
    assertEquals(
        "400 field \"limit\" must be a whole number from 1 to 2147483647",
        failure(ApiAddresses.HISTORY, new JsonObject().put("limit", "5")));
    assertEquals(
        "400 field \"before\" must be a whole number from 1 to 9223372036854775807",
        failure(ApiAddresses.HISTORY, new JsonObject().put("before", -3)));
    assertEquals(
        "422 bad room name \"#a b\": name may contain only letters, digits, \"_\", \"-\" and"
            + " \".\"",
        failure(ApiAddresses.HISTORY, new JsonObject().put("room", "#a b")));
    assertEquals(
        "400 unknown field \"after\"; allowed: room, limit, before",
        failure(ApiAddresses.HISTORY, new JsonObject().put("after", 1)));
  }
}
