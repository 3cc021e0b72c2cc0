package dev.parley.bus;

import io.vertx.core.eventbus.EventBus;

/** Registers the codecs of Parley's event-bus bodies. */
public final class RoomCodecs {
  private RoomCodecs() {}

  /**
   * Registers a default {@link RecordCodec} for every body type, unless the event bus has them
   * already (another Parley deployment in the same Vert.x instance registered them). Every node of
   * a cluster must call this before it sends or receives Parley messages.
   *
   * @param eventBus the event bus
   */
  public static void register(EventBus eventBus) {
    for (Class<? extends Record> type : Messages.TYPES) {
      registerOne(eventBus, type);
    }
  }

  private static <T extends Record> void registerOne(EventBus eventBus, Class<T> type) {
    try {
      eventBus.registerDefaultCodec(type, new RecordCodec<>(type));
    } catch (IllegalStateException alreadyRegistered) {
      // Registered by an earlier deployment in this Vert.x instance: the codec is the same.
    }
  }
}
