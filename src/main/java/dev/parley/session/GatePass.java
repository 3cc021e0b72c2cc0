package dev.parley.session;

import dev.parley.bus.Addresses;
import dev.parley.protocol.Replies;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;

/**
 * The connection's place at the node's connection gate ({@code transport.ConnectionGate}): asked
 * for once when the connection opens, given back once when it closes, over two node-local event-bus
 * addresses whose body is the client's address. Confined to the connection's event loop.
 */
public final class GatePass {
  private final EventBus bus;
  private final String address;
  private boolean admitted;

  public GatePass(EventBus bus, String address) {
    this.bus = bus;
    this.address = address;
  }

  /** Whether the gate admitted the connection and the place has not been given back yet. */
  public boolean admitted() {
    return admitted;
  }

  /**
   * Asks the gate for a place.
   *
   * @param then called on the event loop with an empty string when admitted, otherwise with the
   *     refusal line (the gate's, or {@link Replies#serverFull()} when the gate did not answer)
   */
  public void admit(Handler<String> then) {
    bus.<String>request(Addresses.GATE_ADMIT, address, Session.LOCAL)
        .onComplete(
            ar -> {
              admitted = ar.succeeded() && ar.result().body().isEmpty();
              if (admitted) {
                then.handle("");
              } else {
                then.handle(ar.succeeded() ? ar.result().body() : Replies.serverFull());
              }
            });
  }

  /** Gives the connection's place back to the gate, then runs {@code next}. */
  public void releaseThen(Runnable next) {
    if (!admitted) {
      if (next != null) {
        next.run();
      }
      return;
    }
    admitted = false;
    bus.request(Addresses.GATE_RELEASE, address, Session.LOCAL)
        .onComplete(
            ar -> {
              if (next != null) {
                next.run();
              }
            });
  }
}
