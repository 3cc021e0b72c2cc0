package dev.parley.api;

import dev.parley.values.MemberKind;
import io.vertx.core.json.JsonObject;

/**
 * A room event as published on {@link ApiAddresses#EVENTS}: one of {@link MemberArrived}, {@link
 * MemberLeft}, {@link ChatMessage}, {@link MemberRenamed} and {@link PolicyEvent}. Within one
 * {@link #run()}, sequence numbers increase by exactly one per event, so a gap means a missed
 * event. Private messages are never events.
 */
public sealed interface ParleyEvent
    permits MemberArrived, MemberLeft, ChatMessage, MemberRenamed, PolicyEvent {
  /**
   * The room's name ({@code server.name}).
   *
   * @return the room
   */
  String room();

  /**
   * The id of the room's current order. It stays the same when the room moves to another cluster
   * node and changes only when the room starts afresh, when sequence numbers start again at 1.
   *
   * @return an opaque id
   */
  String run();

  /**
   * The event's place in the room's one order.
   *
   * @return the sequence number, from 1
   */
  long seq();

  /**
   * When the room ordered the event.
   *
   * @return milliseconds since the Unix epoch
   */
  long time();

  /**
   * The event as published: {@code type}, {@code room}, {@code run}, {@code seq}, {@code time} and
   * the fields of its kind.
   *
   * @return a new JSON object
   */
  JsonObject toJson();

  /**
   * Reads a published event.
   *
   * @param json an event from {@link ApiAddresses#EVENTS}
   * @return the typed event
   * @throws IllegalArgumentException if the object is not a Parley event
   */
  static ParleyEvent fromJson(JsonObject json) {
    String type = json.getString("type");
    String room = json.getString("room");
    String run = json.getString("run");
    long seq = json.getLong("seq", -1L);
    long time = json.getLong("time", -1L);
    if (type == null || room == null || run == null || seq < 1 || time < 0) {
      throw new IllegalArgumentException("not a Parley event: " + json.encode());
    }
    switch (type) {
      case MemberArrived.TYPE:
        return new MemberArrived(
            room,
            run,
            seq,
            time,
            json.getString("name"),
            MemberKind.fromJson(json.getString("kind")));
      case MemberLeft.TYPE:
        return new MemberLeft(
            room, run, seq, time, json.getString("name"), json.getString("reason", ""));
      case ChatMessage.TYPE:
        return new ChatMessage(
            room, run, seq, time, json.getString("name"), json.getString("text"));
      case MemberRenamed.TYPE:
        return new MemberRenamed(
            room, run, seq, time, json.getString("oldName"), json.getString("name"));
      case PolicyEvent.TOPIC:
      case PolicyEvent.OP:
      case PolicyEvent.BAN:
      case PolicyEvent.MUTE:
        return PolicyEvent.fromJson(room, run, seq, time, json);
      default:
        throw new IllegalArgumentException("unknown event type " + type);
    }
  }
}
