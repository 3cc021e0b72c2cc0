package dev.parley.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One piece of blocking JDBC work of a {@link SqlStore}, given a connection it must not close. Runs
 * on the store's worker thread only.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
interface SqlWork<T> {
  /**
   * Does the work.
   *
   * @param connection a connection in auto-commit mode, to use and leave open
   * @return the result
   * @throws SQLException when the database fails
   */
  T run(Connection connection) throws SQLException;

  /**
   * Runs work in one transaction: committed when it returns, rolled back when it throws; the
   * connection is in auto-commit mode again afterwards.
   *
   * @param connection the connection
   * @param work what to do
   * @param <T> what the work returns
   * @return the work's result
   * @throws SQLException when the database fails (nothing is changed then)
   */
  static <T> T inTransaction(Connection connection, SqlWork<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      try {
        connection.rollback();
      } catch (SQLException rollback) {
        e.addSuppressed(rollback);
      }
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
