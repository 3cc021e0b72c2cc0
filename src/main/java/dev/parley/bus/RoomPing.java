package dev.parley.bus;

/** Asks the room whether it is open, for readiness checks. Reply: the room's run id (a string). */
public record RoomPing() {}
