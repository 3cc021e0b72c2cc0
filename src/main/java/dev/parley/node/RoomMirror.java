package dev.parley.node;

import dev.parley.bus.CopyState;
import dev.parley.bus.RoomReady;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.History;
import dev.parley.room.HistoryLine;
import dev.parley.room.Left;
import dev.parley.room.PolicyChanged;
import dev.parley.room.Renamed;
import dev.parley.room.RoomEvent;
import dev.parley.room.RoomPolicy;
import dev.parley.room.RoomSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's copy of the room's state, kept up to date from the room's events, so that any node can
 * take the room over. Also keeps the most recent events, for nodes that missed some when the host
 * died. The copy includes every room's history, so that the node that takes the rooms over has it.
 *
 * <p>A copy is <em>whole</em> only when it rests on a snapshot of the room, or on the start of a
 * fresh room, and every event since then has been applied without a gap. Only a whole copy may be
 * continued by a new host: a copy with a gap, or one that has events but no snapshot under them,
 * lacks members it never heard arrive. {@link RoomRelay} asks for a snapshot until its copy is
 * whole. Confined to the {@link RoomRelay}'s context; not thread-safe.
 */
public final class RoomMirror {
  /** How many recent events are kept. */
  static final int RECENT_EVENTS = 4096;

  /** How often (in events) lines past the age limit are dropped, by the time of the last line. */
  private static final int EXPIRY_EVERY = 1024;

  private final Map<String, RoomSnapshot.Entry> members = new LinkedHashMap<>();
  private final Map<String, RoomPolicy> policies = new LinkedHashMap<>();
  private final ArrayDeque<RoomEvent> recent = new ArrayDeque<>();
  private final History history;
  private CopyState state = CopyState.NONE;
  private RoomSnapshot.Entry moving;
  private String run = "";
  private long seq;

  /**
   * Creates an empty copy.
   *
   * @param maxLines how many history lines each room keeps ({@code history.maxLines})
   * @param maxAgeMillis how old a kept history line may be, in milliseconds
   */
  public RoomMirror(int maxLines, long maxAgeMillis) {
    this.history = new History(maxLines, maxAgeMillis);
  }

  public long seq() {
    return seq;
  }

  public String run() {
    return run;
  }

  public CopyState state() {
    return state;
  }

  public boolean whole() {
    return state == CopyState.WHOLE;
  }

  /**
   * Replaces the state with a snapshot taken from the room, then applies again the events of the
   * same run (or of a run not yet known) received after it. The copy is whole unless those events
   * leave a gap after the snapshot.
   */
  public void reset(RoomSnapshot snapshot) {
    List<RoomEvent> later = new ArrayList<>();
    if (run.isEmpty() || snapshot.run().equals(run)) {
      for (RoomEvent e : recent) {
        if (e.seq() > snapshot.seq()) {
          later.add(e);
        }
      }
    }
    members.clear();
    moving = null;
    recent.clear();
    for (RoomSnapshot.Entry m : snapshot.members()) {
      members.put(key(m.sessionId(), m.room()), m);
    }
    history.clear();
    snapshot.history().forEach(history::add);
    policies.clear();
    snapshot.policies().forEach(this::keep);
    run = snapshot.run();
    seq = snapshot.seq();
    state = CopyState.WHOLE;
    later.forEach(this::apply);
  }

  /**
   * A room started on a node, at event {@code ready.seq()}. The start of a fresh room (event 0) is
   * a whole copy of it; a room of another run that continues from a later event is not, until a
   * snapshot comes.
   *
   * @return whether the copy is whole after it
   */
  public boolean started(RoomReady ready) {
    if (ready.run().equals(run) && state != CopyState.NONE) {
      return whole();
    }
    members.clear();
    moving = null;
    recent.clear();
    history.clear();
    policies.clear();
    ready.policies().forEach(this::keep);
    run = ready.run();
    seq = ready.seq();
    state = ready.seq() == 0 ? CopyState.WHOLE : CopyState.PARTIAL;
    return whole();
  }

  /**
   * Applies an event in order. An event after a gap is applied all the same (its line is still
   * delivered), but the copy is no longer whole.
   *
   * @return false if the event was applied already (a duplicate)
   */
  public boolean apply(RoomEvent event) {
    if (event.seq() <= seq) {
      return false;
    }
    if (event.seq() != seq + 1 || state == CopyState.NONE) {
      state = CopyState.PARTIAL;
    }
    seq = event.seq();
    RoomSnapshot.Entry before = moving;
    moving = null;
    recent.addLast(event);
    if (recent.size() > RECENT_EVENTS) {
      recent.pollFirst();
    }
    if (event instanceof Arrived a) {
      // A member that moved rooms arrives right after it left: its lines keep their numbers.
      long lastLineId =
          before != null && before.sessionId().equals(a.sessionId()) ? before.lastLineId() : 0;
      members.put(
          key(a.sessionId(), a.room()),
          new RoomSnapshot.Entry(
              a.sessionId(),
              a.nodeId(),
              a.kind(),
              a.name(),
              a.time(),
              lastLineId,
              a.room(),
              a.account(),
              a.address()));
    } else if (event instanceof Left l) {
      RoomSnapshot.Entry gone = members.remove(key(l.sessionId(), l.room()));
      moving = gone;
      return true;
    } else if (event instanceof Renamed r) {
      RoomSnapshot.Entry m = members.get(key(r.sessionId(), r.room()));
      if (m != null) {
        members.put(
            key(m.sessionId(), m.room()),
            new RoomSnapshot.Entry(
                m.sessionId(),
                m.nodeId(),
                m.kind(),
                r.newName(),
                m.arrivedAt(),
                m.lastLineId(),
                m.room(),
                m.account(),
                m.address()));
      }
    } else if (event instanceof PolicyChanged p) {
      keep(p.policy());
    } else if (event instanceof Chat c) {
      history.add(HistoryLine.of(run, c));
      if (c.seq() % EXPIRY_EVERY == 0) {
        history.expire(c.time());
      }
      RoomSnapshot.Entry m = c.lineId() > 0 ? members.get(key(c.sessionId(), c.room())) : null;
      if (m != null && c.lineId() > m.lastLineId()) {
        members.put(
            key(m.sessionId(), m.room()),
            new RoomSnapshot.Entry(
                m.sessionId(),
                m.nodeId(),
                m.kind(),
                m.name(),
                m.arrivedAt(),
                c.lineId(),
                m.room(),
                m.account(),
                m.address()));
      }
    }
    return true;
  }

  /**
   * The key of one member in one room: a bus member is in the copy once for each of its rooms.
   * Within one order, a room keeps the spelling it was opened with, which every event carries.
   */
  private static String key(String sessionId, String room) {
    return sessionId + ' ' + room;
  }

  public RoomSnapshot snapshot() {
    return new RoomSnapshot(
        run,
        seq,
        new ArrayList<>(members.values()),
        history.lines(),
        new ArrayList<>(policies.values()));
  }

  private void keep(RoomPolicy policy) {
    String key = RoomPolicy.key(policy.room());
    if (policy.isEmpty()) {
      policies.remove(key);
    } else {
      policies.put(key, policy);
    }
  }

  /**
   * The policy of a room in this copy (a ban of the default room is a ban of the server).
   *
   * @param room a room's name
   * @return its policy, empty when it has none
   */
  public RoomPolicy policyOf(String room) {
    RoomPolicy policy = policies.get(RoomPolicy.key(room));
    return policy == null ? RoomPolicy.empty(room) : policy;
  }

  /** The recent events with {@code after < seq <= upTo}, in order. */
  public List<RoomEvent> events(long after, long upTo) {
    List<RoomEvent> out = new ArrayList<>();
    for (RoomEvent e : recent) {
      if (e.seq() > after && e.seq() <= upTo) {
        out.add(e);
      }
    }
    return out;
  }
}
