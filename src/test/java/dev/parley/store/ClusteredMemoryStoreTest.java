package dev.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.parley.test.ClusterNodes;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In a clustered Vert.x the memory store's maps are the cluster's: an account or a room policy
 * saved on one node is read on another (two nodes in this JVM, over Hazelcast on 127.0.0.1).
 */
class ClusteredMemoryStoreTest {
  @Test
  void theNodesOfAClusterShareAccountsAndRoomPolicies() throws Exception {
    try (ClusterNodes cluster = ClusterNodes.start(2)) {
      MemoryStore one = new MemoryStore();
      MemoryStore two = new MemoryStore();
      cluster.node(0).vertx().deployVerticle(one).await(30, TimeUnit.SECONDS);
      cluster.node(1).vertx().deployVerticle(two).await(30, TimeUnit.SECONDS);

      Account alice = Account.of("alice", "hash", 1000);
      assertEquals(true, StoreContract.await(one.createAccount(alice)));
      assertEquals(alice, StoreContract.await(two.account(alice.key())));
      assertFalse(StoreContract.await(two.createAccount(Account.of("Alice", "other", 2000))));
      assertEquals(true, StoreContract.await(two.setPassword(alice.key(), "changed")));
      assertEquals("changed", StoreContract.await(one.account(alice.key())).passwordHash());

      StoreContract.await(two.saveRoomPolicy(StoreContract.ops()));
      assertEquals(List.of(StoreContract.ops()), StoreContract.await(one.roomPolicies()));
    }
  }
}
