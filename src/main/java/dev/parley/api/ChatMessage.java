package dev.parley.api;

import io.vertx.core.json.JsonObject;

/**
 * A chat line: {@code {"type": "message", ..., "name": NAME, "text": TEXT}}.
 *
 * @param room the room
 * @param run the id of the room's order
 * @param seq the sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param name the sender's name
 * @param text the text as members saw it
 */
public record ChatMessage(String room, String run, long seq, long time, String name, String text)
    implements ParleyEvent {
  /** The {@code type} field. */
  public static final String TYPE = "message";

  @Override
  public JsonObject toJson() {
    return EventJson.header(this, TYPE).put("name", name).put("text", text);
  }
}
