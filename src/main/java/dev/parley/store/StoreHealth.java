package dev.parley.store;

import io.vertx.core.json.JsonObject;

/**
 * What the node knows of its history store, for readiness: whether its last use succeeded, the last
 * error, and how many lines wait to be written. Written by the store's worker and by the room
 * verticle's {@link HistoryWriter}, read by the operations server: each field is volatile and
 * stands alone (no field is derived from another), so no lock is needed.
 */
public final class StoreHealth {
  private final String store;
  private volatile boolean reachable = true;
  private volatile String lastError = "";
  private volatile int queued;

  /**
   * Creates the health of a store that has not failed yet.
   *
   * @param store the store's name as configured: {@code memory} or {@code postgres}
   */
  public StoreHealth(String store) {
    this.store = store;
  }

  /** The store answered. */
  void up() {
    reachable = true;
  }

  /**
   * The store failed.
   *
   * @param error what went wrong, in one line
   */
  void down(String error) {
    reachable = false;
    lastError = error;
  }

  /**
   * How many lines wait for the store now.
   *
   * @param lines lines queued or being written
   */
  void queued(int lines) {
    queued = lines;
  }

  /**
   * The readiness check's data: {@code store}, {@code state} ({@code up} or {@code down}), {@code
   * queued}, and {@code error} when down. The chat does not depend on the store, so this never
   * makes the node unready.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("store", store)
            .put("state", reachable ? "up" : "down")
            .put("queued", queued);
    if (!reachable) {
      json.put("error", lastError);
    }
    return json;
  }
}
