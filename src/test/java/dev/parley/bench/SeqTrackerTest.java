package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Gaps, late lines, duplicates and loss as a receiver counts them. */
class SeqTrackerTest {
  @Test
  void inOrderLinesCountNothing() {
    ShardStats stats = new ShardStats();
    SeqTracker tracker = new SeqTracker(2);
    for (long seq = 0; seq < 100; seq++) {
      tracker.accept(0, seq, stats);
      tracker.accept(1, seq, stats);
    }
    assertEquals(0, stats.gaps + stats.duplicates + stats.outOfOrder);
    assertEquals(0, tracker.missing(new long[] {100, 100}));
    assertEquals(10, tracker.missing(new long[] {105, 105}));
  }

  @Test
  void lateLinesAreOutOfOrderAndRepeatsAreDuplicates() {
    ShardStats stats = new ShardStats();
    SeqTracker tracker = new SeqTracker(1);
    for (long seq : new long[] {0, 1, 5, 6, 3, 2, 3, 9, 4, 0, 7}) {
      tracker.accept(0, seq, stats);
    }
    assertEquals(2, stats.gaps);
    assertEquals(4, stats.outOfOrder);
    assertEquals(2, stats.duplicates);
    assertEquals(1, tracker.missing(new long[] {10}));
  }

  @Test
  void missingRangesSplitAndShrink() {
    MissingSeqs missing = new MissingSeqs();
    missing.add(10, 20);
    missing.add(20, 25);
    missing.add(30, 31);
    assertEquals(true, missing.remove(15));
    assertEquals(false, missing.remove(15));
    assertEquals(true, missing.remove(10));
    assertEquals(true, missing.remove(24));
    assertEquals(true, missing.remove(30));
    assertEquals(false, missing.remove(30));
    assertEquals(false, missing.remove(25));
    for (long seq = 11; seq < 24; seq++) {
      assertEquals(seq != 15, missing.remove(seq), "seq " + seq);
    }
  }
}
