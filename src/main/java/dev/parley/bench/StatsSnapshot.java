package dev.parley.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The counters of one shard, or the sum over all shards, at one moment. Immutable and thread-safe.
 *
 * @param deliveries chat lines received by receivers, every phase
 * @param measuredDeliveries chat lines received by receivers during the measured period
 * @param linesSent chat lines written by senders, every phase
 * @param errors {@code ! } lines received, plus connections lost
 * @param duplicates lines a receiver got twice
 * @param outOfOrder lines that arrived after a later line of the same sender
 * @param gaps times a receiver found lines of a sender missing (some may arrive later)
 * @param foreignLines chat lines that were not the tool's own
 * @param notices {@code * } lines received after joining
 * @param nameRetries names that the server refused as taken, retried with a suffix
 * @param disconnects connections the server closed while the tool still used them
 * @param open connections open now
 * @param joined connections that have joined the room
 * @param errorSamples texts of the first error lines not reported before
 */
record StatsSnapshot(
    long deliveries,
    long measuredDeliveries,
    long linesSent,
    long errors,
    long duplicates,
    long outOfOrder,
    long gaps,
    long foreignLines,
    long notices,
    long nameRetries,
    long disconnects,
    int open,
    int joined,
    List<String> errorSamples) {

  /** All zero. */
  static final StatsSnapshot ZERO =
      new StatsSnapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

  /** The field-by-field sum of this and {@code other}, error samples of this first. */
  StatsSnapshot plus(StatsSnapshot other) {
    List<String> samples = new ArrayList<>(errorSamples);
    samples.addAll(other.errorSamples);
    return new StatsSnapshot(
        deliveries + other.deliveries,
        measuredDeliveries + other.measuredDeliveries,
        linesSent + other.linesSent,
        errors + other.errors,
        duplicates + other.duplicates,
        outOfOrder + other.outOfOrder,
        gaps + other.gaps,
        foreignLines + other.foreignLines,
        notices + other.notices,
        nameRetries + other.nameRetries,
        disconnects + other.disconnects,
        open + other.open,
        joined + other.joined,
        List.copyOf(samples));
  }
}
