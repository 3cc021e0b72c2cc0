package dev.parley.bus;

/**
 * Published on {@link Addresses#ROOM_COUNTS} by each room group's host when its number of rooms
 * with members changes, and every few seconds, so that every group can apply {@code rooms.maxRooms}
 * to the whole cluster.
 *
 * @param group the room group
 * @param rooms how many of its rooms have members
 */
public record RoomCountNotice(int group, int rooms) {}
