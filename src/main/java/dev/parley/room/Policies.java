package dev.parley.room;

import dev.parley.protocol.NameKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The policies of one group's rooms (PROTOCOL.md section 13): each room's operators, topic, bans
 * and mutes, kept by the room's key whether the room has members or not, and who may change them.
 * The default room's operators are the server operators ({@code accounts.operators}), its bans are
 * the server's. Bans and mutes that have ended are ignored. Free of Vert.x; confined to the rooms'
 * verticle, not thread-safe.
 */
final class Policies {
  private final Map<String, RoomPolicy> byKey = new HashMap<>();
  private final Set<String> serverOperators = new HashSet<>();
  private final String defaultKey;

  /**
   * @param serverOperators the names of the server operators' accounts
   * @param defaultRoom the default room's name
   * @param from the stored or copied policies to start from
   */
  Policies(List<String> serverOperators, String defaultRoom, List<RoomPolicy> from) {
    for (String name : serverOperators) {
      this.serverOperators.add(NameKey.of(name).foldedSkeleton());
    }
    this.defaultKey = RoomPolicy.key(defaultRoom);
    from.forEach(this::put);
  }

  /** The policy of a room, empty when it has none. */
  RoomPolicy of(String room) {
    RoomPolicy policy = byKey.get(RoomPolicy.key(room));
    return policy == null ? RoomPolicy.empty(room) : policy;
  }

  /** Keeps a room's policy (an empty one is forgotten). */
  void put(RoomPolicy policy) {
    String key = RoomPolicy.key(policy.room());
    if (policy.isEmpty()) {
      byKey.remove(key);
    } else {
      byKey.put(key, policy);
    }
  }

  /** Every room's policy that is not empty, for a snapshot. */
  List<RoomPolicy> all() {
    return new ArrayList<>(byKey.values());
  }

  /** Whether {@code room} is the default room, whose policy is the server's. */
  boolean isDefault(String room) {
    return RoomPolicy.key(room).equals(defaultKey);
  }

  /** Whether an account is a server operator. */
  boolean isServerOperator(String account) {
    return !account.isEmpty() && serverOperators.contains(NameKey.of(account).foldedSkeleton());
  }

  /**
   * Whether an account may act as an operator of a room: a server operator anywhere, an account on
   * the room's list in any other room than the default one. A guest never.
   */
  boolean isOperator(String account, String room) {
    if (account.isEmpty()) {
      return false;
    }
    if (isServerOperator(account)) {
      return true;
    }
    if (isDefault(room)) {
      return false;
    }
    String key = RoomPolicy.operatorKey(account);
    for (String operator : of(room).operators()) {
      if (RoomPolicy.operatorKey(operator).equals(key)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the room's list of operators is empty (a first operator may be named). */
  boolean hasNoOperators(String room) {
    return !isDefault(room) && of(room).operators().isEmpty();
  }

  /**
   * The ban of a room, still in force at {@code now}, that keeps a member out: of its account, of
   * its address or of a block that holds its address.
   *
   * @param account the member's account, empty for a guest
   * @param address the member's address, empty when unknown
   * @return the ban, or {@code null}
   */
  Ban banOf(String room, String account, String address, long now) {
    String accountKey = account.isEmpty() ? null : Ban.key(Ban.Kind.ACCOUNT, account);
    for (Ban ban : of(room).bans()) {
      if (ban.untilMillis() != 0 && ban.untilMillis() <= now) {
        continue;
      }
      boolean matches =
          switch (ban.kind()) {
            case ACCOUNT -> Ban.key(ban.kind(), ban.target()).equals(accountKey);
            case ADDRESS, CIDR -> {
              AddressBlock block = AddressBlock.parse(ban.target());
              yield block != null && block.contains(address);
            }
          };
      if (matches) {
        return ban;
      }
    }
    return null;
  }

  /** The mute of a member in a room still in force at {@code now}, or {@code null}. */
  Mute muteOf(String room, String name, long now) {
    String key = Mute.key(name);
    for (Mute mute : of(room).mutes()) {
      if (Mute.key(mute.target()).equals(key)
          && (mute.untilMillis() == 0 || mute.untilMillis() > now)) {
        return mute;
      }
    }
    return null;
  }
}
