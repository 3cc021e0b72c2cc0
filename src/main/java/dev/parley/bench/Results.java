package dev.parley.bench;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/**
 * The fields that every scenario's JSON result has. Stateless and thread-safe.
 *
 * <p>Units: seconds and milliseconds as doubles (3 decimals), counts as integers, CPU in cores.
 */
final class Results {
  private Results() {}

  /**
   * The common result fields.
   *
   * @param setup what the run was asked to do (counts, mode), placed after the scenario's name
   * @param connections the tool's connections to the server
   * @param measuredNanos the measured period as it really lasted, in nanoseconds
   * @param warmupSeconds the warm-up asked for
   * @param totals counters summed over all shards, after the run
   * @param latency measured latencies in microseconds
   * @param loss lines sent and never received, summed over receivers
   * @param cpuCores the tool's CPU use over the measured period, -1 if unknown
   */
  static JsonObject common(
      String scenario,
      JsonObject setup,
      int connections,
      long measuredNanos,
      double warmupSeconds,
      StatsSnapshot totals,
      Histogram latency,
      long loss,
      double cpuCores) {
    double seconds = measuredNanos / 1e9;
    JsonObject result = new JsonObject().put("scenario", scenario);
    setup.forEach(field -> result.put(field.getKey(), field.getValue()));
    return result
        .put("connections", connections)
        .put("durationSeconds", round(seconds))
        .put("warmupSeconds", warmupSeconds)
        .put("deliveries", totals.measuredDeliveries())
        .put("deliveriesPerSecond", round(seconds > 0 ? totals.measuredDeliveries() / seconds : 0))
        .put("p50Ms", millis(latency, 50))
        .put("p90Ms", millis(latency, 90))
        .put("p99Ms", millis(latency, 99))
        .put("p999Ms", millis(latency, 99.9))
        .put("maxMs", latency.getTotalCount() == 0 ? 0.0 : round(latency.getMaxValue() / 1000.0))
        .put("loss", loss)
        .put("duplicates", totals.duplicates())
        .put("outOfOrder", totals.outOfOrder())
        .put("gaps", totals.gaps())
        .put("errors", totals.errors())
        .put("toolCpuCores", round(cpuCores))
        .put("linesSent", totals.linesSent())
        .put("allDeliveries", totals.deliveries())
        .put("notices", totals.notices())
        .put("foreignLines", totals.foreignLines())
        .put("nameRetries", totals.nameRetries())
        .put("disconnects", totals.disconnects());
  }

  private static double millis(Histogram latency, double percentile) {
    return latency.getTotalCount() == 0
        ? 0.0
        : round(latency.getValueAtPercentile(percentile) / 1000.0);
  }

  /** {@code value} rounded to 3 decimals. */
  static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
