package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.bus.Addresses;
import dev.parley.bus.RoomCountNotice;
import dev.parley.placement.RoomGroups;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import dev.parley.test.Placements;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 9 across a cluster, in one JVM: the rooms are spread over three nodes, each
 * room keeps one order, names are unique across nodes and rooms of every group, and a member moves
 * to a room that another node orders as it moves to any room.
 */
class RoomSpreadTest {
  private static final RoomGroups GROUPS = new RoomGroups(RoomGroups.IN_A_CLUSTER);

  @RegisterExtension final ChatClients clients = new ChatClients();
  private ClusterNodes cluster;

  /** Starts three nodes without flood control or history replay, and with {@code settings}. */
  private void startCluster(Object... settings) throws Exception {
    Object[] all = new Object[settings.length + 4];
    System.arraycopy(new Object[] {"limits.linesPerSecond", 0, "history.onJoin", 0}, 0, all, 0, 4);
    System.arraycopy(settings, 0, all, 4, settings.length);
    cluster = ClusterNodes.start(3, all);
  }

  @AfterEach
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** A room whose group is not the group of any of {@code others}. */
  private static String roomApartFrom(String... others) {
    for (int i = 0; ; i++) {
      String room = "#away" + i;
      boolean apart = true;
      for (String other : others) {
        apart &= GROUPS.of(room) != GROUPS.of(other);
      }
      if (apart) {
        return room;
      }
    }
  }

  @Test
  void thirtyRoomsAreSpreadOverTheNodesAndListedTogether() throws Exception {
    startCluster();
    List<String> rooms = Placements.spreadRooms("r", 30);
    Map<ClusterNodes.Node, Integer> ordered = new HashMap<>();
    for (String room : rooms) {
      ordered.merge(cluster.hostOf(room), 1, Integer::sum);
    }
    assertEquals(3, ordered.size(), "every node orders some of the rooms");
    for (int count : ordered.values()) {
      assertTrue(count <= 15, "no node orders more than half of the rooms: " + ordered.values());
    }

    for (int i = 0; i < rooms.size(); i++) {
      ChatClient member = clients.join(cluster.node(i % 3).port(), "s" + i);
      member.say("/join " + rooms.get(i));
      member.readUntil("* now in " + rooms.get(i));
    }
    ChatClient last = clients.join(cluster.node(1).port(), "last");
    last.say("/rooms");
    String listed = last.nextLine();
    assertTrue(listed.startsWith("* rooms (31): "), listed);
    for (String room : rooms) {
      assertTrue(listed.contains(room + " (1)"), room + " in " + listed);
    }
    assertTrue(listed.contains("#lobby (1)"), listed);
  }

  @Test
  void aMoveToARoomOfAnotherGroupIsSeenAsAnyMove() throws Exception {
    startCluster();
    String away = roomApartFrom("#lobby");
    ChatClient alice = clients.join(cluster.node(0).port(), "mover");
    ChatClient carol = clients.join(cluster.node(1).port(), "stayer");
    alice.expect("* stayer has arrived");
    ChatClient bob = clients.join(cluster.node(2).port(), "waiter");
    alice.expect("* waiter has arrived");
    carol.expect("* waiter has arrived");
    bob.say("/join " + away);
    bob.expect("* now in " + away).expect("* online (1): waiter");
    alice.expect("* waiter has left (joined " + away + ")");
    carol.expect("* waiter has left (joined " + away + ")");

    // A line sent right after /join is ordered in the new room.
    alice.say("/join " + away);
    alice.say("hello over here");
    alice.expect("* now in " + away).expect("* online (2): waiter, mover");
    alice.expect("mover: hello over here");
    bob.expect("* mover has arrived").expect("mover: hello over here");
    carol.expect("* mover has left (joined " + away + ")");
    carol.say("still in the lobby");
    carol.expect("stayer: still in the lobby");

    alice.say("/who");
    alice.expect("* online (2): waiter, mover");
    alice.say("/join lobby");
    alice.expect("* now in #lobby").expect("* online (2): stayer, mover");
    bob.expect("* mover has left (joined #lobby)");
    carol.expect("* mover has arrived");
    alice.say("back");
    carol.expect("mover: back");
    bob.say("alone");
    bob.expect("waiter: alone");
  }

  @Test
  void namesAreUniqueAcrossNodesAndGroupsAndFreedWhenTheirHolderQuits() throws Exception {
    startCluster();
    String away = roomApartFrom("#lobby");
    ChatClient ann = clients.join(cluster.node(0).port(), "ann");
    ann.say("/join " + away);
    ann.expect("* now in " + away).expect("* online (1): ann");

    ChatClient other = clients.connect(cluster.node(2).port());
    other.expect("* welcome to parley, what is your name?");
    other.say("ann");
    other.expect("! name \"ann\" is taken").expect("* what is your name?");
    other.say("ANN");
    other
        .expect("! name \"ANN\" is too like \"ann\", which is taken")
        .expect("* what is your name?");
    other.say("zed");
    other.expect("* you are zed").expect("* online (1): zed");

    other.say("/nick ann");
    other.expect("! name \"ann\" is taken");
    other.say("/msg ANN across the cluster");
    other.expect("(private to ann) zed: across the cluster");
    ann.expect("(private) zed: across the cluster");

    ann.say("/quit");
    ann.expect("* bye");
    ann.expectClosed();
    // The name is given back just after the departure; nothing tells a member of another room
    // when, so ask until it is free (each answer is one of the two lines).
    for (int tries = 0; ; tries++) {
      other.say("/nick ann");
      String answer = other.nextLine();
      if (answer.equals("* zed is now known as ann")) {
        break;
      }
      assertEquals("! name \"ann\" is taken", answer);
      assertTrue(tries < 100, "the name ann was not given back");
    }
  }

  @Test
  void theRoomLimitCountsTheRoomsOfEveryGroup() throws Exception {
    startCluster("rooms.maxRooms", 2);
    String first = roomApartFrom("#lobby");
    String second = roomApartFrom("#lobby", first);
    BlockingQueue<RoomCountNotice> counts = new LinkedBlockingQueue<>();
    cluster
        .node(0)
        .vertx()
        .eventBus()
        .<RoomCountNotice>consumer(Addresses.ROOM_COUNTS, m -> counts.add(m.body()))
        .completion()
        .await(10, TimeUnit.SECONDS);

    ChatClient stays = clients.join(cluster.node(0).port(), "stays");
    awaitCount(counts, "#lobby", 1);
    ChatClient opener = clients.join(cluster.node(1).port(), "opener");
    stays.expect("* opener has arrived");
    opener.say("/join " + first);
    opener.expect("* now in " + first).expect("* online (1): opener");
    stays.expect("* opener has left (joined " + first + ")");
    awaitCount(counts, first, 1);

    // Two rooms have members, one in each of two groups: a third group refuses a new room.
    ChatClient late = clients.join(cluster.node(2).port(), "late");
    stays.expect("* late has arrived");
    late.say("/join " + second);
    late.expect("! too many rooms, join an existing one");
    late.say("/join " + first);
    late.expect("* now in " + first).expect("* online (2): opener, late");
    opener.expect("* late has arrived");

    // A move that empties its room may open a new one, in another group too.
    late.say("/join lobby");
    late.expect("* now in #lobby").expect("* online (2): stays, late");
    opener.expect("* late has left (joined #lobby)");
    opener.say("/join " + second);
    opener.expect("* now in " + second).expect("* online (1): opener");
  }

  /** Waits until the group of {@code room} has announced {@code rooms} rooms with members. */
  private static void awaitCount(BlockingQueue<RoomCountNotice> counts, String room, int rooms)
      throws InterruptedException {
    int group = GROUPS.of(room);
    while (true) {
      RoomCountNotice notice = counts.poll(10, TimeUnit.SECONDS);
      assertTrue(notice != null, "no count of " + rooms + " from the group of " + room);
      if (notice.group() == group && notice.rooms() == rooms) {
        return;
      }
    }
  }
}
