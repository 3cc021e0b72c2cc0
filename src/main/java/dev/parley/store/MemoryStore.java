package dev.parley.store;

import dev.parley.room.HistoryLine;
import dev.parley.room.RoomPolicy;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The store where nothing outlasts a restart of every node ({@code store.kind} = {@code memory}):
 * for tests and for a throwaway cluster. Accounts and room policies live in Vert.x shared maps,
 * {@value #ACCOUNTS} and {@value #ROOMS}, which are this node's own on a single node and the
 * cluster's (in Hazelcast) in a clustered Vert.x, so that a cluster on the memory store shares
 * accounts. History is not {@linkplain #durable durable}: the rooms keep it in memory, copied to
 * every node, and the history methods do nothing. Never fails on a single node; in a cluster a call
 * fails only when the cluster's maps do. Holds no state of its own but the two maps, opened when it
 * is deployed; every call is non-blocking and completes on the caller's context.
 */
public final class MemoryStore extends VerticleBase implements Store {
  /** The shared map of accounts: key to the account as JSON. */
  static final String ACCOUNTS = "parley.store.accounts";

  /** The shared map of room policies: room key to the policy as JSON. */
  static final String ROOMS = "parley.store.rooms";

  /** How often {@link #setPassword} tries again when another node changed the account meanwhile. */
  private static final int REPLACE_TRIES = 10;

  private final StoreHealth health = new StoreHealth("memory");
  private AsyncMap<String, String> accounts;
  private AsyncMap<String, String> rooms;

  /** Creates the store; its maps are opened when it is deployed. */
  public MemoryStore() {}

  @Override
  public Future<?> start() {
    Future<AsyncMap<String, String>> a = vertx.sharedData().getAsyncMap(ACCOUNTS);
    Future<AsyncMap<String, String>> r = vertx.sharedData().getAsyncMap(ROOMS);
    return Future.all(a, r)
        .onSuccess(
            v -> {
              accounts = a.result();
              rooms = r.result();
            });
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public boolean durable() {
    return false;
  }

  @Override
  public StoreHealth health() {
    return health;
  }

  @Override
  public Future<List<HistoryLine>> loadHistory(long sinceMillis, int maxLinesPerRoom) {
    return Future.succeededFuture(List.of());
  }

  @Override
  public Future<Long> lastSeq(String run) {
    return Future.succeededFuture(0L);
  }

  @Override
  public Future<Void> writeHistory(List<HistoryLine> batch) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> deleteExpiredHistory(long beforeMillis, int maxLinesPerRoom) {
    return Future.succeededFuture();
  }

  @Override
  public Future<Account> account(String key) {
    return accounts.get(key).map(json -> json == null ? null : JsonForms.account(json));
  }

  @Override
  public Future<Boolean> createAccount(Account account) {
    return accounts.putIfAbsent(account.key(), JsonForms.account(account)).map(old -> old == null);
  }

  @Override
  public Future<Boolean> setPassword(String key, String passwordHash) {
    return replacePassword(key, passwordHash, REPLACE_TRIES);
  }

  /** Reads the account and replaces it if it is unchanged meanwhile, else tries again. */
  private Future<Boolean> replacePassword(String key, String passwordHash, int tries) {
    return accounts
        .get(key)
        .compose(
            json -> {
              if (json == null) {
                return Future.succeededFuture(false);
              }
              Account old = JsonForms.account(json);
              String changed =
                  JsonForms.account(
                      new Account(old.key(), old.name(), passwordHash, old.createdMillis()));
              return accounts
                  .replaceIfPresent(key, json, changed)
                  .compose(
                      replaced -> {
                        if (replaced) {
                          return Future.succeededFuture(true);
                        }
                        if (tries <= 1) {
                          return Future.failedFuture(
                              new IllegalStateException(
                                  "the account changed " + REPLACE_TRIES + " times meanwhile"));
                        }
                        return replacePassword(key, passwordHash, tries - 1);
                      });
            });
  }

  @Override
  public Future<Boolean> deleteAccount(String key) {
    return accounts.remove(key).map(old -> old != null);
  }

  @Override
  public Future<List<RoomPolicy>> roomPolicies() {
    return rooms
        .entries()
        .map(
            (Map<String, String> entries) -> {
              List<RoomPolicy> policies = new ArrayList<>(entries.size());
              for (String json : entries.values()) {
                policies.add(JsonForms.policy(json));
              }
              return policies;
            });
  }

  @Override
  public Future<Void> saveRoomPolicy(RoomPolicy policy) {
    String key = RoomPolicy.key(policy.room());
    return policy.isEmpty()
        ? rooms.remove(key).mapEmpty()
        : rooms.put(key, JsonForms.policy(policy));
  }
}
