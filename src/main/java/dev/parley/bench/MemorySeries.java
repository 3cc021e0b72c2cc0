package dev.parley.bench;

import io.vertx.core.json.JsonObject;

/**
 * Memory samples taken once a second: the first, the smallest and the largest, in bytes. Not
 * thread-safe: used only on the controller thread.
 */
final class MemorySeries {
  private long first = -1;
  private long min = Long.MAX_VALUE;
  private long max = Long.MIN_VALUE;
  private int count;

  /** Adds a sample, in bytes. */
  void add(long bytes) {
    if (count++ == 0) {
      first = bytes;
    }
    min = Math.min(min, bytes);
    max = Math.max(max, bytes);
  }

  /**
   * Puts {@code serverMemoryFirstBytes}, {@code serverMemoryMinBytes}, {@code
   * serverMemoryMaxBytes}, {@code serverMemoryGrowthBytes} (max minus first) and {@code
   * memorySamples} into {@code json}, or only {@code memorySamples} (0) if there was no sample.
   */
  void putInto(JsonObject json) {
    json.put("memorySamples", count);
    if (count > 0) {
      json.put("serverMemoryFirstBytes", first)
          .put("serverMemoryMinBytes", min)
          .put("serverMemoryMaxBytes", max)
          .put("serverMemoryGrowthBytes", max - first);
    }
  }
}
