package dev.parley.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The account statements of the SQL stores, on the table {@code parley_accounts} (V3), in SQL that
 * PostgreSQL and SQLite both run. Blocking: on the store's worker only. Stateless.
 */
final class SqlAccounts {
  private SqlAccounts() {}

  static Account get(Connection c, String key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT name, password_hash, created_ms FROM parley_accounts WHERE account_key = ?")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? new Account(key, r.getString(1), r.getString(2), r.getLong(3)) : null;
      }
    }
  }

  /** One statement, atomic against another node creating the same key at once. */
  static boolean create(Connection c, Account account) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO parley_accounts (account_key, name, password_hash, created_ms) VALUES (?,"
                + " ?, ?, ?) ON CONFLICT (account_key) DO NOTHING")) {
      s.setString(1, account.key());
      s.setString(2, account.name());
      s.setString(3, account.passwordHash());
      s.setLong(4, account.createdMillis());
      return s.executeUpdate() == 1;
    }
  }

  static boolean setPassword(Connection c, String key, String passwordHash) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("UPDATE parley_accounts SET password_hash = ? WHERE account_key = ?")) {
      s.setString(1, passwordHash);
      s.setString(2, key);
      return s.executeUpdate() == 1;
    }
  }

  static boolean delete(Connection c, String key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM parley_accounts WHERE account_key = ?")) {
      s.setString(1, key);
      return s.executeUpdate() == 1;
    }
  }
}
