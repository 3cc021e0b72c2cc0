package dev.parley.store;

import io.vertx.core.json.JsonObject;

/**
 * What the node knows of its store, for readiness: whether its last use succeeded, the last error,
 * and how many history lines wait to be written. Written by the store's worker and by the room
 * verticles' {@link HistoryWriter}s, read by the operations server: each field is volatile and
 * stands alone (no field is derived from another), so no lock is needed.
 */
public final class StoreHealth {
  private final String kind;
  private volatile boolean reachable = true;
  private volatile String lastError = "";
  private volatile int queued;

  /**
   * Creates the health of a store that has not failed yet.
   *
   * @param kind the store's kind as configured: {@code sqlite}, {@code postgres} or {@code memory}
   */
  public StoreHealth(String kind) {
    this.kind = kind;
  }

  /** The store answered. */
  void up() {
    reachable = true;
  }

  /**
   * The store failed.
   *
   * @param error what went wrong, in one line (never a password)
   */
  void down(String error) {
    reachable = false;
    lastError = error;
  }

  /**
   * How many history lines wait for the store now.
   *
   * @param lines lines queued or being written
   */
  void queued(int lines) {
    queued = lines;
  }

  /**
   * Whether the store's last use succeeded.
   *
   * @return false while the store is away
   */
  public boolean isUp() {
    return reachable;
  }

  /**
   * The readiness check's data: {@code kind}, {@code state} ({@code up} or {@code down}), {@code
   * queued}, and {@code error} when down. The chat goes on without the store, so this never makes
   * the node unready.
   *
   * @return a new JSON object
   */
  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("kind", kind)
            .put("state", reachable ? "up" : "down")
            .put("queued", queued);
    if (!reachable) {
      json.put("error", lastError);
    }
    return json;
  }
}
