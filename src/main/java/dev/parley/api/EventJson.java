package dev.parley.api;

import io.vertx.core.json.JsonObject;

/** The JSON fields every event has. */
final class EventJson {
  private EventJson() {}

  static JsonObject header(ParleyEvent event, String type) {
    return new JsonObject()
        .put("type", type)
        .put("room", event.room())
        .put("run", event.run())
        .put("seq", event.seq())
        .put("time", event.time());
  }
}
