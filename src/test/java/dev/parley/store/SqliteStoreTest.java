package dev.parley.store;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on a real SQLite file, a new one for each test in a temporary directory. */
class SqliteStoreTest extends StoreContract {
  @TempDir Path dir;

  @Override
  Store newStore(Vertx vertx) {
    return new SqlStore(new SqliteDatabase(dir.resolve("parley.db")));
  }

  @Override
  boolean keepsHistory() {
    return true;
  }
}
