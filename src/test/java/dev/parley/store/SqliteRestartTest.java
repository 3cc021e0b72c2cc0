package dev.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.Parley;
import dev.parley.config.ParleyConfig;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * History lasts across a restart of a single node on the default store, a SQLite file, over real
 * sockets: each run of Parley has a Vert.x of its own, as a process would.
 */
class SqliteRestartTest {
  @RegisterExtension final ChatClients clients = new ChatClients();
  @TempDir Path dir;

  private ParleyConfig config() {
    // The test configuration picks the memory store; this test wants the default back.
    return TestServer.config(
        "store.kind",
        ParleyConfig.defaults().store().kind().word(),
        "store.sqlite.path",
        dir.resolve("parley.db").toString());
  }

  @Test
  void aNewClientSeesTheLinesSaidBeforeTheRestart() throws Exception {
    assertEquals(ParleyConfig.StoreKind.SQLITE, config().store().kind());
    Vertx first = Vertx.vertx();
    try {
      Parley parley = TestServer.start(first, config());
      ChatClient alice = clients.join(parley.port(), "alice");
      alice.say("before the restart").expect("alice: before the restart");
      alice.say("/join ops").expect("* now in #ops").expect("* online (1): alice");
      alice.say("ops notes").expect("alice: ops notes");
      parley.close().await(30, TimeUnit.SECONDS);
      alice.readUntil("* server is shutting down");
    } finally {
      first.close().await(30, TimeUnit.SECONDS);
    }

    Vertx second = Vertx.vertx();
    try {
      Parley parley = TestServer.start(second, config());
      ChatClient bob = clients.connect(parley.port());
      bob.expect("* welcome to parley, what is your name?");
      bob.say("bob");
      bob.expect("* you are bob").expect("* online (1): bob").expect("* history (1):");
      String line = bob.nextLine();
      assertTrue(line.matches("\\[\\d\\d:\\d\\d] alice: before the restart"), line);
      bob.say("/join ops").expect("* now in #ops").expect("* online (1): bob");
      bob.expect("* history (1):");
      assertTrue(bob.nextLine().endsWith("] alice: ops notes"));
      parley.close().await(30, TimeUnit.SECONDS);
    } finally {
      second.close().await(30, TimeUnit.SECONDS);
    }
  }
}
