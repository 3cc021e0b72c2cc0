package dev.parley.api;

import io.vertx.core.json.JsonObject;

/**
 * One member in a {@code who} reply: {@code {"name", "arrivedAt", "idleSeconds", "kind"}}.
 *
 * @param name the member's name
 * @param arrivedAt when the member arrived, in milliseconds since the Unix epoch
 * @param idleSeconds whole seconds since the member's last line
 * @param kind how the member is connected
 */
public record RosterEntry(String name, long arrivedAt, long idleSeconds, MemberKind kind) {
  /**
   * The entry as JSON.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    return new JsonObject()
        .put("name", name)
        .put("arrivedAt", arrivedAt)
        .put("idleSeconds", idleSeconds)
        .put("kind", kind.json());
  }

  /**
   * Reads an entry.
   *
   * @param json an element of a {@code who} reply's {@code members}
   * @return the entry
   */
  public static RosterEntry fromJson(JsonObject json) {
    return new RosterEntry(
        json.getString("name"),
        json.getLong("arrivedAt"),
        json.getLong("idleSeconds"),
        MemberKind.fromJson(json.getString("kind")));
  }
}
