package dev.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.room.HistoryLine;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQLite file itself: made with its directories at the first start, in WAL mode, everything
 * still there after the store is closed and opened again (as at a restart), and a file that cannot
 * be the store refused with one line.
 */
@ExtendWith(VertxExtension.class)
class SqliteFileTest {
  @TempDir Path dir;

  private static SqlStore open(Vertx vertx, Path file) throws Exception {
    SqlStore store = new SqlStore(new SqliteDatabase(file));
    vertx.deployVerticle(store).await(30, TimeUnit.SECONDS);
    return store;
  }

  private static void close(Vertx vertx) throws Exception {
    for (String id : List.copyOf(vertx.deploymentIDs())) {
      vertx.undeploy(id).await(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void whatIsStoredIsThereAfterTheFileIsClosedAndOpenedAgain(Vertx vertx) throws Exception {
    Path file = dir.resolve("not/there/yet/parley.db");
    SqlStore first = open(vertx, file);
    assertTrue(Files.isRegularFile(file), "the file and its directories are made");
    Account alice = Account.of("alice", "hash", 1000);
    List<HistoryLine> lines = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      lines.add(new HistoryLine("#ops", "run", i, 1000 + i, "alice", "line " + i));
    }
    StoreContract.await(first.createAccount(alice));
    StoreContract.await(first.saveRoomPolicy(StoreContract.ops()));
    StoreContract.await(first.writeHistory(lines));
    close(vertx);

    SqlStore second = open(vertx, file);
    assertEquals(alice, StoreContract.await(second.account(alice.key())));
    assertEquals(List.of(StoreContract.ops()), StoreContract.await(second.roomPolicies()));
    assertEquals(lines, StoreContract.await(second.loadHistory(0, 100)));
    assertEquals(3L, StoreContract.await(second.lastSeq("run")));
    close(vertx);

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
        r.next();
        assertEquals("wal", r.getString(1));
      }
      List<String> versions = new ArrayList<>();
      try (ResultSet r =
          s.executeQuery(
              "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
        while (r.next()) {
          versions.add(r.getString(1));
        }
      }
      assertEquals(List.of("1", "2", "3"), versions, "migrated once, at the first start");
    }
  }

  private static String refusal(Vertx vertx, Path file) {
    Throwable failure =
        assertThrows(
            Exception.class,
            () -> vertx.deployVerticle(new SqlStore(new SqliteDatabase(file))).await());
    assertTrue(failure instanceof StoreException, failure.toString());
    assertEquals(1, failure.getMessage().lines().count(), failure.getMessage());
    return failure.getMessage();
  }

  @Test
  void aFileThatCannotBeTheStoreFailsTheStartWithOneLine(Vertx vertx) throws Exception {
    Path directory = Files.createDirectory(dir.resolve("a-directory.db"));
    assertEquals(
        "cannot open the store file " + directory + " (store.sqlite.path): it is a directory",
        refusal(vertx, directory));

    Path plainFile = Files.writeString(dir.resolve("plain"), "x");
    String underAFile = refusal(vertx, plainFile.resolve("parley.db"));
    assertTrue(
        underAFile.startsWith(
            "cannot open the store file "
                + plainFile.resolve("parley.db")
                + " (store.sqlite.path):"),
        underAFile);

    Path garbage =
        Files.writeString(dir.resolve("garbage.db"), "this is not a database ".repeat(64));
    String notADatabase = refusal(vertx, garbage);
    assertTrue(notADatabase.contains("not a database"), notADatabase);
    assertTrue(vertx.deploymentIDs().isEmpty(), "nothing stays deployed");
  }
}
