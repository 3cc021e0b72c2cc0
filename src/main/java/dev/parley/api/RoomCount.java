package dev.parley.api;

/**
 * A room that has members, as {@link RoomClient#rooms()} lists it.
 *
 * @param name the room's name, with its {@code #}, spelled as when it was opened
 * @param members how many members it has, 1 or more (the default room may have 0)
 */
public record RoomCount(String name, int members) {}
