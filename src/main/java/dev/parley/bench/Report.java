package dev.parley.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints a result: a two-column table for people, then the same result as one line of JSON for
 * programs (the last line of standard output). Stateless and thread-safe; writes through the given
 * {@link Console}.
 */
final class Report {
  private static final Map<String, String> LABELS =
      Map.ofEntries(
          Map.entry("scenario", "scenario"),
          Map.entry("target", "server"),
          Map.entry("connections", "connections"),
          Map.entry("receivers", "receivers"),
          Map.entry("senders", "senders"),
          Map.entry("slow", "slow members"),
          Map.entry("mode", "send mode"),
          Map.entry("lineBytes", "line text (bytes)"),
          Map.entry("durationSeconds", "measured (s)"),
          Map.entry("warmupSeconds", "warm-up (s)"),
          Map.entry("deliveries", "deliveries (measured)"),
          Map.entry("deliveriesPerSecond", "deliveries per second"),
          Map.entry("p50Ms", "latency p50 (ms)"),
          Map.entry("p90Ms", "latency p90 (ms)"),
          Map.entry("p99Ms", "latency p99 (ms)"),
          Map.entry("p999Ms", "latency p99.9 (ms)"),
          Map.entry("maxMs", "latency max (ms)"),
          Map.entry("loss", "lines lost"),
          Map.entry("duplicates", "duplicates"),
          Map.entry("outOfOrder", "out of order"),
          Map.entry("gaps", "gaps seen"),
          Map.entry("errors", "errors (! lines)"),
          Map.entry("toolCpuCores", "tool CPU (cores)"),
          Map.entry("linesSent", "lines sent (whole run)"),
          Map.entry("allDeliveries", "deliveries (whole run)"),
          Map.entry("notices", "notices received"),
          Map.entry("foreignLines", "foreign chat lines"),
          Map.entry("nameRetries", "names retried"),
          Map.entry("disconnects", "closed by server"),
          Map.entry("connectSeconds", "connect + join (s)"),
          Map.entry("memorySource", "server memory from"),
          Map.entry("gc", "GC before samples"),
          Map.entry("serverMemoryBeforeBytes", "memory before (bytes)"),
          Map.entry("serverMemoryAfterBytes", "memory joined (bytes)"),
          Map.entry("serverMemoryEndBytes", "memory at end (bytes)"),
          Map.entry("bytesPerConnection", "bytes per connection"),
          Map.entry("memorySamples", "memory samples"),
          Map.entry("serverMemoryFirstBytes", "memory first (bytes)"),
          Map.entry("serverMemoryMinBytes", "memory min (bytes)"),
          Map.entry("serverMemoryMaxBytes", "memory max (bytes)"),
          Map.entry("serverMemoryGrowthBytes", "memory growth (bytes)"),
          Map.entry("rate", "lines/s per sender"),
          Map.entry("window", "window per sender"),
          Map.entry("connectCpuCores", "tool CPU joining (cores)"),
          Map.entry("slowMembers", "slow member"),
          Map.entry("slowDisconnected", "slow members cut off"));

  /** Fields that mean nothing for the idle scenario, left out of its table (not its JSON). */
  private static final Set<String> NOT_IDLE =
      Set.of(
          "deliveries",
          "deliveriesPerSecond",
          "p50Ms",
          "p90Ms",
          "p99Ms",
          "p999Ms",
          "maxMs",
          "loss",
          "duplicates",
          "outOfOrder",
          "gaps",
          "linesSent",
          "allDeliveries",
          "foreignLines",
          "warmupSeconds");

  private Report() {}

  /**
   * Prints {@code result}.
   *
   * @param jsonOnly print only the JSON line
   */
  static void print(Console console, JsonObject result, boolean jsonOnly) {
    if (!jsonOnly) {
      boolean idle = "idle".equals(result.getString("scenario"));
      for (Map.Entry<String, Object> field : result) {
        if (idle && NOT_IDLE.contains(field.getKey())) {
          continue;
        }
        String label = LABELS.getOrDefault(field.getKey(), field.getKey());
        Object value = field.getValue();
        if (value instanceof JsonArray rows) {
          for (Object row : rows) {
            console.report(String.format(Locale.ROOT, "%-26s %s", label, text(row)));
          }
        } else {
          console.report(String.format(Locale.ROOT, "%-26s %s", label, text(value)));
        }
      }
    }
    console.report(result.encode());
  }

  private static String text(Object value) {
    if (value instanceof Double d) {
      return String.format(Locale.ROOT, Math.abs(d) >= 1000 ? "%.0f" : "%.3f", d);
    }
    if (value instanceof JsonObject object) {
      StringBuilder text = new StringBuilder();
      for (Map.Entry<String, Object> field : object) {
        text.append(text.length() == 0 ? "" : "  ").append(field.getKey()).append(' ');
        text.append(field.getValue());
      }
      return text.toString();
    }
    return String.valueOf(value);
  }
}
