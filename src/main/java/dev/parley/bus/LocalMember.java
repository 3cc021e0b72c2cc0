package dev.parley.bus;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;

/**
 * A session of this node joined the room ({@code present}) or left it; sent node-locally to the
 * {@code node.RoomRelay} on {@link Addresses#LOCAL_MEMBERS}, which reports the node's live members
 * when the room moves.
 *
 * @param sessionId the session
 * @param present true when it joined, false when it left
 */
public record LocalMember(String sessionId, boolean present) {
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  /**
   * Tells this node's relay that a session of this node is, or is no longer, a member. Any context;
   * never blocks.
   */
  public static void tell(EventBus bus, String sessionId, boolean present) {
    bus.send(Addresses.LOCAL_MEMBERS, new LocalMember(sessionId, present), LOCAL);
  }
}
