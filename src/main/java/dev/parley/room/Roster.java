package dev.parley.room;

import dev.parley.protocol.NameKey;
import dev.parley.rooms.RoomVerticle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of the room in order of arrival, indexed by session and by every collision key of
 * their names. Confined to the {@link RoomVerticle}; not thread-safe.
 */
final class Roster {
  private final Map<String, Member> bySession = new LinkedHashMap<>();
  private final Map<String, Member> byKey = new HashMap<>();

  Member bySession(String sessionId) {
    return bySession.get(sessionId);
  }

  /** The member whose name collides with {@code key}, other than {@code self}, or null. */
  Member collision(NameKey key, Member self) {
    for (String k : key.all()) {
      Member holder = byKey.get(k);
      if (holder != null && holder != self) {
        return holder;
      }
    }
    return null;
  }

  void add(Member member) {
    bySession.put(member.sessionId, member);
    index(member);
  }

  void remove(Member member) {
    bySession.remove(member.sessionId);
    unindex(member);
  }

  void rename(Member member, String name) {
    unindex(member);
    member.name = name;
    member.key = NameKey.of(name);
    index(member);
  }

  private void index(Member member) {
    for (String k : member.key.all()) {
      byKey.putIfAbsent(k, member);
    }
  }

  private void unindex(Member member) {
    for (String k : member.key.all()) {
      byKey.remove(k, member);
    }
  }

  List<String> names() {
    List<String> names = new ArrayList<>(bySession.size());
    for (Member m : bySession.values()) {
      names.add(m.name);
    }
    return names;
  }

  Collection<Member> members() {
    return bySession.values();
  }
}
