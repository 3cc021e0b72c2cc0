package dev.parley.room;

import dev.parley.protocol.RoomNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rooms that have members, largest first (equal counts by case-folded name).
 *
 * @param total how many rooms have members
 * @param rooms the first of them, at most 50
 */
public record RoomList(int total, List<RoomCount> rooms) {
  /** Copies the list. */
  public RoomList {
    rooms = List.copyOf(rooms);
  }

  /**
   * The order of {@code /rooms}: largest first, equal counts by case-folded name compared code
   * point by code point (PROTOCOL.md section 9).
   */
  public static final Comparator<RoomCount> ORDER =
      Comparator.comparingInt((RoomCount r) -> -r.members())
          .thenComparing(r -> RoomNames.key(r.name()).folded(), RoomList::compareCodePoints);

  private static int compareCodePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  /**
   * The rooms of several room groups as one list.
   *
   * @param replies each group's reply
   * @param listed how many rooms the merged list keeps at most
   * @return the total of all groups, and their largest rooms in {@link #ORDER}
   */
  public static RoomList merge(List<RoomList> replies, int listed) {
    int total = 0;
    List<RoomCount> all = new ArrayList<>();
    for (RoomList reply : replies) {
      total += reply.total();
      all.addAll(reply.rooms());
    }
    all.sort(ORDER);
    return new RoomList(total, all.subList(0, Math.min(listed, all.size())));
  }

  /**
   * One room.
   *
   * @param name the room's name
   * @param members its member count
   */
  public record RoomCount(String name, int members) {}
}
