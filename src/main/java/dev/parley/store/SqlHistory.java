package dev.parley.store;

import dev.parley.room.HistoryLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The history statements of the SQL stores, on the table {@code parley_history} (V1, V2): SQL that
 * PostgreSQL and SQLite (3.25 or newer, for window functions) both run as it is. Blocking: on the
 * store's worker only. Stateless.
 */
final class SqlHistory {
  private static final String COLUMNS = "(run, seq, room, at_ms, name, text)";

  private SqlHistory() {}

  static List<HistoryLine> load(Connection c, long sinceMillis, int maxLinesPerRoom)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT room, run, seq, at_ms, name, text FROM (SELECT *, row_number() OVER"
                + " (PARTITION BY room ORDER BY at_ms DESC, seq DESC) AS n FROM parley_history"
                + " WHERE at_ms >= ?) recent WHERE n <= ? ORDER BY at_ms, seq")) {
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
  }

  static long lastSeq(Connection c, String run) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT coalesce(max(seq), 0) FROM parley_history WHERE run = ?")) {
      s.setString(1, run);
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** One statement: all of the batch or none of it; lines already stored are skipped. */
  static void write(Connection c, List<HistoryLine> batch) throws SQLException {
    StringBuilder sql = new StringBuilder("INSERT INTO parley_history ").append(COLUMNS);
    sql.append(" VALUES ");
    for (int i = 0; i < batch.size(); i++) {
      sql.append(i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");
    }
    sql.append(" ON CONFLICT (run, seq) DO NOTHING");
    try (PreparedStatement s = c.prepareStatement(sql.toString())) {
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
    }
  }

  /**
   * Deletes old lines, then each room's lines beyond its last {@code maxLinesPerRoom}. The second
   * statement names the rows by their key as a row value ({@code (run, seq) IN (SELECT ...)}),
   * which both databases accept, where PostgreSQL's {@code DELETE ... USING} is not SQLite's.
   */
  static void deleteExpired(Connection c, long beforeMillis, int maxLinesPerRoom)
      throws SQLException {
    try (PreparedStatement old = c.prepareStatement("DELETE FROM parley_history WHERE at_ms < ?");
        PreparedStatement beyond =
            c.prepareStatement(
                "DELETE FROM parley_history WHERE (run, seq) IN (SELECT run, seq FROM (SELECT"
                    + " run, seq, row_number() OVER (PARTITION BY room ORDER BY at_ms DESC, seq"
                    + " DESC) AS n FROM parley_history) ranked WHERE n > ?)")) {
      old.setLong(1, beforeMillis);
      old.executeUpdate();
      beyond.setInt(1, maxLinesPerRoom);
      beyond.executeUpdate();
    }
  }
}
