package dev.parley.rooms;

import dev.parley.config.ParleyConfig;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.room.HistoryLine;
import dev.parley.room.RoomSnapshot;
import dev.parley.store.HistoryMerge;
import dev.parley.store.HistoryWriter;
import dev.parley.store.Store;
import dev.parley.time.TimeSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms' side of the store's history: what the store adds to the state a host continues from,
 * the lines the host writes to it (through a bounded {@link HistoryWriter}), and retention every
 * {@value #RETENTION_MILLIS} ms. With a store that is not durable ({@link
 * dev.parley.store.MemoryStore}) it does nothing. A store that is away costs history, never the
 * chat: failures are logged, never thrown. Confined to the {@link RoomVerticle}'s context.
 */
final class DurableHistory {
  private static final Logger LOG = LoggerFactory.getLogger(DurableHistory.class);

  /** How often retention deletes old lines from the durable store. */
  private static final long RETENTION_MILLIS = 60_000;

  private final ParleyConfig.History limits;
  private final TimeSource time;
  private final int writeQueueLines;
  private final Store store;
  private final ParleyMetrics metrics;
  private HistoryWriter writer;
  private long retentionTimer = -1;

  DurableHistory(
      ParleyConfig.History limits,
      int writeQueueLines,
      TimeSource time,
      Store store,
      ParleyMetrics metrics) {
    this.limits = limits;
    this.writeQueueLines = writeQueueLines;
    this.time = time;
    this.store = store;
    this.metrics = metrics;
  }

  /**
   * The state to continue from with the durable store's recent lines added to the copied history:
   * after a restart of every node the store has them all; after a takeover it has the lines of
   * earlier runs that the nodes' copies never saw. A store that is away adds nothing.
   */
  Future<RoomSnapshot> withStoredLines(RoomSnapshot base) {
    if (!store.durable()) {
      return Future.succeededFuture(base);
    }
    return store
        .loadHistory(time.epochMillis() - limits.maxAge().toMillis(), limits.maxLines())
        .map(
            stored ->
                new RoomSnapshot(
                    base.run(),
                    base.seq(),
                    base.members(),
                    HistoryMerge.merge(stored, base.history())))
        .otherwise(
            failure -> {
              LOG.warn("history: cannot load from the store: {}", failure.getMessage());
              return base;
            });
  }

  /**
   * Starts writing: the copied lines of the order the host continues that the store lacks (the old
   * host died before it wrote them; all of them when the store cannot say), then every line
   * appended; and retention.
   *
   * @param context the room verticle's context, where the writer's callbacks run
   */
  void start(Vertx vertx, Context context, RoomSnapshot base) {
    writer = new HistoryWriter(context, store, writeQueueLines, metrics);
    if (!store.durable()) {
      return;
    }
    retentionTimer = vertx.setPeriodic(RETENTION_MILLIS, id -> applyRetention());
    if (base.run().isEmpty()) {
      return;
    }
    store
        .lastSeq(base.run())
        .otherwise(0L)
        .onSuccess(
            last -> {
              for (HistoryLine line : base.history()) {
                if (line.run().equals(base.run()) && line.seq() > last) {
                  writer.append(line);
                }
              }
            });
  }

  /** Queues a chat line for the store; nothing without a durable store. */
  void append(HistoryLine line) {
    if (store.durable()) {
      writer.append(line);
    }
  }

  /**
   * Stops retention and waits, at most {@code waitMillis}, until the queued lines have reached the
   * store.
   */
  Future<?> stop(Vertx vertx, long waitMillis) {
    vertx.cancelTimer(retentionTimer);
    return writer == null ? Future.succeededFuture() : writer.drain(waitMillis);
  }

  private void applyRetention() {
    store
        .deleteExpiredHistory(time.epochMillis() - limits.maxAge().toMillis(), limits.maxLines())
        .onFailure(e -> LOG.debug("history: retention failed: {}", e.getMessage()));
  }
}
