package dev.parley.api;

import io.vertx.core.json.JsonObject;

/**
 * A room's policy changed (PROTOCOL.md section 13): {@code {"type": "topic" | "op" | "ban" |
 * "mute", ..., "by": NAME, "target": TARGET, "text": TEXT, "until": MILLIS, "set": true | false}}.
 *
 * <ul>
 *   <li>{@code topic}: {@code text} is the topic set ({@code set} true), or it was cleared; {@code
 *       target} is empty.
 *   <li>{@code op}: the account {@code target} became an operator ({@code set} true), or is no
 *       longer one.
 *   <li>{@code ban}: {@code target} (an account, an address or a CIDR block) was banned until
 *       {@code until} (0: until lifted) for the reason {@code text}, or its ban was lifted.
 *   <li>{@code mute}: the member {@code target} was muted until {@code until} (0: until lifted), or
 *       may speak again.
 * </ul>
 *
 * @param room the room
 * @param run the id of the room's order
 * @param seq the sequence number
 * @param time when, in milliseconds since the Unix epoch
 * @param type {@link #TOPIC}, {@link #OP}, {@link #BAN} or {@link #MUTE}
 * @param by the name of the operator or service that made the change
 * @param target what the change is about, empty for a topic
 * @param text the topic, or the ban's reason; empty otherwise
 * @param until when a ban or mute ends, milliseconds since the Unix epoch, 0 for no end
 * @param set true for a topic set, an operator, a ban or a mute made; false when one was removed
 */
public record PolicyEvent(
    String room,
    String run,
    long seq,
    long time,
    String type,
    String by,
    String target,
    String text,
    long until,
    boolean set)
    implements ParleyEvent {
  /** The {@code type} of a change of topic. */
  public static final String TOPIC = "topic";

  /** The {@code type} of a change of operators. */
  public static final String OP = "op";

  /** The {@code type} of a change of bans. */
  public static final String BAN = "ban";

  /** The {@code type} of a change of mutes. */
  public static final String MUTE = "mute";

  @Override
  public JsonObject toJson() {
    return EventJson.header(this, type)
        .put("by", by)
        .put("target", target)
        .put("text", text)
        .put("until", until)
        .put("set", set);
  }

  /** Reads the fields of a policy event after its header. */
  static PolicyEvent fromJson(String room, String run, long seq, long time, JsonObject json) {
    return new PolicyEvent(
        room,
        run,
        seq,
        time,
        json.getString("type"),
        json.getString("by", ""),
        json.getString("target", ""),
        json.getString("text", ""),
        json.getLong("until", 0L),
        json.getBoolean("set", true));
  }
}
