package dev.parley.room;

import dev.parley.protocol.NameKey;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.values.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of the server in order of arrival, indexed by session and by every collision key of
 * their names, and the naming decisions that rest on them (a free guest name, whether a name is
 * acceptable, whom a name finds). Refusals are thrown as {@link RoomException}s. Confined to the
 * {@code rooms.RoomVerticle}; not thread-safe.
 */
final class Roster {
  private final Map<String, Member> bySession = new LinkedHashMap<>();
  private final Map<String, Member> byKey = new HashMap<>();
  private long nextGuest = 1;

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

  String freeGuestName() {
    while (true) {
      String candidate = Replies.GUEST_PREFIX + nextGuest++;
      if (collision(NameKey.of(candidate), null) == null) {
        return candidate;
      }
    }
  }

  /** The name in NFC if it is valid and free for {@code self}; otherwise throws. */
  String acceptableName(String requested, Member self) {
    NameRules.Verdict verdict = NameRules.check(requested);
    if (!verdict.valid()) {
      throw new RoomException(ErrorCode.INVALID_NAME, verdict.error());
    }
    String name = verdict.name();
    if (self != null && name.equals(self.name)) {
      throw new RoomException(ErrorCode.NAME_TAKEN, Replies.alreadyNamedText(name));
    }
    Member holder = collision(NameKey.of(name), self);
    if (holder != null) {
      throw new RoomException(
          ErrorCode.NAME_TAKEN,
          holder.name.equals(name)
              ? Replies.nameTakenText(name)
              : Replies.nameTooLikeText(name, holder.name));
    }
    return name;
  }

  /** The member whose name collides with {@code name}; otherwise throws. */
  Member find(String name) {
    NameRules.Verdict verdict = NameRules.check(name);
    Member member = verdict.valid() ? collision(NameKey.of(verdict.name()), null) : null;
    if (member == null) {
      throw new RoomException(ErrorCode.NO_SUCH_MEMBER, Replies.noSuchMemberText(name));
    }
    return member;
  }
}
