package dev.parley.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What a bus member learns on entering a room ({@link RoomClient#join}, {@link BusMember#enter}).
 *
 * @param room the room's name, with its {@code #}, spelled as when it was opened
 * @param seq the sequence number of the member's own arrival event
 * @param roster the members in order of arrival, the new member last; at most the first 100 in a
 *     room of more than {@code rooms.quietAbove} members
 * @param members how many members the room has, the new one included
 */
public record RoomEntry(String room, long seq, List<String> roster, int members) {
  /** Copies the list. */
  public RoomEntry {
    roster = List.copyOf(roster);
  }

  static RoomEntry fromJson(JsonObject reply) {
    JsonArray names = reply.getJsonArray("roster");
    List<String> list = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      list.add(names.getString(i));
    }
    return new RoomEntry(
        reply.getString("room"), reply.getLong("seq"), list, reply.getInteger("members"));
  }
}
