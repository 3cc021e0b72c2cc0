package dev.parley.store;

import dev.parley.room.Ban;
import dev.parley.room.Mute;
import dev.parley.room.RoomPolicy;
import dev.parley.room.Topic;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The room-policy statements of the SQL stores (V3): a row of {@code parley_rooms} per room with a
 * policy (its name and topic), and its operators, bans and mutes in {@code parley_room_operators},
 * {@code parley_room_bans} and {@code parley_room_mutes}, each row with its place in the policy's
 * list ({@code ord}). SQL that PostgreSQL and SQLite both run. Blocking: on the store's worker
 * only. Stateless.
 */
final class SqlRoomPolicies {
  /** The tables of a room's policy, children first (the order of deletion). */
  private static final List<String> TABLES =
      List.of("parley_room_operators", "parley_room_bans", "parley_room_mutes", "parley_rooms");

  private SqlRoomPolicies() {}

  /** What one room's rows add up to while they are read. */
  private static final class Parts {
    final String room;
    final Topic topic;
    final List<String> operators = new ArrayList<>();
    final List<Ban> bans = new ArrayList<>();
    final List<Mute> mutes = new ArrayList<>();

    Parts(String room, Topic topic) {
      this.room = room;
      this.topic = topic;
    }

    RoomPolicy policy() {
      return new RoomPolicy(room, operators, topic, bans, mutes);
    }
  }

  static List<RoomPolicy> all(Connection c) throws SQLException {
    Map<String, Parts> rooms = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet r =
          s.executeQuery("SELECT room_key, room, topic, topic_by, topic_at_ms FROM parley_rooms")) {
        while (r.next()) {
          String text = r.getString(3);
          Topic topic = text == null ? null : new Topic(text, r.getString(4), r.getLong(5));
          rooms.put(r.getString(1), new Parts(r.getString(2), topic));
        }
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT room_key, account FROM parley_room_operators ORDER BY room_key, ord")) {
        while (r.next()) {
          Parts room = rooms.get(r.getString(1));
          if (room != null) {
            room.operators.add(r.getString(2));
          }
        }
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT room_key, target, kind, by_name, at_ms, until_ms, why FROM parley_room_bans"
                  + " ORDER BY room_key, ord")) {
        while (r.next()) {
          Parts room = rooms.get(r.getString(1));
          if (room != null) {
            room.bans.add(
                new Ban(
                    r.getString(2),
                    Ban.Kind.of(r.getString(3)),
                    r.getString(4),
                    r.getLong(5),
                    r.getLong(6),
                    r.getString(7)));
          }
        }
      }
      try (ResultSet r =
          s.executeQuery(
              "SELECT room_key, member, by_name, until_ms FROM parley_room_mutes ORDER BY"
                  + " room_key, ord")) {
        while (r.next()) {
          Parts room = rooms.get(r.getString(1));
          if (room != null) {
            room.mutes.add(new Mute(r.getString(2), r.getString(3), r.getLong(4)));
          }
        }
      }
    }
    List<RoomPolicy> policies = new ArrayList<>(rooms.size());
    for (Parts room : rooms.values()) {
      policies.add(room.policy());
    }
    return policies;
  }

  /** Replaces the room's rows with the policy's, in one transaction. */
  static void save(Connection c, RoomPolicy policy) throws SQLException {
    String key = RoomPolicy.key(policy.room());
    SqlWork.inTransaction(
        c,
        tx -> {
          for (String table : TABLES) {
            try (PreparedStatement s =
                tx.prepareStatement("DELETE FROM " + table + " WHERE room_key = ?")) {
              s.setString(1, key);
              s.executeUpdate();
            }
          }
          if (!policy.isEmpty()) {
            insert(tx, key, policy);
          }
          return null;
        });
  }

  /** Runs a batch of {@code rows} rows, none when it is empty (not every driver takes that). */
  private static void executeBatch(PreparedStatement s, int rows) throws SQLException {
    if (rows > 0) {
      s.executeBatch();
    }
  }

  private static void insert(Connection c, String key, RoomPolicy policy) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO parley_rooms (room_key, room, topic, topic_by, topic_at_ms) VALUES (?, ?,"
                + " ?, ?, ?)")) {
      s.setString(1, key);
      s.setString(2, policy.room());
      Topic topic = policy.topic();
      if (topic == null) {
        s.setNull(3, Types.VARCHAR);
        s.setNull(4, Types.VARCHAR);
        s.setNull(5, Types.BIGINT);
      } else {
        s.setString(3, topic.text());
        s.setString(4, topic.by());
        s.setLong(5, topic.atMillis());
      }
      s.executeUpdate();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO parley_room_operators (room_key, ord, account_key, account) VALUES (?, ?,"
                + " ?, ?)")) {
      int ord = 0;
      for (String operator : policy.operators()) {
        s.setString(1, key);
        s.setInt(2, ord++);
        s.setString(3, RoomPolicy.operatorKey(operator));
        s.setString(4, operator);
        s.addBatch();
      }
      executeBatch(s, ord);
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO parley_room_bans (room_key, ord, ban_key, target, kind, by_name, at_ms,"
                + " until_ms, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int ord = 0;
      for (Ban ban : policy.bans()) {
        s.setString(1, key);
        s.setInt(2, ord++);
        s.setString(3, Ban.key(ban.kind(), ban.target()));
        s.setString(4, ban.target());
        s.setString(5, ban.kind().word());
        s.setString(6, ban.by());
        s.setLong(7, ban.atMillis());
        s.setLong(8, ban.untilMillis());
        s.setString(9, ban.why());
        s.addBatch();
      }
      executeBatch(s, ord);
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO parley_room_mutes (room_key, ord, member_key, member, by_name, until_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?)")) {
      int ord = 0;
      for (Mute mute : policy.mutes()) {
        s.setString(1, key);
        s.setInt(2, ord++);
        s.setString(3, Mute.key(mute.target()));
        s.setString(4, mute.target());
        s.setString(5, mute.by());
        s.setLong(6, mute.untilMillis());
        s.addBatch();
      }
      executeBatch(s, ord);
    }
  }
}
