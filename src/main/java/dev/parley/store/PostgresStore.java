package dev.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.config.ParleyConfig;
import dev.parley.room.HistoryLine;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable history in PostgreSQL ({@code history.store} = {@code postgres}): the official JDBC
 * driver behind a small HikariCP pool, every call on one worker thread of its own (never an event
 * loop), the schema created and migrated by Flyway (scripts in {@code dev/parley/store/db}).
 *
 * <p>A database that is away when the node starts does not stop the node: the pool starts empty,
 * the migration is tried again before the next use, and every call until then fails quickly (after
 * {@value #CONNECT_TIMEOUT_MILLIS} ms). Deploy it before the rooms; undeploying it closes the pool.
 */
public final class PostgresStore extends VerticleBase implements HistoryStore {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);

  /** How long getting a connection may take before a call fails. */
  static final long CONNECT_TIMEOUT_MILLIS = 2000;

  private static final String COLUMNS = "(run, seq, room, at_ms, name, text)";

  private final ParleyConfig.Postgres settings;
  private final StoreHealth health = new StoreHealth("postgres");
  private WorkerExecutor worker;
  private HikariDataSource pool;
  private boolean migrated;

  /**
   * Creates the store; nothing connects before it is deployed.
   *
   * @param settings {@code history.postgres}
   */
  public PostgresStore(ParleyConfig.Postgres settings) {
    this.settings = settings;
  }

  @Override
  public Future<?> start() {
    worker = vertx.createSharedWorkerExecutor("parley-history", 1, 60, TimeUnit.SECONDS);
    return worker.executeBlocking(
        () -> {
          pool = new HikariDataSource(poolConfig());
          try {
            migrate();
          } catch (RuntimeException e) {
            // The chat starts without the database; the next use tries again.
            failed("cannot migrate the history schema", e);
          }
          return null;
        });
  }

  @Override
  public Future<?> stop() {
    return worker
        .executeBlocking(
            () -> {
              pool.close();
              return null;
            })
        .eventually(() -> worker.close());
  }

  private HikariConfig poolConfig() throws IOException {
    HikariConfig config = new HikariConfig();
    config.setPoolName("parley-history");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(
        settings.passwordFile().isEmpty()
            ? settings.password()
            : Files.readString(Path.of(settings.passwordFile())).strip());
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
    config.setValidationTimeout(1000);
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("connectTimeout", "2");
    config.addDataSourceProperty("socketTimeout", "30");
    config.addDataSourceProperty("ApplicationName", "parley");
    return config;
  }

  /** Creates or migrates the schema. Blocking: on the worker only. */
  private void migrate() {
    Flyway.configure().dataSource(pool).locations("classpath:dev/parley/store/db").load().migrate();
    migrated = true;
    health.up();
    LOG.info("history schema ready in {}", settings.url());
  }

  private void failed(String what, Exception e) {
    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    health.down(error.lines().findFirst().orElse(error));
    LOG.debug("{}: {}", what, error);
  }

  /** Runs a database call on the worker, migrating first if that has not succeeded yet. */
  private <T> Future<T> blocking(Callable<T> call) {
    return worker.executeBlocking(
        () -> {
          try {
            if (!migrated) {
              migrate();
            }
            T result = call.call();
            health.up();
            return result;
          } catch (Exception e) {
            failed("history store call failed", e);
            throw e;
          }
        });
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
  public Future<List<HistoryLine>> load(long sinceMillis, int maxLinesPerRoom) {
    return blocking(
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT room, run, seq, at_ms, name, text FROM (SELECT *, row_number() OVER"
                          + " (PARTITION BY room ORDER BY at_ms DESC, seq DESC) AS n FROM"
                          + " parley_history WHERE at_ms >= ?) recent WHERE n <= ? ORDER BY"
                          + " at_ms, seq")) {
            s.setLong(1, sinceMillis);
            s.setInt(2, maxLinesPerRoom);
            List<HistoryLine> lines = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
              while (r.next()) {
                lines.add(
                    new HistoryLine(
                        r.getString(1),
                        r.getString(2),
                        r.getLong(3),
                        r.getLong(4),
                        r.getString(5),
                        r.getString(6)));
              }
            }
            return lines;
          }
        });
  }

  @Override
  public Future<Long> lastSeq(String run) {
    return blocking(
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement s =
                  c.prepareStatement(
                      "SELECT coalesce(max(seq), 0) FROM parley_history WHERE run = ?")) {
            s.setString(1, run);
            try (ResultSet r = s.executeQuery()) {
              r.next();
              return r.getLong(1);
            }
          }
        });
  }

  @Override
  public Future<Void> write(List<HistoryLine> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    StringBuilder sql = new StringBuilder("INSERT INTO parley_history ").append(COLUMNS);
    sql.append(" VALUES ");
    for (int i = 0; i < batch.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
    }
    sql.append(" ON CONFLICT (run, seq) DO NOTHING");
    return blocking(
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement s = c.prepareStatement(sql.toString())) {
            int p = 1;
            for (HistoryLine line : batch) {
              s.setString(p++, line.run());
              s.setLong(p++, line.seq());
              s.setString(p++, line.room());
              s.setLong(p++, line.time());
              s.setString(p++, line.name());
              s.setString(p++, line.text());
            }
            s.executeUpdate();
            return null;
          }
        });
  }

  @Override
  public Future<Void> deleteExpired(long beforeMillis, int maxLinesPerRoom) {
    return blocking(
        () -> {
          try (Connection c = pool.getConnection();
              PreparedStatement old =
                  c.prepareStatement("DELETE FROM parley_history WHERE at_ms < ?");
              PreparedStatement beyond =
                  c.prepareStatement(
                      "DELETE FROM parley_history h USING (SELECT run, seq FROM (SELECT run, seq,"
                          + " row_number() OVER (PARTITION BY room ORDER BY at_ms DESC, seq DESC)"
                          + " AS n FROM parley_history) ranked WHERE n > ?) extra WHERE h.run ="
                          + " extra.run AND h.seq = extra.seq")) {
            old.setLong(1, beforeMillis);
            old.executeUpdate();
            beyond.setInt(1, maxLinesPerRoom);
            beyond.executeUpdate();
            return null;
          }
        });
  }
}
