package dev.parley.bench;

/**
 * What one receiver has seen of every sender's numbered lines: the next number it expects from
 * each, how many distinct lines arrived, and the gaps. A line with the expected number costs two
 * array reads and writes; gaps, late lines and duplicates take the slow path and are counted in
 * {@link ShardStats}.
 *
 * <p>Not thread-safe: confined to the receiver's context.
 */
final class SeqTracker {
  private final long[] next;
  private final long[] distinct;
  private final MissingSeqs[] missing;

  /**
   * @param senders the number of senders, indexed from 0
   */
  SeqTracker(int senders) {
    next = new long[senders];
    distinct = new long[senders];
    missing = new MissingSeqs[senders];
  }

  /**
   * Accounts for line {@code seq} of sender {@code sender}.
   *
   * @param sender 0 to senders - 1
   * @param seq the line's number, 0 or more
   * @param stats where gaps, duplicates and out-of-order lines are counted
   */
  void accept(int sender, long seq, ShardStats stats) {
    long expected = next[sender];
    if (seq == expected) {
      next[sender] = expected + 1;
      distinct[sender]++;
    } else if (seq > expected) {
      MissingSeqs gaps = missing[sender];
      if (gaps == null) {
        gaps = new MissingSeqs();
        missing[sender] = gaps;
      }
      gaps.add(expected, seq);
      next[sender] = seq + 1;
      distinct[sender]++;
      stats.gaps++;
    } else if (missing[sender] != null && missing[sender].remove(seq)) {
      distinct[sender]++;
      stats.outOfOrder++;
    } else {
      stats.duplicates++;
    }
  }

  /**
   * The lines this receiver has not (yet) received.
   *
   * @param sent per sender, how many lines it sent, numbered from 0
   * @return the sum over senders of lines sent minus distinct lines received, never negative
   */
  long missing(long[] sent) {
    long sum = 0;
    for (int s = 0; s < sent.length; s++) {
      sum += Math.max(0, sent[s] - distinct[s]);
    }
    return sum;
  }
}
