package dev.parley.bench;

import java.util.Arrays;

/**
 * The sequence numbers that one receiver skipped for one sender, as sorted, disjoint ranges {@code
 * [start, end)}. Only used off the fast path: a receiver that sees every line in order never
 * creates one. Holds at most {@link #MAX_RANGES} ranges; beyond that the oldest range is forgotten,
 * and a late line from it then counts as a duplicate rather than out of order.
 *
 * <p>Not thread-safe: confined to the receiver's context.
 */
final class MissingSeqs {
  /** The most gaps remembered per receiver and sender. */
  static final int MAX_RANGES = 4096;

  private long[] starts = new long[4];
  private long[] ends = new long[4];
  private int size;

  /**
   * Records that {@code [start, end)} was skipped. Ranges must be added in increasing order, each
   * after all earlier ones, which holds because a receiver's expected number only grows.
   */
  void add(long start, long end) {
    if (size > 0 && ends[size - 1] == start) {
      ends[size - 1] = end;
      return;
    }
    if (size == MAX_RANGES) {
      System.arraycopy(starts, 1, starts, 0, size - 1);
      System.arraycopy(ends, 1, ends, 0, size - 1);
      size--;
    }
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  /**
   * Takes {@code seq} out of the missing ranges.
   *
   * @return true if it was missing (it arrived late), false if it was not (a duplicate)
   */
  boolean remove(long seq) {
    int lo = 0;
    int hi = size - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (ends[mid] <= seq) {
        lo = mid + 1;
      } else if (starts[mid] > seq) {
        hi = mid - 1;
      } else {
        cut(mid, seq);
        return true;
      }
    }
    return false;
  }

  private void cut(int i, long seq) {
    if (starts[i] == seq) {
      starts[i]++;
    } else if (ends[i] - 1 == seq) {
      ends[i]--;
    } else {
      if (size == starts.length) {
        starts = Arrays.copyOf(starts, size * 2);
        ends = Arrays.copyOf(ends, size * 2);
      }
      System.arraycopy(starts, i + 1, starts, i + 2, size - i - 1);
      System.arraycopy(ends, i + 1, ends, i + 2, size - i - 1);
      starts[i + 1] = seq + 1;
      ends[i + 1] = ends[i];
      ends[i] = seq;
      size++;
      return;
    }
    if (starts[i] == ends[i]) {
      System.arraycopy(starts, i + 1, starts, i, size - i - 1);
      System.arraycopy(ends, i + 1, ends, i, size - i - 1);
      size--;
    }
  }
}
