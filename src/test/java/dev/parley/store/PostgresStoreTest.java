package dev.parley.store;

import dev.parley.config.ParleyConfig;
import dev.parley.test.PostgresServer;
import io.vertx.core.Vertx;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The store contract on a real PostgreSQL server ({@link PostgresServer}, started once for the
 * class on a free port of 127.0.0.1), a new database for each test.
 */
class PostgresStoreTest extends StoreContract {
  private static PostgresServer postgres;
  private static int databases;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    postgres.close();
  }

  @Override
  Store newStore(Vertx vertx) throws Exception {
    String name = "contract_" + ++databases;
    try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
    String url = postgres.jdbcUrl().replaceAll("/parley$", "/" + name);
    return new SqlStore(
        new PostgresDatabase(new ParleyConfig.Postgres(url, postgres.user(), "", "")));
  }

  @Override
  boolean keepsHistory() {
    return true;
  }
}
