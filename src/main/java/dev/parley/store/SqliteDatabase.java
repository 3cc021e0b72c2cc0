package dev.parley.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded default ({@code store.kind} = {@code sqlite}): one SQLite file, {@code
 * store.sqlite.path}, made with its parent directories at the first start. SQLite has one writer,
 * so the store keeps one connection, used by its one worker thread only; the file is in WAL mode
 * (readers of other processes, such as the {@code sqlite3} shell, do not block it) with {@code
 * synchronous = NORMAL} (a crash of the process loses nothing; a power cut may lose the last
 * transactions, never the file), foreign keys enforced, and a busy timeout of {@value
 * #BUSY_TIMEOUT_MILLIS} ms for another process that holds the write lock. Confined to the store's
 * worker thread.
 */
final class SqliteDatabase implements SqlDatabase {
  /** How long a statement waits for another process's write lock before it fails. */
  static final int BUSY_TIMEOUT_MILLIS = 5000;

  private final Path file;
  private Connection connection;

  /**
   * Creates the database; nothing is opened before {@link #open()}.
   *
   * @param file {@code store.sqlite.path}, relative to the working directory or absolute
   */
  SqliteDatabase(Path file) {
    this.file = file.toAbsolutePath().normalize();
  }

  @Override
  public String kind() {
    return "sqlite";
  }

  @Override
  public String where() {
    return file.toString();
  }

  /**
   * Makes the file and its directories if needed, migrates the schema and opens the connection.
   *
   * @throws StoreException when the file cannot be made, opened or migrated: the node does not
   *     start
   */
  @Override
  public void open() {
    try {
      Path parent = file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (Files.isDirectory(file)) {
        throw new IOException("it is a directory");
      }
      SQLiteDataSource source = dataSource();
      Migrations.migrate(source);
      connection = source.getConnection();
    } catch (IOException | SQLException | RuntimeException e) {
      close();
      throw new StoreException(
          "cannot open the store file "
              + file
              + " (store.sqlite.path): "
              + StoreException.oneLine(rootCause(e)),
          e);
    }
  }

  private SQLiteDataSource dataSource() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    SQLiteDataSource source = new SQLiteDataSource(config);
    source.setUrl("jdbc:sqlite:" + file);
    return source;
  }

  private static Throwable rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  /** Nothing to do: {@link #open()} migrated the file, or the node did not start. */
  @Override
  public void migrate() {}

  @Override
  public <T> T use(SqlWork<T> work) throws SQLException {
    if (connection == null) {
      throw new SQLException("the store file " + file + " is closed");
    }
    return work.run(connection);
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing anyway
      }
      connection = null;
    }
  }
}
