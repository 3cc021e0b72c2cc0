package dev.parley.transport;

import dev.parley.bus.Evicted;
import dev.parley.bus.Invitation;
import dev.parley.bus.ModerationMessages;
import dev.parley.bus.PrivateLine;
import dev.parley.bus.RelayedEvent;
import dev.parley.protocol.EncodedLine;
import dev.parley.room.RoomEvent;
import dev.parley.session.Follower;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The open sessions of one listener instance, by id and by the rooms they follow, and the fan-out
 * to them of what the node relays: room events to the sessions that follow the room (and to every
 * session that is moving), direct messages to their one session. One event-bus delivery per
 * listener, not one registration per connection. Confined to the listener's event loop.
 */
final class SessionRegistry {
  /** A session and a room it follows. */
  private record Following(Follower session, String room) {}

  private final Map<String, Follower> sessions = new LinkedHashMap<>();
  private final Map<String, Set<Follower>> byRoom = new HashMap<>();
  private final Set<Follower> movers = new LinkedHashSet<>();
  private final List<Following> unfollowing = new ArrayList<>();
  private boolean fanningOut;

  /** A connection was accepted: its session is open. */
  void add(Follower session) {
    sessions.put(session.id(), session);
  }

  /** The open sessions, copied: they may close while the caller goes through them. */
  List<Follower> snapshot() {
    return new ArrayList<>(sessions.values());
  }

  /**
   * Hands a room event to the sessions of this listener: one event-bus delivery per listener. An
   * arrival or departure that is not announced (a large room) concerns only the member itself (a
   * session between two rooms learns of its own departure), so it goes to that session alone:
   * joining a large room costs no work per other member.
   */
  void fanOut(RelayedEvent relayed) {
    Object event = relayed.event();
    EncodedLine line = relayed.line();
    if (line == null && event instanceof RoomEvent quiet) {
      Follower session = sessions.get(quiet.sessionId());
      if (session != null) {
        session.onEvent(relayed);
      }
      return;
    }
    if (!(event instanceof RoomEvent roomEvent)) {
      for (Follower session : sessions.values()) {
        session.onEvent(relayed);
      }
      return;
    }
    Set<Follower> followers = byRoom.getOrDefault(roomEvent.room(), Set.of());
    fanningOut = true;
    try {
      for (Follower session : followers) {
        session.onEvent(relayed);
      }
      for (Follower session : movers) {
        if (!followers.contains(session)) {
          session.onEvent(relayed);
        }
      }
    } finally {
      fanningOut = false;
    }
    // A session that learnt of its own departure stops following the room only now, after the
    // loop over the room's followers.
    for (Following done : unfollowing) {
      unfollow(done.session(), done.room());
    }
    unfollowing.clear();
  }

  /** The session follows a room. */
  void follow(Follower session, String room) {
    byRoom.computeIfAbsent(room, r -> new LinkedHashSet<>()).add(session);
  }

  /** The session no longer follows a room; during a fan-out, once it is over. */
  void unfollow(Follower session, String room) {
    if (fanningOut) {
      unfollowing.add(new Following(session, room));
      return;
    }
    Set<Follower> followers = byRoom.get(room);
    if (followers != null && followers.remove(session) && followers.isEmpty()) {
      byRoom.remove(room);
    }
  }

  /** While {@code on}, the session is handed the events of every room. */
  void followAll(Follower session, boolean on) {
    if (on) {
      movers.add(session);
    } else {
      movers.remove(session);
    }
  }

  /**
   * Hands what a room sent one session (a private line, an eviction...) to it, if it is open here.
   */
  void direct(Object body) {
    String sessionId;
    if (body instanceof PrivateLine line) {
      sessionId = line.sessionId();
    } else if (body instanceof Evicted evicted) {
      sessionId = evicted.sessionId();
    } else if (body instanceof ModerationMessages.LineRefused refused) {
      sessionId = refused.sessionId();
    } else if (body instanceof ModerationMessages.KickedOut kicked) {
      sessionId = kicked.sessionId();
    } else if (body instanceof ModerationMessages.TakenOver taken) {
      sessionId = taken.sessionId();
    } else if (body instanceof Invitation invitation) {
      sessionId = invitation.sessionId();
    } else {
      return;
    }
    Follower session = sessions.get(sessionId);
    if (session != null) {
      session.onDirect(body);
    }
  }

  /** The session's connection has closed. */
  void forget(Follower session) {
    sessions.remove(session.id());
    movers.remove(session);
  }

  /** Whether the session's connection is still open. */
  boolean isOpen(Follower session) {
    return sessions.get(session.id()) == session;
  }
}
