package dev.parley.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.parley.room.HistoryLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Joining the store's lines and the copied lines of a new room host. */
class HistoryMergeTest {
  private static HistoryLine line(String run, long seq, long time) {
    return new HistoryLine("#lobby", run, seq, time, "alice", run + "/" + seq);
  }

  @Test
  void eachLineOnceEarlierOrdersFirstEachOrderBySequenceNumber() {
    List<HistoryLine> stored =
        List.of(line("old", 7, 100), line("now", 2, 1000), line("now", 3, 990));
    // The new host's clock may lag: order within a run is by sequence number, not time.
    List<HistoryLine> copied =
        List.of(line("now", 3, 990), line("now", 4, 980), line("now", 1, 1001));
    assertEquals(
        List.of("old/7", "now/1", "now/2", "now/3", "now/4"),
        HistoryMerge.merge(stored, copied).stream().map(HistoryLine::text).toList());
  }

  @Test
  void nothingFromEitherSideIsNothing() {
    assertEquals(List.of(), HistoryMerge.merge(List.of(), List.of()));
    assertEquals(List.of(line("a", 1, 5)), HistoryMerge.merge(List.of(), List.of(line("a", 1, 5))));
  }
}
