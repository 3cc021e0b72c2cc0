package dev.parley.store;

import io.vertx.core.Vertx;

/** The store contract on the memory store: Vert.x's shared maps of a single node. */
class MemoryStoreTest extends StoreContract {
  @Override
  Store newStore(Vertx vertx) {
    return new MemoryStore();
  }

  @Override
  boolean keepsHistory() {
    return false;
  }
}
