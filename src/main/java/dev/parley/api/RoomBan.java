package dev.parley.api;

import io.vertx.core.json.JsonObject;

/**
 * A ban of a room still in force, as {@link RoomClient#bans} lists it (PROTOCOL.md section 13).
 *
 * @param target what is banned: an account's name, an address ({@code 203.0.113.7}) or a CIDR block
 *     ({@code 2001:db8::/48})
 * @param kind {@code account}, {@code address} or {@code cidr}
 * @param by the name of the operator or service that banned it
 * @param atMillis when, milliseconds since the Unix epoch
 * @param untilMillis when it ends, milliseconds since the Unix epoch; 0 for a ban without end
 * @param why the reason given, empty for none
 */
public record RoomBan(
    String target, String kind, String by, long atMillis, long untilMillis, String why) {
  static RoomBan fromJson(JsonObject json) {
    return new RoomBan(
        json.getString("target"),
        json.getString("kind"),
        json.getString("by"),
        json.getLong("at"),
        json.getLong("until"),
        json.getString("why"));
  }
}
