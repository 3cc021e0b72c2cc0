package dev.parley.api;

import dev.parley.values.MemberKind;
import io.vertx.core.json.JsonObject;

/**
 * A member arrived: {@code {"type": "arrived", ..., "name": NAME, "kind": "tcp"|"bus"}}.
 *
 * @param room the room
 * @param run the id of the room's order
 * @param seq the sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param name the newcomer's name
 * @param kind how the newcomer is connected
 */
public record MemberArrived(
    String room, String run, long seq, long time, String name, MemberKind kind)
    implements ParleyEvent {
  /** The {@code type} field. */
  public static final String TYPE = "arrived";

  @Override
  public JsonObject toJson() {
    return EventJson.header(this, TYPE).put("name", name).put("kind", kind.json());
  }
}
