package dev.parley.room;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something that happened in a room, published on the event bus ({@code bus.Addresses.EVENTS}) in
 * the one order of its room group. Sequence numbers increase by one per event, without gaps, across
 * the group's rooms; the events of one room are in that room's order.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "@type")
@JsonSubTypes({
  @JsonSubTypes.Type(Arrived.class),
  @JsonSubTypes.Type(Left.class),
  @JsonSubTypes.Type(Chat.class),
  @JsonSubTypes.Type(Renamed.class)
})
public sealed interface RoomEvent permits Arrived, Left, Chat, Renamed, PolicyChanged {
  /**
   * The event's place in the room's order.
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
   * The room the event happened in.
   *
   * @return the room's name, such as {@code #lobby}
   */
  String room();

  /**
   * The session (or bus member) the event is about.
   *
   * @return the session's id
   */
  String sessionId();
}
