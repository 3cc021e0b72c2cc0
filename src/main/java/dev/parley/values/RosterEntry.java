package dev.parley.values;

/**
 * One member of a room, as a roster lists it (the public API's JSON of it: {@code
 * dev.parley.api.RosterJson}).
 *
 * @param name the member's name
 * @param arrivedAt when the member arrived, in milliseconds since the Unix epoch
 * @param idleSeconds whole seconds since the member's last line
 * @param kind how the member is connected
 */
public record RosterEntry(String name, long arrivedAt, long idleSeconds, MemberKind kind) {}
