package dev.parley.transport;

import dev.parley.session.Outbox;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects outboxes with lines waiting and flushes them all in one task queued behind the tasks
 * already waiting on this event loop: the more events arrive at once, the more lines go out in each
 * write. Confined to the listener's event loop ({@code context}).
 */
final class OutboxFlusher implements Outbox.Flusher {
  private final Context context;
  private final List<Outbox> toFlush = new ArrayList<>();
  private boolean flushScheduled;

  OutboxFlusher(Context context) {
    this.context = context;
  }

  @Override
  public void flushLater(Outbox outbox) {
    toFlush.add(outbox);
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flushAll());
    }
  }

  private void flushAll() {
    flushScheduled = false;
    for (int i = 0; i < toFlush.size(); i++) {
      toFlush.get(i).flush();
    }
    toFlush.clear();
  }
}
