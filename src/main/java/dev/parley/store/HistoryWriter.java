package dev.parley.store;

import dev.parley.metrics.ParleyMetrics;
import dev.parley.room.HistoryLine;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the lines a room orders to its durable store, behind the room: {@link #append} only
 * queues, and one batch at a time (at most {@value #MAX_BATCH} lines, one statement) goes to the
 * store, {@value #GATHER_MILLIS} ms after the first line that waits (at once when a whole batch
 * waits), so that a busy room costs a few statements a second rather than one per line. A batch
 * that fails goes back to the head of the queue and is tried again with backoff ({@value
 * #FIRST_RETRY_MILLIS} ms doubling to {@value #LAST_RETRY_MILLIS} ms), so a database that goes away
 * costs nothing while the queue holds: its lines are written, in order, when it returns. The queue
 * holds at most {@code store.writeQueueLines} lines (plus the batch being written); beyond that the
 * oldest waiting lines are dropped, counted in {@code parley_history_dropped_total} (each lost line
 * exactly once) and logged once per incident. They stay in the rooms' memory. Confined to the room
 * verticle's context: MUST be called on it; not thread-safe.
 */
public final class HistoryWriter {
  private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);

  /** The most lines written in one statement. */
  public static final int MAX_BATCH = 1000;

  /** How long lines gather before a batch is written, unless a whole batch waits already. */
  static final long GATHER_MILLIS = 100;

  static final long FIRST_RETRY_MILLIS = 250;
  static final long LAST_RETRY_MILLIS = 4000;

  private final Context context;
  private final Store store;
  private final int capacity;
  private final ParleyMetrics metrics;
  private final ArrayDeque<HistoryLine> queue = new ArrayDeque<>();
  private final List<Promise<Void>> drained = new ArrayList<>();
  private int writing;
  private long gatherTimer = -1;
  private long retryTimer = -1;
  private long retryDelay = FIRST_RETRY_MILLIS;
  private boolean failing;
  private long lostInIncident;

  /**
   * Creates the writer on the calling context, which must be the room verticle's.
   *
   * @param context the room verticle's context
   * @param store where lines go; a store that is not durable makes this writer do nothing
   * @param capacity {@code store.writeQueueLines}, at least 1
   * @param metrics where lost lines are counted
   */
  public HistoryWriter(Context context, Store store, int capacity, ParleyMetrics metrics) {
    this.context = context;
    this.store = store;
    this.capacity = capacity;
    this.metrics = metrics;
  }

  /**
   * Queues a line to be written. Returns at once.
   *
   * @param line a chat line the room ordered
   */
  public void append(HistoryLine line) {
    if (!store.durable()) {
      return;
    }
    queue.addLast(line);
    trim();
    store.health().queued(queue.size() + writing);
    if (writing == 0 && retryTimer < 0) {
      if (queue.size() >= MAX_BATCH) {
        write();
      } else {
        gather();
      }
    }
  }

  /** Writes the waiting lines in {@value #GATHER_MILLIS} ms, unless that is planned already. */
  private void gather() {
    if (gatherTimer < 0) {
      gatherTimer =
          context
              .owner()
              .setTimer(
                  GATHER_MILLIS,
                  t -> {
                    gatherTimer = -1;
                    write();
                  });
    }
  }

  /**
   * Waits until every queued line is written, for a handover.
   *
   * @param timeoutMillis how long to wait at most
   * @return completed when the queue is empty, or when the time is up (never failed)
   */
  public Future<Void> drain(long timeoutMillis) {
    if (queue.isEmpty() && writing == 0) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    drained.add(promise);
    context.owner().setTimer(timeoutMillis, t -> promise.tryComplete());
    write();
    return promise.future();
  }

  private void trim() {
    int over = queue.size() - capacity;
    if (over <= 0) {
      return;
    }
    for (int i = 0; i < over; i++) {
      queue.pollFirst();
    }
    metrics.historyDropped(over);
    if (lostInIncident == 0) {
      LOG.warn(
          "history: {} lines wait for the store (store.writeQueueLines); the oldest waiting lines"
              + " are not written to it (they stay in memory)",
          capacity);
    }
    lostInIncident += over;
  }

  private void write() {
    if (writing > 0 || retryTimer >= 0) {
      return;
    }
    if (gatherTimer >= 0) {
      context.owner().cancelTimer(gatherTimer);
      gatherTimer = -1;
    }
    if (queue.isEmpty()) {
      drained.forEach(Promise::tryComplete);
      drained.clear();
      return;
    }
    List<HistoryLine> batch = new ArrayList<>(Math.min(MAX_BATCH, queue.size()));
    while (batch.size() < MAX_BATCH && !queue.isEmpty()) {
      batch.add(queue.pollFirst());
    }
    writing = batch.size();
    store.writeHistory(batch).onComplete(ar -> written(batch, ar.succeeded() ? null : ar.cause()));
  }

  private void written(List<HistoryLine> batch, Throwable failure) {
    writing = 0;
    if (failure == null) {
      retryDelay = FIRST_RETRY_MILLIS;
      if (failing) {
        failing = false;
        LOG.info("history: writing to the store again");
      }
      if (queue.isEmpty() && lostInIncident > 0) {
        LOG.info("history: the store has caught up; {} lines were not written", lostInIncident);
        lostInIncident = 0;
      }
      store.health().queued(queue.size());
      if (queue.size() >= MAX_BATCH) {
        write();
      } else if (queue.isEmpty()) {
        drained.forEach(Promise::tryComplete);
        drained.clear();
      } else {
        gather();
      }
      return;
    }
    for (int i = batch.size() - 1; i >= 0; i--) {
      queue.addFirst(batch.get(i));
    }
    trim();
    store.health().queued(queue.size());
    if (!failing) {
      failing = true;
      LOG.warn(
          "history: cannot write to the store ({}); {} lines wait and are tried again",
          failure.getMessage(),
          queue.size());
    }
    retryTimer =
        context
            .owner()
            .setTimer(
                retryDelay,
                t -> {
                  retryTimer = -1;
                  write();
                });
    retryDelay = Math.min(LAST_RETRY_MILLIS, 2 * retryDelay);
  }
}
