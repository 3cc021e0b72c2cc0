package dev.parley.bench;

import io.vertx.core.json.JsonObject;

/**
 * A slow member {@code kN}: joins (over a client with a small receive buffer), then stops reading
 * by pausing its socket, so that the server's queue for it fills. At the end {@link #resume()}
 * reads again, which shows whether the server has meanwhile closed the connection. The {@code ! N
 * messages were dropped…} line it then gets is expected and not counted as an error.
 *
 * <p>Not thread-safe: used only on its shard's context.
 */
final class SlowMember extends Member {
  private boolean disconnected;
  private long dropNotices;
  private long linesRead;

  /**
   * @param index the member's number N in its name {@code kN}
   */
  SlowMember(Shard shard, int index) {
    super(shard, "k" + index);
  }

  @Override
  void onJoined() {
    socket().pause();
  }

  /** Reads again, discarding what arrives. */
  void resume() {
    if (!closed()) {
      socket().resume();
    }
  }

  @Override
  void onRoomLine(byte[] bytes, int from, int to) {
    linesRead++;
    if (bytes[from] == '!') {
      dropNotices++;
    }
  }

  @Override
  void onClosed() {
    disconnected = true;
  }

  /** {@code name}, {@code disconnected}, {@code dropNotices}, {@code linesRead}. */
  JsonObject status() {
    return new JsonObject()
        .put("name", name())
        .put("disconnected", disconnected)
        .put("dropNotices", dropNotices)
        .put("linesRead", linesRead);
  }
}
