package dev.parley.rooms;

import dev.parley.api.ChatMessage;
import dev.parley.api.MemberArrived;
import dev.parley.api.MemberLeft;
import dev.parley.api.MemberRenamed;
import dev.parley.api.ParleyEvent;
import dev.parley.api.PolicyEvent;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.Left;
import dev.parley.room.PolicyChanged;
import dev.parley.room.Renamed;
import dev.parley.room.RoomEvent;

/**
 * The one place that turns a room event into the public event of the event-bus API
 * (docs/event-bus.md), whose {@link ParleyEvent#toJson()} is what {@code parley.api.events}
 * carries. Pure and thread-safe.
 */
final class PublicEvents {
  private PublicEvents() {}

  /**
   * The public form of an event.
   *
   * @param run the id of the order of events
   * @param event any room event
   * @return the public event
   */
  private static PolicyEvent policy(String run, PolicyChanged c) {
    String type;
    boolean set;
    switch (c.change()) {
      case TOPIC_SET, TOPIC_CLEARED -> {
        type = PolicyEvent.TOPIC;
        set = c.change() == PolicyChanged.Change.TOPIC_SET;
      }
      case OPPED, FIRST_OPERATOR, DEOPPED -> {
        type = PolicyEvent.OP;
        set = c.change() != PolicyChanged.Change.DEOPPED;
      }
      case BANNED, UNBANNED -> {
        type = PolicyEvent.BAN;
        set = c.change() == PolicyChanged.Change.BANNED;
      }
      default -> {
        type = PolicyEvent.MUTE;
        set = c.change() == PolicyChanged.Change.MUTED;
      }
    }
    return new PolicyEvent(
        c.room(),
        run,
        c.seq(),
        c.time(),
        type,
        c.actor(),
        c.target(),
        c.text(),
        c.untilMillis(),
        set);
  }

  static ParleyEvent of(String run, RoomEvent event) {
    String room = event.room();
    if (event instanceof Chat chat) {
      return new ChatMessage(room, run, chat.seq(), chat.time(), chat.name(), chat.text());
    } else if (event instanceof Arrived arrived) {
      return new MemberArrived(
          room, run, arrived.seq(), arrived.time(), arrived.name(), arrived.kind());
    } else if (event instanceof Left left) {
      return new MemberLeft(room, run, left.seq(), left.time(), left.name(), left.reason());
    } else if (event instanceof PolicyChanged changed) {
      return policy(run, changed);
    }
    Renamed renamed = (Renamed) event;
    return new MemberRenamed(
        room, run, renamed.seq(), renamed.time(), renamed.oldName(), renamed.newName());
  }
}
