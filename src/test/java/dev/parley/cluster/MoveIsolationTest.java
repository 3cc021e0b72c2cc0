package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ClusterNodes;
import dev.parley.test.Placements;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 9, "what a member sees", across a cluster: from {@code * now in #ROOM} on, a
 * member receives the notices and chat lines of #ROOM only. Three nodes, thirty rooms spread over
 * their room groups, and 180 members who connect to the default room and {@code /join} their room
 * at once, so that their moves cross room groups and nodes while the others' arrivals and
 * departures are under way.
 */
class MoveIsolationTest {
  private static final int NODES = 3;
  private static final int ROOMS = 30;
  private static final int PER_ROOM_AND_NODE = 2;

  @RegisterExtension final ChatClients clients = new ChatClients();
  private ClusterNodes cluster;

  @AfterEach
  void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /** One member, the room it moves to and the names of that room's members. */
  private record Mover(ChatClient client, String name, String room, Set<String> roommates) {}

  @Test
  void afterNowInAMemberSeesOnlyItsRoom() throws Exception {
    cluster =
        ClusterNodes.start(
            NODES,
            "limits.linesPerSecond",
            0,
            "limits.maxConnectionsPerAddress",
            0,
            "history.onJoin",
            0);
    List<String> rooms = Placements.spreadRooms("r", ROOMS);
    List<Mover> movers = new ArrayList<>();
    for (int r = 0; r < ROOMS; r++) {
      Set<String> roommates = new HashSet<>();
      for (int n = 0; n < NODES; n++) {
        for (int m = 0; m < PER_ROOM_AND_NODE; m++) {
          roommates.add("n" + n + "r" + r + "m" + m);
        }
      }
      for (int n = 0; n < NODES; n++) {
        for (int m = 0; m < PER_ROOM_AND_NODE; m++) {
          String name = "n" + n + "r" + r + "m" + m;
          movers.add(
              new Mover(clients.connect(cluster.node(n).port()), name, rooms.get(r), roommates));
        }
      }
    }
    // Every member names itself and asks for its room at once, without waiting for any answer.
    for (Mover mover : movers) {
      mover.client().say(mover.name()).say("/join " + mover.room());
    }
    for (Mover mover : movers) {
      mover.client().readUntil("* now in " + mover.room());
      mover.client().expectStartsWith("* online (");
    }
    // Then each says one line in its room; everyone reads until it has its roommates' lines.
    for (Mover mover : movers) {
      mover.client().say("hello from " + mover.name());
    }
    int checked = 0;
    for (Mover mover : movers) {
      Set<String> awaited = new HashSet<>(mover.roommates());
      while (!awaited.isEmpty()) {
        String line = mover.client().nextLine();
        checked++;
        String speaker = speaker(line);
        if (speaker != null) {
          if (!mover.roommates().contains(speaker)) {
            fail(mover.name() + " in " + mover.room() + " got a line of another room: " + line);
          }
          awaited.remove(speaker);
        } else if (line.startsWith("* ") && line.endsWith(" has arrived")) {
          String who = line.substring(2, line.length() - " has arrived".length());
          if (!mover.roommates().contains(who)) {
            fail(mover.name() + " in " + mover.room() + " saw an arrival elsewhere: " + line);
          }
        } else {
          fail(mover.name() + " in " + mover.room() + " got an unexpected line: " + line);
        }
      }
    }
    assertTrue(checked >= movers.size() * NODES * PER_ROOM_AND_NODE, "lines checked: " + checked);
  }

  /** The speaker of a chat line, or null for a notice. */
  private static String speaker(String line) {
    if (line.startsWith("* ")) {
      return null;
    }
    int colon = line.indexOf(": ");
    return colon < 0 ? null : line.substring(0, colon);
  }
}
