package dev.parley.bus;

import dev.parley.protocol.EncodedLine;
import dev.parley.room.RoomEvent;

/**
 * A room event as the {@code node.RoomRelay} hands it to its node's chat servers (node-local only):
 * the event, and the line TCP members see for it, encoded once for every session of the node.
 *
 * @param event a {@link RoomEvent}, or {@link RoomReady}
 * @param line the encoded line, or {@code null} for {@link RoomReady}
 */
public record RelayedEvent(Object event, EncodedLine line) {}
