package dev.parley.room;

import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.protocol.RoomNames;
import dev.parley.values.ErrorCode;
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

  /**
   * The room a member may enter: an open one, or one opened now.
   *
   * @param requested the room as typed, with or without its {@code #}
   * @param self the member, to refuse a room it is in already; null for none
   * @param freesOne whether entering it empties the member's current room
   * @param maxRooms how many rooms may have members ({@code rooms.maxRooms})
   * @throws RoomException if the name is bad, {@code self} is in the room already, or {@code
   *     maxRooms} rooms have members and this one has none
   */
  RoomRoster toEnter(String requested, Member self, boolean freesOne, int maxRooms) {
    String name = valid(requested);
    RoomRoster target = find(name);
    if (target != null && self != null && self.rooms.contains(target)) {
      throw new RoomException(ErrorCode.BAD_REQUEST, Replies.alreadyInRoomText(target.name()));
    }
    if ((target == null || target.isEmpty())
        && target != defaultRoom
        && occupied - (freesOne ? 1 : 0) >= maxRooms) {
      throw new RoomException(ErrorCode.TOO_MANY_ROOMS, Replies.tooManyRoomsText());
    }
    return target == null ? findOrOpen(name) : target;
  }

  /**
   * The member's room of that name, or its only room for {@code null}.
   *
   * @throws RoomException if the name is bad, the member is not in that room, or {@code requested}
   *     is null and the member is in no room or in several
   */
  RoomRoster of(Member member, String requested) {
    if (requested == null) {
      if (member.rooms.size() == 1) {
        return member.rooms.get(0);
      }
      throw member.rooms.isEmpty()
          ? new RoomException(ErrorCode.NOT_A_MEMBER, "not in any room")
          : new RoomException(
              ErrorCode.BAD_REQUEST, "in " + member.rooms.size() + " rooms: name the room");
    }
    String name = valid(requested);
    RoomRoster room = find(name);
    if (room == null || !member.rooms.contains(room)) {
      throw new RoomException(ErrorCode.NOT_A_MEMBER, "not in " + name);
    }
    return room;
  }

  /**
   * The open room a typed name finds, or null.
   *
   * @throws RoomException if the name is bad
   */
  RoomRoster named(String requested) {
    return find(valid(requested));
  }

  private static String valid(String requested) {
    NameRules.Verdict verdict = RoomNames.check(requested);
    if (!verdict.valid()) {
      throw new RoomException(ErrorCode.INVALID_NAME, verdict.error());
    }
    return verdict.name();
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
