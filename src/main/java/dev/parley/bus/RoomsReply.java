package dev.parley.bus;

import java.util.List;

/**
 * The rooms that have members, largest first (equal counts by case-folded name).
 *
 * @param total how many rooms have members
 * @param rooms the first of them, at most 50
 */
public record RoomsReply(int total, List<RoomCount> rooms) {
  /** Copies the list. */
  public RoomsReply {
    rooms = List.copyOf(rooms);
  }

  /**
   * One room.
   *
   * @param name the room's name
   * @param members its member count
   */
  public record RoomCount(String name, int members) {}
}
