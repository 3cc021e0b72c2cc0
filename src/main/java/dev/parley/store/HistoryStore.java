package dev.parley.store;

import dev.parley.room.HistoryLine;
import io.vertx.core.Future;
import java.util.List;

/**
 * Where the rooms' history lasts beyond the rooms' own memory (ARCHITECTURE.md, "history store").
 * The rooms always keep their history in memory ({@link dev.parley.room.History}), copied to every
 * node; a durable store also keeps it across restarts of every node. Every method returns at once:
 * the work runs on a worker thread, never on an event loop, and the future completes on the
 * caller's context. Failures are the store's (a database that is away); they never reach a client.
 */
public interface HistoryStore {
  /**
   * Whether lines are kept beyond the rooms' memory.
   *
   * @return false for {@link MemoryStore}, whose other methods do nothing
   */
  boolean durable();

  /**
   * The recent lines of every room.
   *
   * @param sinceMillis only lines ordered at or after this time, milliseconds since the Unix epoch
   * @param maxLinesPerRoom at most this many lines of each room, its last ones
   * @return the lines, room by room interleaved, sorted by time and then sequence number
   */
  Future<List<HistoryLine>> load(long sinceMillis, int maxLinesPerRoom);

  /**
   * The highest sequence number stored of an order.
   *
   * @param run the order's id
   * @return the sequence number, 0 when none of its lines is stored
   */
  Future<Long> lastSeq(String run);

  /**
   * Writes lines in one statement; a line already stored (same run and sequence number) is skipped.
   *
   * @param batch at most {@link HistoryWriter#MAX_BATCH} lines
   * @return completed once written, failed when the store could not write them (nothing is written)
   */
  Future<Void> write(List<HistoryLine> batch);

  /**
   * Applies retention: deletes the lines older than {@code beforeMillis} and, of each room, those
   * beyond its last {@code maxLinesPerRoom}.
   *
   * @param beforeMillis milliseconds since the Unix epoch
   * @param maxLinesPerRoom {@code history.maxLines}
   * @return completed when done
   */
  Future<Void> deleteExpired(long beforeMillis, int maxLinesPerRoom);

  /**
   * The store's health, for readiness. Thread-safe.
   *
   * @return the node's view of the store
   */
  StoreHealth health();
}
