package dev.parley.api;

import io.vertx.core.json.JsonObject;

/**
 * A member left: {@code {"type": "left", ..., "name": NAME, "reason": REASON}}, the reason empty
 * when there is none.
 *
 * @param room the room
 * @param run the id of the room's order
 * @param seq the sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param name the member's name
 * @param reason the departure reason ({@code idle}, {@code too slow}, {@code kicked: WHY}, the
 *     member's own words...), or empty
 */
public record MemberLeft(String room, String run, long seq, long time, String name, String reason)
    implements ParleyEvent {
  /** The {@code type} field. */
  public static final String TYPE = "left";

  @Override
  public JsonObject toJson() {
    return EventJson.header(this, TYPE).put("name", name).put("reason", reason);
  }
}
