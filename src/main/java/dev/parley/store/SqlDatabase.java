package dev.parley.store;

/**
 * The database under a {@link SqlStore}: how to open it, migrate it, lend a connection and close
 * it. Every method blocks and is called on the store's one worker thread only, never on an event
 * loop; implementations are confined to that thread.
 */
interface SqlDatabase {
  /**
   * The store's kind.
   *
   * @return {@code sqlite} or {@code postgres}
   */
  String kind();

  /**
   * Opens the database at start-up. A database that may be away (PostgreSQL) opens without reaching
   * it.
   *
   * @throws StoreException when the node cannot start with it, in one line (a file that cannot be
   *     made or opened, a password file that cannot be read)
   */
  void open();

  /**
   * Makes the schema current before a use: migrates it once, and again before the next use when
   * that failed.
   *
   * @throws RuntimeException when the database cannot be reached or migrated
   */
  void migrate();

  /**
   * Runs work with a connection.
   *
   * @param work what to do; it must not close the connection
   * @param <T> what it returns
   * @return its result
   * @throws Exception when no connection can be had or the work fails
   */
  <T> T use(SqlWork<T> work) throws Exception;

  /** Closes every connection. */
  void close();

  /**
   * Where the database is, for log lines: a file or a JDBC URL, never a password.
   *
   * @return a short description
   */
  String where();
}
