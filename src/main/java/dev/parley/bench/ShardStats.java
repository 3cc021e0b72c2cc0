package dev.parley.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The counters and the latency histogram of one {@link Shard}: every connection on the shard's
 * event loop adds to them, so they need no synchronisation. The controller reads them only through
 * {@link #snapshot()} and {@link #latencyCopy()}, run on the shard's context.
 *
 * <p>Not thread-safe: confined to the shard's context (fields are package-private for the
 * connections' fast path).
 */
final class ShardStats {
  /** Highest latency the histograms hold: 60 s, in microseconds; longer ones are recorded as it. */
  static final long MAX_LATENCY_MICROS = 60_000_000L;

  /** Significant decimal digits of the latency histograms. */
  static final int LATENCY_DIGITS = 3;

  /** The most error lines a shard keeps to show the user. */
  static final int MAX_ERROR_SAMPLES = 5;

  private final Histogram latency = new Histogram(MAX_LATENCY_MICROS, LATENCY_DIGITS);
  private final List<String> errorSamples = new ArrayList<>();
  private int samplesTaken;

  /** True during the measured period: deliveries and latencies count only then. */
  boolean measuring;

  /** Chat lines received by receivers, in every phase. */
  long deliveries;

  /** Chat lines received by receivers while {@link #measuring}. */
  long measuredDeliveries;

  /** Chat lines written by senders, in every phase. */
  long linesSent;

  long errors;
  long duplicates;
  long outOfOrder;
  long gaps;
  long foreignLines;
  long notices;
  long nameRetries;
  long disconnects;
  int open;
  int joined;

  /**
   * Counts one chat line that a receiver got and, while measuring, records its latency.
   *
   * @param latencyNanos receive time minus send time, in nanoseconds; negative counts as 0
   */
  void delivered(long latencyNanos) {
    deliveries++;
    if (measuring) {
      measuredDeliveries++;
      long micros = latencyNanos <= 0 ? 0 : latencyNanos / 1000;
      latency.recordValue(micros < MAX_LATENCY_MICROS ? micros : MAX_LATENCY_MICROS);
    }
  }

  /** Counts one {@code ! } line and keeps its text if fewer than five were kept. */
  void error(byte[] bytes, int from, int to) {
    errors++;
    if (samplesTaken < MAX_ERROR_SAMPLES) {
      samplesTaken++;
      errorSamples.add(new String(bytes, from, to - from, StandardCharsets.UTF_8));
    }
  }

  /**
   * Keeps the description of a problem that is not a server line, such as a connection lost, to
   * show it like an error line; counts nothing.
   */
  void problem(String description) {
    if (samplesTaken < MAX_ERROR_SAMPLES) {
      samplesTaken++;
      errorSamples.add(description);
    }
  }

  /** The counters now, with the error texts kept since the previous snapshot. */
  StatsSnapshot snapshot() {
    List<String> samples = List.copyOf(errorSamples);
    errorSamples.clear();
    return new StatsSnapshot(
        deliveries,
        measuredDeliveries,
        linesSent,
        errors,
        duplicates,
        outOfOrder,
        gaps,
        foreignLines,
        notices,
        nameRetries,
        disconnects,
        open,
        joined,
        samples);
  }

  /** A copy of the measured latencies, in microseconds, for merging on another thread. */
  Histogram latencyCopy() {
    return latency.copy();
  }
}
