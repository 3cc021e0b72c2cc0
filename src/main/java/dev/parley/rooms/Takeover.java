package dev.parley.rooms;

import dev.parley.room.RoomEvent;
import dev.parley.room.RoomSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a new room host learned from the nodes before it starts the room.
 *
 * @param base the most advanced copy of the room's state among the nodes ({@link
 *     RoomSnapshot#EMPTY} when no room ran before)
 * @param missed the events after the least advanced node's copy, to publish again so that every
 *     node has them (nodes drop what they already have)
 * @param liveSessions for each node that answered, the sessions that are members there now
 */
record Takeover(RoomSnapshot base, List<RoomEvent> missed, Map<String, Set<String>> liveSessions) {
  Takeover {
    missed = List.copyOf(missed);
    liveSessions = Map.copyOf(liveSessions);
  }

  /** A fresh room on a single node. */
  static final Takeover FRESH = new Takeover(RoomSnapshot.EMPTY, List.of(), Map.of());
}
