package dev.parley.store;

import dev.parley.room.HistoryLine;
import dev.parley.room.RoomPolicy;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store in a SQL database: SQLite ({@link SqliteDatabase}) or PostgreSQL ({@link
 * PostgresDatabase}), with the same schema ({@link Migrations}) and the same statements ({@link
 * SqlHistory}, {@link SqlAccounts}, {@link SqlRoomPolicies}). Every call runs, in the order made,
 * on the one thread of the store's own worker executor, never on an event loop ({@link
 * OffEventLoop} checks it), and its future completes on the caller's context.
 *
 * <p>Deploying it opens the database: a SQLite file that cannot be made or opened fails the
 * deployment (the node does not start); a PostgreSQL database that is away does not (its schema is
 * migrated before the next call instead, and calls fail until then). A call that fails marks the
 * store down in {@link #health()}, one that succeeds up again; failures are logged at debug level
 * only (the history writer and the callers say what they lost). Undeploying it closes the database
 * once the calls made before have run.
 */
final class SqlStore extends VerticleBase implements Store {
  private static final Logger LOG = LoggerFactory.getLogger(SqlStore.class);

  private final SqlDatabase database;
  private final StoreHealth health;
  private WorkerExecutor worker;

  SqlStore(SqlDatabase database) {
    this.database = database;
    this.health = new StoreHealth(database.kind());
  }

  @Override
  public Future<?> start() {
    worker = vertx.createSharedWorkerExecutor("parley-store", 1, 60, TimeUnit.SECONDS);
    return worker
        .executeBlocking(
            () -> {
              OffEventLoop.check("open");
              database.open();
              try {
                database.migrate();
                LOG.info("store ready: {} {}", database.kind(), database.where());
              } catch (RuntimeException e) {
                // PostgreSQL away: the chat starts without it; the next call tries again.
                failed("cannot migrate the store's schema in " + database.where(), e);
                LOG.warn(
                    "store: {} {} is away ({}); trying again before the next use",
                    database.kind(),
                    database.where(),
                    StoreException.oneLine(e));
              }
              return null;
            })
        .onFailure(e -> worker.close());
  }

  @Override
  public Future<?> stop() {
    return worker
        .executeBlocking(
            () -> {
              database.close();
              return null;
            })
        .eventually(() -> worker.close());
  }

  private void failed(String what, Exception e) {
    String error = StoreException.oneLine(e);
    health.down(error);
    LOG.debug("{}: {}", what, error);
  }

  /** Runs a call on the worker, migrating first if that has not succeeded yet. */
  private <T> Future<T> blocking(String what, SqlWork<T> work) {
    return worker.executeBlocking(
        () -> {
          OffEventLoop.check(what);
          try {
            database.migrate();
            T result = database.use(work);
            health.up();
            return result;
          } catch (Exception e) {
            failed("store call failed: " + what, e);
            throw e;
          }
        });
  }

  @Override
  public String kind() {
    return database.kind();
  }

  @Override
  public boolean durable() {
    return true;
  }

  @Override
  public StoreHealth health() {
    return health;
  }

  @Override
  public Future<List<HistoryLine>> loadHistory(long sinceMillis, int maxLinesPerRoom) {
    return blocking("load history", c -> SqlHistory.load(c, sinceMillis, maxLinesPerRoom));
  }

  @Override
  public Future<Long> lastSeq(String run) {
    return blocking("last sequence number", c -> SqlHistory.lastSeq(c, run));
  }

  @Override
  public Future<Void> writeHistory(List<HistoryLine> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    List<HistoryLine> lines = List.copyOf(batch);
    return blocking(
        "write history",
        c -> {
          SqlHistory.write(c, lines);
          return null;
        });
  }

  @Override
  public Future<Void> deleteExpiredHistory(long beforeMillis, int maxLinesPerRoom) {
    return blocking(
        "delete expired history",
        c -> {
          SqlHistory.deleteExpired(c, beforeMillis, maxLinesPerRoom);
          return null;
        });
  }

  @Override
  public Future<Account> account(String key) {
    return blocking("read an account", c -> SqlAccounts.get(c, key));
  }

  @Override
  public Future<Boolean> createAccount(Account account) {
    return blocking("create an account", c -> SqlAccounts.create(c, account));
  }

  @Override
  public Future<Boolean> setPassword(String key, String passwordHash) {
    return blocking("set a password", c -> SqlAccounts.setPassword(c, key, passwordHash));
  }

  @Override
  public Future<Boolean> deleteAccount(String key) {
    return blocking("delete an account", c -> SqlAccounts.delete(c, key));
  }

  @Override
  public Future<List<RoomPolicy>> roomPolicies() {
    return blocking("read room policies", SqlRoomPolicies::all);
  }

  @Override
  public Future<Void> saveRoomPolicy(RoomPolicy policy) {
    return blocking(
        "save a room policy",
        c -> {
          SqlRoomPolicies.save(c, policy);
          return null;
        });
  }
}
