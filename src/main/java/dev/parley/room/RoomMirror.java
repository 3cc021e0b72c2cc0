package dev.parley.room;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's copy of the room's state, kept up to date from the room's events, so that any node can
 * take the room over. Also keeps the most recent events, for nodes that missed some when the host
 * died. Confined to the {@link RoomRelay}'s context.
 */
final class RoomMirror {
  /** How many recent events are kept. */
  static final int RECENT_EVENTS = 4096;

  private final Map<String, RoomSnapshot.Entry> members = new LinkedHashMap<>();
  private final ArrayDeque<RoomEvent> recent = new ArrayDeque<>();
  private String run = "";
  private long seq;

  long seq() {
    return seq;
  }

  String run() {
    return run;
  }

  /** Replaces the state with a snapshot taken from the room. */
  void reset(RoomSnapshot snapshot) {
    members.clear();
    for (RoomSnapshot.Entry m : snapshot.members()) {
      members.put(m.sessionId(), m);
    }
    run = snapshot.run();
    seq = snapshot.seq();
    while (!recent.isEmpty() && recent.peekLast().seq() > seq) {
      recent.pollLast();
    }
  }

  /** A room with a new order started: what was known of the old one no longer applies. */
  void newRun(String newRun) {
    if (!newRun.equals(run)) {
      members.clear();
      recent.clear();
      run = newRun;
      seq = 0;
    }
  }

  /**
   * Applies an event in order.
   *
   * @return false if the event was applied already (a duplicate)
   */
  boolean apply(RoomEvent event) {
    if (event.seq() <= seq) {
      return false;
    }
    seq = event.seq();
    recent.addLast(event);
    if (recent.size() > RECENT_EVENTS) {
      recent.pollFirst();
    }
    if (event instanceof Arrived a) {
      members.put(
          a.sessionId(),
          new RoomSnapshot.Entry(a.sessionId(), a.nodeId(), a.kind(), a.name(), a.time(), 0));
    } else if (event instanceof Left l) {
      members.remove(l.sessionId());
    } else if (event instanceof Renamed r) {
      RoomSnapshot.Entry m = members.get(r.sessionId());
      if (m != null) {
        members.put(
            m.sessionId(),
            new RoomSnapshot.Entry(
                m.sessionId(), m.nodeId(), m.kind(), r.newName(), m.arrivedAt(), m.lastLineId()));
      }
    } else if (event instanceof Chat c && c.lineId() > 0) {
      RoomSnapshot.Entry m = members.get(c.sessionId());
      if (m != null && c.lineId() > m.lastLineId()) {
        members.put(
            m.sessionId(),
            new RoomSnapshot.Entry(
                m.sessionId(), m.nodeId(), m.kind(), m.name(), m.arrivedAt(), c.lineId()));
      }
    }
    return true;
  }

  RoomSnapshot snapshot() {
    return new RoomSnapshot(run, seq, new ArrayList<>(members.values()));
  }

  /** The recent events with {@code after < seq <= upTo}, in order. */
  List<RoomEvent> events(long after, long upTo) {
    List<RoomEvent> out = new ArrayList<>();
    for (RoomEvent e : recent) {
      if (e.seq() > after && e.seq() <= upTo) {
        out.add(e);
      }
    }
    return out;
  }
}
