package dev.parley.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.Parley;
import dev.parley.protocol.Replies;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.RoomEvents;
import dev.parley.test.TestServer;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import dev.parley.values.RosterEntry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed Java API: bus members and TCP members in one room, and the event stream. */
@ExtendWith(VertxExtension.class)
class RoomClientTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private Parley parley;
  private int port;
  private RoomClient client;

  @BeforeEach
  void start(Vertx vertx) {
    parley = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0));
    port = parley.port();
    client = RoomClient.create(vertx);
  }

  /** The line a TCP member sees for an event. */
  static String line(ParleyEvent event) {
    if (event instanceof ChatMessage m) {
      return Replies.chat(m.name(), m.text());
    } else if (event instanceof MemberArrived a) {
      return Replies.arrived(a.name());
    } else if (event instanceof MemberLeft l) {
      return Replies.left(l.name(), l.reason());
    }
    MemberRenamed r = (MemberRenamed) event;
    return Replies.renamed(r.oldName(), r.name());
  }

  @Test
  void aBusMemberAndATcpMemberTalk() throws Exception {
    ChatClient alice = clients.join(port, "alice");
    BusMember bot = client.join("bot").await();
    assertEquals("bot", bot.name());
    assertEquals(List.of("alice", "bot"), bot.roster());
    alice.expect("* bot has arrived");
    BlockingQueue<PrivateMessage> inbox = new LinkedBlockingQueue<>();
    bot.privateMessageHandler(inbox::add);

    long seq = bot.say("hello alice").await();
    assertTrue(seq > bot.joinedSeq());
    alice.expect("bot: hello alice");
    alice.say("/msg bot hi bot");
    alice.expect("(private to bot) alice: hi bot");
    assertEquals(new PrivateMessage("alice", "hi bot"), inbox.poll(10, TimeUnit.SECONDS));
    assertEquals("alice", bot.tell("Alice", "a secret").await());
    alice.expect("(private) bot: a secret");

    List<RosterEntry> who = client.who().await();
    assertEquals(
        List.of(MemberKind.TCP, MemberKind.BUS), who.stream().map(RosterEntry::kind).toList());
    bot.leave("bye").await();
    alice.expect("* bot has left (bye)");
    ReplyException after = assertThrows(ReplyException.class, () -> bot.say("still?").await());
    assertEquals(ErrorCode.NOT_A_MEMBER, ErrorCode.of(after.failureCode()));
  }

  @Test
  void oneBusMemberIsInSeveralRoomsUnderOneName() throws Exception {
    ChatClient alice = clients.join(port, "alice");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");
    BlockingQueue<ParleyEvent> ops = new LinkedBlockingQueue<>();
    EventStream opsEvents = client.events("OPS").handler(ops::add);
    opsEvents.completion().await();

    BusMember bot = client.join("bot", "#ops").await();
    assertEquals(List.of("#ops"), bot.rooms());
    assertEquals(List.of("alice", "bot"), bot.roster());
    RoomEntry dev = bot.enter("Dev").await();
    assertEquals(new RoomEntry("#Dev", dev.seq(), List.of("bot"), 1), dev);
    assertEquals(List.of("#ops", "#Dev"), bot.rooms());
    assertEquals(
        List.of(new RoomCount("#ops", 2), new RoomCount("#Dev", 1)), client.rooms().await());
    assertEquals(
        List.of("alice", "bot"),
        client.who("#\u043eps").await().stream().map(RosterEntry::name).toList());

    bot.say("#ops", "hello ops").await();
    bot.say("dev", "hello dev").await();
    alice.expect("* bot has arrived").expect("bot: hello ops");
    ReplyException which = assertThrows(ReplyException.class, () -> bot.say("where?").await());
    assertEquals(ErrorCode.BAD_REQUEST, ErrorCode.of(which.failureCode()));
    bot.leave("ops", "elsewhere").await();
    alice.expect("* bot has left (elsewhere)");
    assertEquals(List.of("#Dev"), bot.rooms());
    bot.say("only dev now").await();

    assertEquals(
        List.of("* bot has arrived", "bot: hello ops", "* bot has left (elsewhere)"),
        List.of(line(ops.take()), line(ops.take()), line(ops.take())));
    opsEvents.close().await();
    bot.leave("done").await();
    assertEquals(List.of(), bot.rooms());
    assertEquals(List.of(new RoomCount("#ops", 1)), client.rooms().await());
  }

  @Test
  void kickingABusMemberTellsItWhyAndTheOthersSeeTheDeparture() throws Exception {
    ChatClient alice = clients.join(port, "alice");
    BusMember bot = client.join("bot").await();
    alice.expect("* bot has arrived");
    Promise<String> kicked = Promise.promise();
    bot.kickHandler(kicked::complete);

    assertEquals("bot", client.kick("BOT", "too chatty").await());

    assertEquals("too chatty", kicked.future().await(10, TimeUnit.SECONDS));
    alice.expect("* bot has left (kicked: too chatty)");
    ReplyException e = assertThrows(ReplyException.class, () -> client.kick("bot", "x").await());
    assertEquals(ErrorCode.NO_SUCH_MEMBER, ErrorCode.of(e.failureCode()));
  }

  @Test
  void kickingATcpMemberClosesItsConnection() {
    ChatClient alice = clients.join(port, "alice");
    ChatClient bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
    client.kick("bob", "flooding").await();
    bob.expect("* you were kicked: flooding");
    bob.expectClosed();
    alice.expect("* bob has left (kicked: flooding)");
  }

  @Test
  void eventsComeInTheOrderTcpMembersSawWithoutGaps() throws Exception {
    RoomEvents events = RoomEvents.subscribe(client);
    ChatClient watcher = clients.join(port, "watcher");
    ChatClient alice = clients.join(port, "alice");
    BusMember bot = client.join("bot").await();
    alice.expect("* bot has arrived");
    alice.say("hello");
    alice.expect("alice: hello");
    bot.say("hi alice").await();
    alice.expect("bot: hi alice");
    alice.say("/msg bot private text is never an event");
    alice.expect("(private to bot) alice: private text is never an event");
    alice.say("/nick alicia");
    alice.expect("* alice is now known as alicia");
    alice.say("/quit off");
    bot.leave("").await();

    List<String> seen = watcher.readUntil("* bot has left");
    ParleyEvent first = events.next();
    assertEquals(
        new MemberArrived(
            first.room(), first.run(), first.seq(), first.time(), "watcher", MemberKind.TCP),
        first);
    List<String> fromEvents = new ArrayList<>();
    long seq = first.seq();
    while (fromEvents.size() < seen.size()) {
      ParleyEvent event = events.next();
      assertEquals(++seq, event.seq(), "sequence numbers have no gaps");
      assertEquals("#lobby", event.room());
      assertEquals(first.run(), event.run());
      fromEvents.add(line(event));
    }
    assertEquals(seen, fromEvents);
  }

  @Test
  void requestsTheRoomDoesNotAnswerFailAsUnavailable() throws Exception {
    BusMember bot = client.join("bot").await();
    parley.close().await(30, TimeUnit.SECONDS);

    ReplyException who = assertThrows(ReplyException.class, () -> client.who().await());
    assertEquals(ReplyFailure.NO_HANDLERS, who.failureType());
    assertEquals(ErrorCode.UNAVAILABLE, ErrorCode.of(who.failureCode()));
    assertTrue(
        who.getMessage().startsWith("the room is not available right now, try again ("),
        who.getMessage());
    ReplyException say = assertThrows(ReplyException.class, () -> bot.say("anyone?").await());
    assertEquals(ReplyFailure.NO_HANDLERS, say.failureType());
    assertEquals(ErrorCode.UNAVAILABLE, ErrorCode.of(say.failureCode()));
    ReplyException join = assertThrows(ReplyException.class, () -> client.join("late").await());
    assertEquals(ErrorCode.UNAVAILABLE, ErrorCode.of(join.failureCode()));

    // A reply that never came is reported the same way; the room's own refusals pass unchanged.
    ReplyException timeout =
        assertThrows(
            ReplyException.class,
            () ->
                RoomRequests.unavailable(new ReplyException(ReplyFailure.TIMEOUT, "timed out"))
                    .await());
    assertEquals(ReplyFailure.TIMEOUT, timeout.failureType());
    assertEquals(ErrorCode.UNAVAILABLE, ErrorCode.of(timeout.failureCode()));
    ReplyException refused =
        new ReplyException(
            ReplyFailure.RECIPIENT_FAILURE, ErrorCode.NOT_A_MEMBER.code(), "not a member");
    assertSame(
        refused,
        assertThrows(ReplyException.class, () -> RoomRequests.unavailable(refused).await()));
  }
}
