package dev.parley.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parley.config.ParleyConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * PostgreSQL ({@code store.kind} = {@code postgres}, for a cluster): the official JDBC driver
 * behind a small HikariCP pool, the schema made and migrated by Flyway ({@link Migrations}).
 *
 * <p>A database that is away when the node starts does not stop the node: the pool starts empty,
 * the migration is tried again before the next use, and every call until then fails quickly
 * (getting a connection gives up after {@value #CONNECT_TIMEOUT_MILLIS} ms). Confined to the
 * store's worker thread.
 */
final class PostgresDatabase implements SqlDatabase {
  /** How long getting a connection may take before a call fails. */
  static final long CONNECT_TIMEOUT_MILLIS = 2000;

  private final ParleyConfig.Postgres settings;
  private HikariDataSource pool;
  private boolean migrated;

  /**
   * Creates the database; nothing connects before {@link #open()}.
   *
   * @param settings {@code store.postgres}
   */
  PostgresDatabase(ParleyConfig.Postgres settings) {
    this.settings = settings;
  }

  @Override
  public String kind() {
    return "postgres";
  }

  /** The URL without its query, which could carry a password. */
  @Override
  public String where() {
    int query = settings.url().indexOf('?');
    return query < 0 ? settings.url() : settings.url().substring(0, query);
  }

  /**
   * Reads the password and creates the pool, without connecting.
   *
   * @throws StoreException when the password file cannot be read
   */
  @Override
  public void open() {
    HikariConfig config = new HikariConfig();
    config.setPoolName("parley-store");
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(password());
    config.setMaximumPoolSize(2);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(CONNECT_TIMEOUT_MILLIS);
    config.setValidationTimeout(1000);
    config.setInitializationFailTimeout(-1);
    config.addDataSourceProperty("connectTimeout", "2");
    config.addDataSourceProperty("socketTimeout", "30");
    config.addDataSourceProperty("ApplicationName", "parley");
    pool = new HikariDataSource(config);
  }

  private String password() {
    if (settings.passwordFile().isEmpty()) {
      return settings.password();
    }
    try {
      return Files.readString(Path.of(settings.passwordFile())).strip();
    } catch (IOException e) {
      throw new StoreException(
          "cannot read the database password from store.postgres.passwordFile "
              + settings.passwordFile()
              + ": "
              + StoreException.oneLine(e),
          e);
    }
  }

  @Override
  public void migrate() {
    if (!migrated) {
      Migrations.migrate(pool);
      migrated = true;
    }
  }

  @Override
  public <T> T use(SqlWork<T> work) throws Exception {
    try (Connection connection = pool.getConnection()) {
      return work.run(connection);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }
}
