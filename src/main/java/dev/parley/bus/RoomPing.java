package dev.parley.bus;

/**
 * Asks the room whether it is open, for readiness checks. Reply: the room's run id (a string).
 *
 * @param from who asks, for logs
 */
public record RoomPing(String from) {}
