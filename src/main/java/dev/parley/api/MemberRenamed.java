package dev.parley.api;

import io.vertx.core.json.JsonObject;

/**
 * A member changed name: {@code {"type": "renamed", ..., "oldName": OLD, "name": NEW}}.
 *
 * @param room the room
 * @param run the id of the room's order
 * @param seq the sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param oldName the name before
 * @param name the name after
 */
public record MemberRenamed(
    String room, String run, long seq, long time, String oldName, String name)
    implements ParleyEvent {
  /** The {@code type} field. */
  public static final String TYPE = "renamed";

  @Override
  public JsonObject toJson() {
    return EventJson.header(this, TYPE).put("oldName", oldName).put("name", name);
  }
}
