package dev.parley.store;

import dev.parley.config.ParleyConfig;
import dev.parley.room.HistoryLine;
import dev.parley.room.RoomPolicy;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything of Parley that lasts (PROTOCOL.md section 15, ARCHITECTURE.md "store"): accounts, room
 * policies (operators, topics, bans, mutes) and the rooms' history, behind one interface. Three
 * kinds ({@code store.kind}): {@link SqlStore} over an embedded SQLite file (the default) or
 * PostgreSQL (for a cluster), and {@link MemoryStore}, where nothing outlasts every node.
 *
 * <p>Life: a store is a verticle. Deploy it once per node, before every part that uses it, and
 * undeploy it after them ({@code Parley.deploy} does both); undeploying it closes its files and
 * connections. Its methods may be called only while it is deployed.
 *
 * <p>Threads: every method returns at once and may be called from any thread, usually an event
 * loop. The work runs elsewhere: a SQL store's on a worker thread of its own (never an event loop);
 * the memory store's in Vert.x's shared data. The returned future completes on the caller's context
 * when it has one.
 *
 * <p>Failures: a future fails only for a reason of the store's: a database that is away or slow (a
 * SQL call fails after at most a few seconds when PostgreSQL cannot be reached), a full disk, a
 * broken file. Then nothing was changed, and {@link #health()} says the store is down until a call
 * succeeds again. The answers that are not failures (a name already taken, no such account) are
 * values. Arguments are never null.
 *
 * <p>Times are milliseconds since the Unix epoch throughout.
 */
public interface Store extends Deployable {
  /**
   * The store that the settings name, not yet deployed. Nothing is opened before it is.
   *
   * @param settings {@code store.*}
   * @return a {@link SqlStore} on SQLite or PostgreSQL, or a {@link MemoryStore}
   */
  static Store create(ParleyConfig.Store settings) {
    return switch (settings.kind()) {
      case SQLITE -> new SqlStore(new SqliteDatabase(Path.of(settings.sqlite().path())));
      case POSTGRES -> new SqlStore(new PostgresDatabase(settings.postgres()));
      case MEMORY -> new MemoryStore();
    };
  }

  // ------------------------------------------------------------------ what it is

  /**
   * The kind, as configured.
   *
   * @return {@code sqlite}, {@code postgres} or {@code memory}
   */
  String kind();

  /**
   * Whether history is kept beyond the rooms' memory: with false (the memory store), the history
   * methods do nothing, since the rooms keep their history themselves and copy it to every node.
   *
   * @return true for the SQL stores
   */
  boolean durable();

  /**
   * The store's health, for readiness. Thread-safe, and answered at once.
   *
   * @return the node's view of the store
   */
  StoreHealth health();

  // ------------------------------------------------------------------ history

  /**
   * The recent lines of every room.
   *
   * @param sinceMillis only lines ordered at or after this time
   * @param maxLinesPerRoom at most this many lines of each room, its last ones (1 or more)
   * @return the lines, rooms interleaved, sorted by time and then sequence number; empty for a
   *     store that is not {@linkplain #durable durable}
   */
  Future<List<HistoryLine>> loadHistory(long sinceMillis, int maxLinesPerRoom);

  /**
   * The highest sequence number stored of an order.
   *
   * @param run the order's id
   * @return the sequence number, 0 when none of its lines is stored
   */
  Future<Long> lastSeq(String run);

  /**
   * Writes lines in one statement; a line already stored (same run and sequence number) is skipped.
   *
   * @param batch at most {@link HistoryWriter#MAX_BATCH} lines
   * @return completed once written; failed when the store could not write them (then none is)
   */
  Future<Void> writeHistory(List<HistoryLine> batch);

  /**
   * Applies retention: deletes the lines ordered before {@code beforeMillis} and, of each room,
   * those beyond its last {@code maxLinesPerRoom}.
   *
   * @param beforeMillis the oldest time kept
   * @param maxLinesPerRoom {@code history.maxLines}
   * @return completed when done
   */
  Future<Void> deleteExpiredHistory(long beforeMillis, int maxLinesPerRoom);

  // ------------------------------------------------------------------ accounts

  /**
   * The account of a key.
   *
   * @param key a name's key, {@link Account#key(String)}
   * @return the account, or null when there is none
   */
  Future<Account> account(String key);

  /**
   * Makes an account, unless its key is taken.
   *
   * @param account the new account (its {@link Account#key} is the key)
   * @return true when it was made; false when an account of that key exists (nothing changed)
   */
  Future<Boolean> createAccount(Account account);

  /**
   * Replaces an account's password hash.
   *
   * @param key the account's key
   * @param passwordHash the new encoded hash (never a password in clear), or empty for none
   * @return true when it was replaced; false when there is no such account
   */
  Future<Boolean> setPassword(String key, String passwordHash);

  /**
   * Deletes an account.
   *
   * @param key the account's key
   * @return true when it was deleted; false when there was none
   */
  Future<Boolean> deleteAccount(String key);

  // ------------------------------------------------------------------ room policies

  /**
   * Every stored room's policy: one per room that has a non-empty one.
   *
   * @return the policies, in no particular order
   */
  Future<List<RoomPolicy>> roomPolicies();

  /**
   * Replaces a room's whole stored policy at once (one transaction in a SQL store): afterwards the
   * store holds exactly {@code policy} for the room ({@link RoomPolicy#key}), whatever it held
   * before. An {@linkplain RoomPolicy#isEmpty() empty} policy deletes what the store held of the
   * room.
   *
   * @param policy the room's policy as it is now
   * @return completed when saved; failed when it could not be (then the old one stays)
   */
  Future<Void> saveRoomPolicy(RoomPolicy policy);
}
