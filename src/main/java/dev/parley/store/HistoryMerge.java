package dev.parley.store;

import dev.parley.room.HistoryLine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Joins the history a new room host has from two sources, the durable store and the nodes' copy of
 * the rooms, into one list in the rooms' order: each line once (by its order and sequence number);
 * the lines of one order by sequence number; orders one after the other, by the time of their first
 * line. Pure and thread-safe.
 */
public final class HistoryMerge {
  private HistoryMerge() {}

  /**
   * Merges two lists of lines.
   *
   * @param stored lines from the store
   * @param copied lines from the copy of the rooms
   * @return every distinct line, in order
   */
  public static List<HistoryLine> merge(List<HistoryLine> stored, List<HistoryLine> copied) {
    Map<String, TreeMap<Long, HistoryLine>> byRun = new LinkedHashMap<>();
    for (List<HistoryLine> source : List.of(copied, stored)) {
      for (HistoryLine line : source) {
        byRun.computeIfAbsent(line.run(), r -> new TreeMap<>()).putIfAbsent(line.seq(), line);
      }
    }
    List<TreeMap<Long, HistoryLine>> runs = new ArrayList<>(byRun.values());
    runs.sort(
        Comparator.comparingLong(
            (TreeMap<Long, HistoryLine> run) -> run.firstEntry().getValue().time()));
    List<HistoryLine> out = new ArrayList<>();
    for (TreeMap<Long, HistoryLine> run : runs) {
      out.addAll(run.values());
    }
    return out;
  }
}
