package dev.parley.room;

import io.vertx.core.buffer.Buffer;

/**
 * A room event as the {@link RoomRelay} hands it to its node's chat servers (node-local only): the
 * event, and the line TCP members see for it, encoded once for every session of the node.
 *
 * @param event a {@link RoomEvent}, or {@link RoomReady}
 * @param line the encoded line (UTF-8 with CRLF), or {@code null} for {@link RoomReady}
 */
public record RelayedEvent(Object event, Buffer line) {}
