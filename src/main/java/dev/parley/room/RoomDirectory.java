package dev.parley.room;

import dev.parley.protocol.RoomNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The open rooms, found by every collision key of their names (so {@code #Ops}, {@code #ｏｐｓ} and
 * {@code #оps} find one room), and which member is in which. The default room is always open; any
 * other room closes when its last member leaves. Confined to the {@link Rooms} that holds it; not
 * thread-safe.
 */
final class RoomDirectory {
  private final Map<String, RoomRoster> byKey = new HashMap<>();
  private final RoomRoster defaultRoom;
  private int occupied;

  /**
   * Creates the directory with its default room.
   *
   * @param defaultName a valid room name
   */
  RoomDirectory(String defaultName) {
    this.defaultRoom = new RoomRoster(defaultName, RoomNames.key(defaultName));
    index(defaultRoom);
  }

  RoomRoster defaultRoom() {
    return defaultRoom;
  }

  /** How many rooms have members. */
  int occupied() {
    return occupied;
  }

  /** The open room whose name collides with {@code name}, or null. */
  RoomRoster find(String name) {
    for (String k : RoomNames.key(name).all()) {
      RoomRoster room = byKey.get(k);
      if (room != null) {
        return room;
      }
    }
    return null;
  }

  /** The open room of that name, or a room opened with that spelling. */
  RoomRoster findOrOpen(String name) {
    RoomRoster room = find(name);
    if (room == null) {
      room = new RoomRoster(name, RoomNames.key(name));
      index(room);
    }
    return room;
  }

  /** Puts a member in a room. */
  void enter(Member member, RoomRoster room) {
    if (room.isEmpty()) {
      occupied++;
    }
    member.rooms.add(room);
    room.add(member);
  }

  /** Takes a member out of a room; a room other than the default one closes when empty. */
  void exit(Member member, RoomRoster room) {
    room.remove(member);
    member.rooms.remove(room);
    if (room.isEmpty()) {
      occupied--;
      if (room != defaultRoom) {
        for (String k : room.key().all()) {
          byKey.remove(k, room);
        }
      }
    }
  }

  /** Every open room, the default one included, in no particular order. */
  Collection<RoomRoster> rooms() {
    return new LinkedHashSet<>(byKey.values());
  }

  /**
   * The rooms that have members, largest first, equal counts by case-folded name compared code
   * point by code point.
   */
  List<RoomRoster> occupiedRooms() {
    List<RoomRoster> rooms = new ArrayList<>();
    for (RoomRoster room : new LinkedHashSet<>(byKey.values())) {
      if (!room.isEmpty()) {
        rooms.add(room);
      }
    }
    rooms.sort(
        Comparator.comparingInt(RoomRoster::size)
            .reversed()
            .thenComparing(r -> r.key().folded(), RoomDirectory::compareCodePoints));
    return rooms;
  }

  private static int compareCodePoints(String a, String b) {
    return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
  }

  private void index(RoomRoster room) {
    for (String k : room.key().all()) {
      byKey.putIfAbsent(k, room);
    }
  }
}
