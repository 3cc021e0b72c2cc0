package dev.parley.room;

import dev.parley.protocol.NameKey;
import dev.parley.protocol.RoomNames;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What lasts of a room beyond its members (PROTOCOL.md section 13): its operators, topic, bans and
 * mutes, as the store keeps it, one policy per room. A room without any of them has the {@linkplain
 * #isEmpty() empty} policy, which the store keeps as nothing at all. Immutable and thread-safe.
 *
 * @param room the room's name as spelled when it was opened, with its {@code #}
 * @param operators the names of the accounts that are its operators, in the order they became one;
 *     no two with the same {@linkplain #operatorKey key}
 * @param topic its topic, or null when it has none
 * @param bans its bans, in the order they were made; no two with the same {@linkplain Ban#key key}
 * @param mutes its mutes, in the order they were made; no two of one member ({@link Mute#key})
 */
public record RoomPolicy(
    String room, List<String> operators, Topic topic, List<Ban> bans, List<Mute> mutes) {

  /**
   * Copies the lists and checks that no operator, ban or mute appears twice.
   *
   * @throws IllegalArgumentException naming the first one that does
   */
  public RoomPolicy {
    Objects.requireNonNull(room, "room");
    operators = List.copyOf(operators);
    bans = List.copyOf(bans);
    mutes = List.copyOf(mutes);
    distinct("operator", operators, RoomPolicy::operatorKey);
    distinct("ban", bans, b -> Ban.key(b.kind(), b.target()));
    distinct("mute", mutes, m -> Mute.key(m.target()));
  }

  /**
   * The policy of a room that has none.
   *
   * @param room the room's name
   * @return a policy without operators, topic, bans or mutes
   */
  public static RoomPolicy empty(String room) {
    return new RoomPolicy(room, List.of(), null, List.of(), List.of());
  }

  /**
   * Whether there is nothing to keep.
   *
   * @return true without operators, topic, bans and mutes
   */
  public boolean isEmpty() {
    return operators.isEmpty() && topic == null && bans.isEmpty() && mutes.isEmpty();
  }

  /**
   * The key under which the store keeps a room's policy: two room names that are one room (the
   * rooms' own rule, {@link RoomNames#key}) have the same key. It is the collision key of the name
   * after its {@code #} ({@link NameKey#foldedSkeleton()}), as the name registry keys names.
   *
   * @param room a valid room name, with its {@code #}
   * @return its key
   */
  public static String key(String room) {
    return RoomNames.key(room).foldedSkeleton();
  }

  /**
   * The key of an operator's account name: the same as the account's own key in the store.
   *
   * @param account an account's name
   * @return its collision key ({@link NameKey#foldedSkeleton()})
   */
  public static String operatorKey(String account) {
    return NameKey.of(account).foldedSkeleton();
  }

  private static <T> void distinct(String what, List<T> items, Function<T, String> key) {
    Set<String> seen = new HashSet<>();
    for (T item : items) {
      if (!seen.add(key.apply(item))) {
        throw new IllegalArgumentException("a room policy lists one " + what + " twice: " + item);
      }
    }
  }
}
