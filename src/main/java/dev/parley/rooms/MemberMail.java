package dev.parley.rooms;

import dev.parley.api.ApiAddresses;
import dev.parley.api.PrivateMessage;
import dev.parley.bus.Addresses;
import dev.parley.bus.Evicted;
import dev.parley.bus.PrivateLine;
import dev.parley.values.MemberKind;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;

/**
 * What the rooms send to one member, wherever it is: to its node's {@link
 * dev.parley.node.RoomRelay} for a line session or an IRC client, which hands it to the session; as
 * JSON to the bus member's own address ({@link ApiAddresses#member}) for a bus member. Stateless;
 * callable on any context.
 */
final class MemberMail {
  private MemberMail() {}

  /** A private message from {@code from}. */
  static void privateLine(
      EventBus bus, MemberKind kind, String nodeId, String memberId, String from, String text) {
    if (kind.connection()) {
      bus.send(Addresses.node(nodeId), new PrivateLine(memberId, from, text));
    } else {
      bus.send(
          ApiAddresses.member(memberId),
          new JsonObject().put("type", PrivateMessage.TYPE).put("from", from).put("text", text));
    }
  }

  /**
   * The member was removed: a line session receives {@code notice} and leaves with {@code reason};
   * a bus member is told of its kick ({@code kickReason}).
   */
  static void evicted(
      EventBus bus,
      MemberKind kind,
      String nodeId,
      String memberId,
      String notice,
      String reason,
      String kickReason) {
    if (kind.connection()) {
      bus.send(Addresses.node(nodeId), new Evicted(memberId, notice, reason));
    } else {
      bus.send(
          ApiAddresses.member(memberId),
          new JsonObject().put("type", PrivateMessage.KICKED_TYPE).put("reason", kickReason));
    }
  }
}
