package dev.parley.rooms;

import dev.parley.bus.Addresses;
import dev.parley.bus.RoomCountNotice;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * How many rooms with members the other room groups have, for {@code rooms.maxRooms}: each group's
 * host publishes its count when it changes and every {@value #ANNOUNCE_MILLIS} ms, and keeps the
 * others' last counts. The sum may lag a change by the time a publication takes, so a cluster can
 * exceed the limit by the rooms opened at the same moment in different groups. With one group it
 * does nothing. Confined to the {@link RoomVerticle}'s context.
 */
final class RoomCounts {
  private static final long ANNOUNCE_MILLIS = 5000;

  private final int group;
  private final int[] counts;
  private Vertx vertx;
  private long timer = -1;
  private int announced = -1;

  RoomCounts(int group, int groups) {
    this.group = group;
    this.counts = new int[groups];
  }

  /** Listens to the other groups and announces this one's count now and periodically. */
  Future<Void> start(Vertx vertx, List<MessageConsumer<?>> consumers, IntSupplier occupied) {
    this.vertx = vertx;
    if (counts.length == 1) {
      return Future.succeededFuture();
    }
    MessageConsumer<RoomCountNotice> others =
        vertx
            .eventBus()
            .consumer(
                Addresses.ROOM_COUNTS,
                m -> {
                  RoomCountNotice notice = m.body();
                  if (notice.group() != group && notice.group() < counts.length) {
                    counts[notice.group()] = notice.rooms();
                  }
                });
    consumers.add(others);
    timer =
        vertx.setPeriodic(
            ANNOUNCE_MILLIS,
            t -> {
              announced = -1;
              changed(occupied.getAsInt());
            });
    return others.completion().onSuccess(v -> changed(occupied.getAsInt()));
  }

  /** This group's count now; announced if it changed. */
  void changed(int rooms) {
    counts[group] = rooms;
    if (counts.length > 1 && rooms != announced && vertx != null) {
      announced = rooms;
      vertx.eventBus().publish(Addresses.ROOM_COUNTS, new RoomCountNotice(group, rooms));
    }
  }

  /** The other groups' rooms with members, as last announced. */
  int elsewhere() {
    int sum = 0;
    for (int g = 0; g < counts.length; g++) {
      if (g != group) {
        sum += counts[g];
      }
    }
    return sum;
  }

  /** Stops announcing. */
  void stop() {
    if (vertx != null) {
      vertx.cancelTimer(timer);
    }
  }
}
