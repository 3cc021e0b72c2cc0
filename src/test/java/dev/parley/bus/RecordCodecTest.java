package dev.parley.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.parley.room.Arrived;
import dev.parley.room.Ban;
import dev.parley.room.Chat;
import dev.parley.room.Entered;
import dev.parley.room.HistoryLine;
import dev.parley.room.Left;
import dev.parley.room.Moved;
import dev.parley.room.Mute;
import dev.parley.room.PolicyChanged;
import dev.parley.room.PrivateSent;
import dev.parley.room.RecentLines;
import dev.parley.room.Renamed;
import dev.parley.room.RoomList;
import dev.parley.room.RoomPolicy;
import dev.parley.room.RoomSnapshot;
import dev.parley.room.Topic;
import dev.parley.values.MemberKind;
import dev.parley.values.RosterEntry;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every body that crosses cluster nodes survives its codec's wire encoding unchanged, and within a
 * JVM a body is handed over as the same instance (a broadcast is not copied per consumer).
 */
class RecordCodecTest {
  private static final RoomPolicy POLICY =
      new RoomPolicy(
          "#ops",
          List.of("alice"),
          new Topic("deploys only", "alice", 1_700_000_000_000L),
          List.of(new Ban("bob", Ban.Kind.ACCOUNT, "alice", 1, 2, "spam")),
          List.of(new Mute("carol", "alice", 0)));

  private static final List<Record> BODIES =
      List.of(
          new JoinRequest(
              "s1", "n1", "alice", MemberKind.TCP, 7, "#ops", true, "alice", "203.0.113.7"),
          new Entered(
              3,
              "alice",
              "#lobby",
              List.of("bob", "alice"),
              2,
              "run",
              List.of(new HistoryLine("#lobby", "run", 2, 1000, "bob", "hi")),
              "deploys only",
              List.of("bob")),
          new MoveRequest("s1", "ops"),
          new Moved(4, 5, "#ops", List.of("alice"), 1, List.of(), null),
          new RoomsRequest("s1"),
          new RoomList(2, List.of(new RoomList.RoomCount("#ops", 1))),
          new RoomList.RoomCount("#lobby", 1),
          new HistoryLine("#lobby", "run", 3, 1_700_000_000_000L, "carol", "yo"),
          new SayRequest("s1", 7, "hi \u00e9\u4e2d"),
          new HostedSay(3, new SayRequest("s1", 8, "via the host")),
          new RoomSayRequest("s1", "#ops", 9, "from an IRC client", true),
          new NickRequest("s1", "alicia"),
          new NickReply("alicia"),
          new WhoRequest("s1"),
          new RosterReply(List.of(new RosterEntry("alice", 1_700_000_000_000L, 4, MemberKind.BUS))),
          new HistoryRequest("s1", 20),
          new RecentLines(
              List.of(new HistoryLine("#lobby", "run", 7, 1_700_000_000_000L, "bob", "hi"))),
          new PrivateRequest("s1", "bob", "psst"),
          new PrivateSent("alice", "bob"),
          new LeaveRequest("s1", "lunch"),
          new DepartRequest("s1", "#ops"),
          new RoomCountNotice(3, 12),
          new ActivityNotice("s1"),
          new Arrived(
              1, 2, "#lobby", "alice", "s1", "n1", MemberKind.TCP, true, "alice", "192.0.2.1"),
          new Left(2, 3, "#lobby", "alice", "idle", "s1", false, false),
          new Chat(3, 4, "#lobby", "alice", "text", "s1", 9, true),
          new Renamed(4, 5, "#ops", "alice", "alicia", "s1"),
          new PrivateLine("s2", "alice", "psst"),
          new Evicted("s2", "* you were kicked: spam", "kicked: spam"),
          new RoomReady(3, "run", 42, "n1", List.of(POLICY)),
          new RoomPing(),
          new RoomPing.Pong("run", "n1"),
          new RoomSnapshot(
              "run",
              42,
              List.of(
                  new RoomSnapshot.Entry(
                      "s1", "n1", MemberKind.TCP, "alice", 10, 9, "#ops", "alice", "::1")),
              List.of(new HistoryLine("#ops", "run", 41, 1_700_000_000_000L, "alice", "hi")),
              List.of(POLICY)),
          new NodeMessages.SnapshotRequest("n2"),
          new NodeMessages.ReportRequest("n2", 3),
          new NodeMessages.NodeReport(
              "n1",
              new RoomSnapshot("run", 1, List.of(), List.of()),
              CopyState.WHOLE,
              List.of("s1")),
          new NodeMessages.EventsRequest(3, 1, 5),
          new NodeMessages.EventsReply(
              List.of(
                  new Chat(3, 4, "#lobby", "alice", "text", "s1", 9),
                  new Left(4, 5, "#lobby", "x", "", "s3", true, true))),
          new NodeMessages.FlushRequest(3, 5),
          new NodeMessages.Flushed(5),
          new LocalMember("s1", true),
          new PolicyChanged(
              5, 6, "#ops", PolicyChanged.Change.BANNED, "alice", "bob", "spam", 0, "s1", POLICY),
          POLICY,
          new Topic("deploys only", "alice", 1_700_000_000_000L),
          new Ban("198.51.100.0/24", Ban.Kind.CIDR, "alice", 1, 0, ""),
          new Mute("carol", "alice", 1_700_000_600_000L),
          new ModerationMessages.Act(
              ModerationMessages.Action.BAN,
              "s1",
              "alice",
              "alice",
              "bob",
              "bob",
              "spam",
              60,
              "#ops"),
          new ModerationMessages.Answer("#ops", "bob", "spam"),
          new ModerationMessages.BanList("#ops", POLICY.bans()),
          new ModerationMessages.WhoisAnswer(
              "bob", "#ops", true, "#ops", List.of("#ops", "#dev"), List.of("#ops")),
          new ModerationMessages.ServerBanned(
              new Ban("203.0.113.9", Ban.Kind.ADDRESS, "root", 1, 0, "spam")),
          new ModerationMessages.LineRefused("s1", 7, "! you are muted in #ops"),
          new ModerationMessages.KickedOut("s1", "* you were kicked: by alice", 9),
          new ModerationMessages.TakenOver("s1"),
          new Invitation("s1", "foo", "foo", "#ops"),
          new ServerBans(POLICY.bans()));

  @Test
  void everyBodyCrossesTheWireUnchanged() {
    for (Record body : BODIES) {
      assertEquals(body, roundTrip(body), body.getClass().getSimpleName());
    }
  }

  @Test
  void everyMessageTypeHasABodyHere() {
    for (Class<? extends Record> type : Messages.TYPES) {
      if (type != RelayedEvent.class) {
        assertEquals(
            1, BODIES.stream().filter(type::isInstance).count(), type.getSimpleName() + " tested");
      }
    }
  }

  @Test
  void withinAJvmTheSameInstanceIsHandedOver() {
    Chat chat = new Chat(3, 4, "#lobby", "alice", "text", "s1", 9);
    assertSame(chat, new RecordCodec<>(Chat.class).transform(chat));
  }

  private static <T extends Record> T roundTrip(T body) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) body.getClass();
    RecordCodec<T> codec = new RecordCodec<>(type);
    Buffer wire = Buffer.buffer().appendString("prefix");
    codec.encodeToWire(wire, body);
    return codec.decodeFromWire(6, wire);
  }
}
