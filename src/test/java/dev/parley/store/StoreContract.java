package dev.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.room.Ban;
import dev.parley.room.HistoryLine;
import dev.parley.room.Mute;
import dev.parley.room.RoomPolicy;
import dev.parley.room.Topic;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every kind of {@link Store} does, the same for each: accounts, room policies and history,
 * through the interface only. A subclass gives a fresh, real store of its kind for each test
 * ({@link SqliteStoreTest}, {@link PostgresStoreTest}, {@link MemoryStoreTest}).
 */
@ExtendWith(VertxExtension.class)
abstract class StoreContract {
  private static final long NOW = 1_780_000_000_000L;

  /** A new store of the kind under test, not deployed, that holds nothing yet. */
  abstract Store newStore(Vertx vertx) throws Exception;

  private Vertx vertx;
  Store store;

  @BeforeEach
  void deploy(Vertx vertx) throws Exception {
    this.vertx = vertx;
    store = newStore(vertx);
    vertx.deployVerticle(store).await(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void undeploy() throws Exception {
    vertx.undeploy(vertx.deploymentIDs().iterator().next()).await(30, TimeUnit.SECONDS);
  }

  /** Waits for a store call. */
  static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the store did not answer within 30 s", e);
    }
  }

  // ------------------------------------------------------------------ accounts

  @Test
  void anAccountIsMadeOnceReadChangedAndDeleted() {
    Account alice = Account.of("Alice", "$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA", NOW);
    assertNull(await(store.account(alice.key())), "no account yet");
    assertTrue(await(store.createAccount(alice)));
    assertEquals(alice, await(store.account(Account.key("alice"))), "found by any spelling's key");

    // The key is taken, whatever the spelling: nothing changes.
    Account other = Account.of("ａｌｉｃｅ", "another hash", NOW + 1);
    assertEquals(alice.key(), other.key());
    assertFalse(await(store.createAccount(other)));
    assertEquals(alice, await(store.account(alice.key())));

    assertTrue(await(store.setPassword(alice.key(), "a new hash")));
    Account changed = await(store.account(alice.key()));
    assertEquals("a new hash", changed.passwordHash());
    assertEquals("Alice", changed.name());
    assertEquals(NOW, changed.createdMillis());
    assertFalse(await(store.setPassword(Account.key("nobody"), "hash")), "no such account");

    assertTrue(await(store.deleteAccount(alice.key())));
    assertNull(await(store.account(alice.key())));
    assertFalse(await(store.deleteAccount(alice.key())), "deleted already");
    assertTrue(await(store.createAccount(other)), "the key is free again");
  }

  @Test
  void anAccountFromATokenHasNoPassword() {
    Account bot = Account.of("helper", "", NOW);
    assertTrue(await(store.createAccount(bot)));
    Account read = await(store.account(Account.key("helper")));
    assertEquals(bot, read);
    assertFalse(read.hasPassword());
    assertFalse(read.toString().contains("hash"), "no hash in " + read);
  }

  @Test
  void accountsOfManyNamesAreKeptApart() {
    List<String> names = List.of("bob", "carol", "dave", "eve", "еvan");
    for (String name : names) {
      assertTrue(await(store.createAccount(Account.of(name, "h-" + name, NOW))), name);
    }
    // еvan (Cyrillic е) looks like evan: one account.
    assertFalse(await(store.createAccount(Account.of("evan", "h", NOW))));
    for (String name : names) {
      assertEquals("h-" + name, await(store.account(Account.key(name))).passwordHash(), name);
    }
  }

  // ------------------------------------------------------------------ room policies

  static RoomPolicy ops() {
    return new RoomPolicy(
        "#Ops",
        List.of("alice", "bob"),
        new Topic("deploys at noon", "alice", NOW),
        List.of(
            new Ban("mallory", Ban.Kind.ACCOUNT, "alice", NOW, 0, "spam"),
            new Ban("203.0.113.7", Ban.Kind.ADDRESS, "bob", NOW + 1, NOW + 60_000, ""),
            new Ban("2001:db8::/48", Ban.Kind.CIDR, "alice", NOW + 2, 0, "a whole network")),
        List.of(new Mute("trudy", "alice", NOW + 600_000), new Mute("oscar", "bob", 0)));
  }

  static RoomPolicy dev() {
    return new RoomPolicy("#dev", List.of("carol"), null, List.of(), List.of());
  }

  private List<RoomPolicy> policies() {
    List<RoomPolicy> all = new ArrayList<>(await(store.roomPolicies()));
    all.sort(Comparator.comparing(RoomPolicy::room));
    return all;
  }

  @Test
  void policiesAreSavedWholeAndLoadedAsSaved() {
    assertEquals(List.of(), policies());
    await(store.saveRoomPolicy(ops()));
    await(store.saveRoomPolicy(dev()));
    assertEquals(List.of(ops(), dev()), policies(), "every list in its order, the topic kept");
  }

  @Test
  void aSavedPolicyReplacesTheRoomsWholePolicy() {
    await(store.saveRoomPolicy(ops()));
    await(store.saveRoomPolicy(dev()));
    // The same room, spelled otherwise: fewer operators, no topic, one ban, no mutes.
    RoomPolicy replaced =
        new RoomPolicy(
            "#OPS",
            List.of("bob"),
            null,
            List.of(new Ban("mallory", Ban.Kind.ACCOUNT, "bob", NOW + 5, NOW + 10, "again")),
            List.of());
    await(store.saveRoomPolicy(replaced));
    assertEquals(List.of(replaced, dev()), policies());

    // And back to more of everything, in another order.
    RoomPolicy more =
        new RoomPolicy(
            "#ops",
            List.of("dave", "alice"),
            new Topic("new topic", "dave", NOW + 20),
            List.of(),
            List.of(new Mute("oscar", "dave", 0)));
    await(store.saveRoomPolicy(more));
    assertEquals(List.of(dev(), more), policies());
  }

  @Test
  void anEmptyPolicyDeletesTheRoom() {
    await(store.saveRoomPolicy(ops()));
    await(store.saveRoomPolicy(dev()));
    await(store.saveRoomPolicy(RoomPolicy.empty("#ops")));
    assertEquals(List.of(dev()), policies());
    await(store.saveRoomPolicy(RoomPolicy.empty("#never-had-one")));
    await(store.saveRoomPolicy(RoomPolicy.empty("#dev")));
    assertEquals(List.of(), policies());
    // A topic alone is a policy.
    RoomPolicy topicOnly =
        new RoomPolicy("#news", List.of(), new Topic("t", "op", NOW), List.of(), List.of());
    await(store.saveRoomPolicy(topicOnly));
    assertEquals(List.of(topicOnly), policies());
  }

  // ------------------------------------------------------------------ history

  /** Whether this kind keeps history: the memory store leaves it to the rooms. */
  abstract boolean keepsHistory();

  private static HistoryLine line(String room, String run, long seq, long time) {
    return new HistoryLine(room, run, seq, time, "alice", room + " " + run + "/" + seq);
  }

  private List<String> loaded(long since, int perRoom) {
    return await(store.loadHistory(since, perRoom)).stream().map(HistoryLine::text).toList();
  }

  @Test
  void historyIsWrittenOnceLoadedPerRoomAndExpired() {
    assertEquals(keepsHistory(), store.durable());
    List<HistoryLine> lines = new ArrayList<>();
    lines.add(line("#ops", "r1", 1, NOW - 100_000));
    for (int i = 2; i <= 5; i++) {
      lines.add(line("#lobby", "r1", i, NOW - 10_000 + i));
    }
    lines.add(line("#ops", "r1", 6, NOW));
    lines.add(line("#lobby", "r2", 1, NOW + 1));
    await(store.writeHistory(lines));
    // Lines written again (a new host writing what the old one may have written) are skipped.
    await(store.writeHistory(lines.subList(3, 7)));
    await(store.writeHistory(List.of()));

    if (!keepsHistory()) {
      assertEquals(List.of(), loaded(0, 1000));
      assertEquals(0L, await(store.lastSeq("r1")));
      await(store.deleteExpiredHistory(NOW, 1));
      return;
    }
    assertEquals(
        List.of(
            "#ops r1/1",
            "#lobby r1/2",
            "#lobby r1/3",
            "#lobby r1/4",
            "#lobby r1/5",
            "#ops r1/6",
            "#lobby r2/1"),
        loaded(0, 1000),
        "each line once, by time");
    assertEquals(
        List.of("#lobby r1/5", "#ops r1/6", "#lobby r2/1"),
        loaded(NOW - 20_000, 2),
        "the last two of each room since then");
    assertEquals(List.of("#ops r1/6", "#lobby r2/1"), loaded(NOW - 20_000, 1), "one per room");
    assertEquals(6L, await(store.lastSeq("r1")));
    assertEquals(1L, await(store.lastSeq("r2")));
    assertEquals(0L, await(store.lastSeq("never")));

    await(store.deleteExpiredHistory(NOW - 50_000, 2));
    assertEquals(List.of("#lobby r1/5", "#ops r1/6", "#lobby r2/1"), loaded(0, 1000));
    assertEquals(6L, await(store.lastSeq("r1")));
  }

  @Test
  void aBatchOfAThousandLinesIsOneWrite() {
    List<HistoryLine> batch = new ArrayList<>();
    for (int i = 1; i <= HistoryWriter.MAX_BATCH; i++) {
      batch.add(line("#lobby", "big", i, NOW + i));
    }
    await(store.writeHistory(batch));
    assertEquals(keepsHistory() ? HistoryWriter.MAX_BATCH : 0L, await(store.lastSeq("big")));
    assertEquals(keepsHistory() ? 10 : 0, loaded(0, 10).size());
  }

  // ------------------------------------------------------------------ threads

  @Test
  void everyCallCompletesOnTheCallersContext() throws Exception {
    Context context = vertx.getOrCreateContext();
    List<Supplier<Future<?>>> calls =
        List.of(
            () -> store.account(Account.key("zed")),
            () -> store.createAccount(Account.of("zed", "h", NOW)),
            () -> store.setPassword(Account.key("zed"), "h2"),
            () -> store.deleteAccount(Account.key("zed")),
            () -> store.saveRoomPolicy(dev()),
            () -> store.roomPolicies(),
            () -> store.writeHistory(List.of(line("#lobby", "ctx", 1, NOW))),
            () -> store.loadHistory(0, 10),
            () -> store.lastSeq("ctx"),
            () -> store.deleteExpiredHistory(0, 10));
    for (Supplier<Future<?>> call : calls) {
      Promise<Context> completedOn = Promise.promise();
      context.runOnContext(
          v ->
              call.get()
                  .onComplete(
                      ar -> {
                        if (ar.failed()) {
                          completedOn.fail(ar.cause());
                        } else {
                          completedOn.complete(Vertx.currentContext());
                        }
                      }));
      assertSame(context, completedOn.future().await(30, TimeUnit.SECONDS));
    }
    assertTrue(store.health().isUp());
    assertEquals(store.kind(), store.health().toJson().getString("kind"));
  }
}
