package dev.parley.api;

import dev.parley.values.MemberKind;
import dev.parley.values.RosterEntry;
import io.vertx.core.json.JsonObject;

/**
 * A roster entry in the public API's JSON, as a {@code who} reply's {@code members} hold them:
 * {@code {"name", "arrivedAt", "idleSeconds", "kind"}}. Pure and thread-safe.
 */
public final class RosterJson {
  private RosterJson() {}

  /**
   * The entry as JSON.
   *
   * @param entry a member of a room
   * @return a new JSON object
   */
  public static JsonObject toJson(RosterEntry entry) {
    return new JsonObject()
        .put("name", entry.name())
        .put("arrivedAt", entry.arrivedAt())
        .put("idleSeconds", entry.idleSeconds())
        .put("kind", entry.kind().json());
  }

  /**
   * Reads an entry.
   *
   * @param json an element of a {@code who} reply's {@code members}
   * @return the entry
   * @throws NullPointerException if a field is missing
   */
  public static RosterEntry fromJson(JsonObject json) {
    return new RosterEntry(
        json.getString("name"),
        json.getLong("arrivedAt"),
        json.getLong("idleSeconds"),
        MemberKind.fromJson(json.getString("kind")));
  }
}
