package dev.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.room.HistoryLine;
import dev.parley.room.RoomPolicy;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SQL store's blocking work never runs on an event loop: its guard refuses an event loop when
 * provoked there, and every call made from an event loop does its JDBC work on the store's worker
 * thread. The database is a real SQLite file; the test only notes, around it, on which thread each
 * piece of work runs.
 */
@ExtendWith(VertxExtension.class)
class StoreThreadsTest {
  @TempDir Path dir;

  /** A real database that notes the thread of each blocking call it is given. */
  private static final class Noting implements SqlDatabase {
    private final SqlDatabase real;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Boolean> onEventLoop = new ArrayList<>();

    Noting(SqlDatabase real) {
      this.real = real;
    }

    private synchronized void note() {
      threads.add(Thread.currentThread());
      onEventLoop.add(Context.isOnEventLoopThread());
    }

    synchronized List<Thread> threads() {
      return List.copyOf(threads);
    }

    synchronized List<Boolean> onEventLoop() {
      return List.copyOf(onEventLoop);
    }

    @Override
    public String kind() {
      return real.kind();
    }

    @Override
    public void open() {
      note();
      real.open();
    }

    @Override
    public void migrate() {
      note();
      real.migrate();
    }

    @Override
    public <T> T use(SqlWork<T> work) throws Exception {
      note();
      return real.use(work);
    }

    @Override
    public void close() {
      note();
      real.close();
    }

    @Override
    public String where() {
      return real.where();
    }
  }

  @Test
  void theGuardRefusesBlockingWorkOnAnEventLoop(Vertx vertx) throws Exception {
    Promise<Throwable> refused = Promise.promise();
    vertx.runOnContext(
        v -> refused.complete(assertThrows(RuntimeException.class, () -> guard("a test"))));
    Throwable failure = refused.future().await(10, TimeUnit.SECONDS);
    assertTrue(failure instanceof IllegalStateException, failure.toString());
    assertTrue(failure.getMessage().startsWith("blocking store work (a test) on the event loop"));
    // On a worker thread it lets the work go on.
    vertx.executeBlocking(() -> guard("a test")).await(10, TimeUnit.SECONDS);
  }

  private static Void guard(String what) {
    OffEventLoop.check(what);
    return null;
  }

  @Test
  void everyCallFromAnEventLoopDoesItsWorkOnTheStoresWorker(Vertx vertx) throws Exception {
    Noting database = new Noting(new SqliteDatabase(dir.resolve("parley.db")));
    SqlStore store = new SqlStore(database);
    String deployment = vertx.deployVerticle(store).await(30, TimeUnit.SECONDS);
    HistoryLine line = new HistoryLine("#lobby", "run", 1, 1000, "alice", "hi");
    List<Supplier<Future<?>>> calls =
        List.of(
            () -> store.createAccount(Account.of("alice", "hash", 1000)),
            () -> store.account(Account.key("alice")),
            () -> store.setPassword(Account.key("alice"), "hash2"),
            () -> store.deleteAccount(Account.key("alice")),
            () -> store.saveRoomPolicy(StoreContract.dev()),
            () -> store.saveRoomPolicy(RoomPolicy.empty("#dev")),
            () -> store.roomPolicies(),
            () -> store.writeHistory(List.of(line)),
            () -> store.loadHistory(0, 10),
            () -> store.lastSeq("run"),
            () -> store.deleteExpiredHistory(0, 10));
    for (Supplier<Future<?>> call : calls) {
      Promise<Boolean> calledOnEventLoop = Promise.promise();
      vertx.runOnContext(
          v -> {
            boolean eventLoop = Context.isOnEventLoopThread();
            call.get()
                .onComplete(ar -> calledOnEventLoop.complete(eventLoop), calledOnEventLoop::fail);
          });
      assertTrue(calledOnEventLoop.future().await(30, TimeUnit.SECONDS), "called on an event loop");
    }
    vertx.undeploy(deployment).await(30, TimeUnit.SECONDS);

    List<Thread> threads = database.threads();
    // open and migrate at start, then migrate and use for each call, then close.
    assertEquals(2 + 2 * calls.size() + 1, threads.size(), threads.toString());
    assertFalse(database.onEventLoop().contains(true), "blocking work on an event loop");
    assertEquals(1, threads.stream().distinct().count(), "one worker thread: " + threads);
    assertTrue(threads.get(0).getName().startsWith("parley-store"), threads.get(0).getName());
  }
}
