package dev.parley.room;

/**
 * Something that happened in the room, published on {@link RoomAddresses#EVENTS} in the room's one
 * order. Sequence numbers increase by one per event, without gaps.
 */
public sealed interface RoomEvent permits Arrived, Left, Chat, Renamed {
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
}
