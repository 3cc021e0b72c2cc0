package dev.parley.store;

import dev.parley.room.HistoryLine;
import io.vertx.core.Future;
import java.util.List;

/**
 * The embedded default ({@code history.store} = {@code memory}): nothing beyond the rooms' memory
 * and its copies on every node, so history is lost when every node stops. Stateless and
 * thread-safe.
 */
public final class MemoryStore implements HistoryStore {
  private final StoreHealth health = new StoreHealth("memory");

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public Future<List<HistoryLine>> load(long sinceMillis, int maxLinesPerRoom) {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<Long> lastSeq(String run) {
    return Future.succeededFuture(0L);
  }

  @Override
  public Future<Void> write(List<HistoryLine> batch) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> deleteExpired(long beforeMillis, int maxLinesPerRoom) {
    return Future.succeededFuture();
  }

  @Override
  public StoreHealth health() {
    return health;
  }
}
