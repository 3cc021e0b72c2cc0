package dev.parley.room;

import dev.parley.protocol.NameKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one room in order of arrival, and the room's name as it was opened. Confined to
 * the {@link Rooms} that holds it; not thread-safe.
 */
final class RoomRoster {
  private final String name;
  private final NameKey key;
  private final Map<String, Member> members = new LinkedHashMap<>();

  RoomRoster(String name, NameKey key) {
    this.name = name;
    this.key = key;
  }

  /** The room's name, with the spelling it was opened with. */
  String name() {
    return name;
  }

  NameKey key() {
    return key;
  }

  int size() {
    return members.size();
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  void add(Member member) {
    members.put(member.sessionId, member);
  }

  void remove(Member member) {
    members.remove(member.sessionId);
  }

  Collection<Member> members() {
    return members.values();
  }

  /** The names of the first {@code limit} members, in order of arrival. */
  List<String> names(int limit) {
    List<String> names = new ArrayList<>(Math.min(limit, members.size()));
    for (Member m : members.values()) {
      if (names.size() == limit) {
        break;
      }
      names.add(m.name);
    }
    return names;
  }
}
