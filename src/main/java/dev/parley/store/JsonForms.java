package dev.parley.store;

import dev.parley.room.Ban;
import dev.parley.room.Mute;
import dev.parley.room.RoomPolicy;
import dev.parley.room.Topic;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Accounts and room policies as JSON text, the form in which the {@link MemoryStore} keeps them in
 * Vert.x's shared maps (a string crosses a cluster as it is, and compares by value in {@code
 * replaceIfPresent}). Pure and thread-safe.
 */
final class JsonForms {
  private JsonForms() {}

  static String account(Account account) {
    return new JsonObject()
        .put("key", account.key())
        .put("name", account.name())
        .put("passwordHash", account.passwordHash())
        .put("createdMillis", account.createdMillis())
        .encode();
  }

  static Account account(String json) {
    JsonObject o = new JsonObject(json);
    return new Account(
        o.getString("key"),
        o.getString("name"),
        o.getString("passwordHash"),
        o.getLong("createdMillis"));
  }

  static String policy(RoomPolicy policy) {
    JsonObject o =
        new JsonObject()
            .put("room", policy.room())
            .put("operators", new JsonArray(new ArrayList<Object>(policy.operators())));
    if (policy.topic() != null) {
      o.put(
          "topic",
          new JsonObject()
              .put("text", policy.topic().text())
              .put("by", policy.topic().by())
              .put("atMillis", policy.topic().atMillis()));
    }
    JsonArray bans = new JsonArray();
    for (Ban ban : policy.bans()) {
      bans.add(
          new JsonObject()
              .put("target", ban.target())
              .put("kind", ban.kind().word())
              .put("by", ban.by())
              .put("atMillis", ban.atMillis())
              .put("untilMillis", ban.untilMillis())
              .put("why", ban.why()));
    }
    JsonArray mutes = new JsonArray();
    for (Mute mute : policy.mutes()) {
      mutes.add(
          new JsonObject()
              .put("target", mute.target())
              .put("by", mute.by())
              .put("untilMillis", mute.untilMillis()));
    }
    return o.put("bans", bans).put("mutes", mutes).encode();
  }

  static RoomPolicy policy(String json) {
    JsonObject o = new JsonObject(json);
    List<String> operators = new ArrayList<>();
    for (Object name : o.getJsonArray("operators")) {
      operators.add((String) name);
    }
    JsonObject t = o.getJsonObject("topic");
    Topic topic =
        t == null ? null : new Topic(t.getString("text"), t.getString("by"), t.getLong("atMillis"));
    List<Ban> bans = new ArrayList<>();
    for (Object item : o.getJsonArray("bans")) {
      JsonObject b = (JsonObject) item;
      bans.add(
          new Ban(
              b.getString("target"),
              Ban.Kind.of(b.getString("kind")),
              b.getString("by"),
              b.getLong("atMillis"),
              b.getLong("untilMillis"),
              b.getString("why")));
    }
    List<Mute> mutes = new ArrayList<>();
    for (Object item : o.getJsonArray("mutes")) {
      JsonObject m = (JsonObject) item;
      mutes.add(new Mute(m.getString("target"), m.getString("by"), m.getLong("untilMillis")));
    }
    return new RoomPolicy(o.getString("room"), operators, topic, bans, mutes);
  }
}
