package dev.parley.bench;

/**
 * Reads decimal numbers from bytes in one pass and remembers where each ended, so that a line with
 * several numbers is parsed without allocating. Not thread-safe: one reader per connection, used on
 * its context.
 */
final class NumberReader {
  /** Returned by {@link #read} when there is no number at the position. */
  static final long NO_NUMBER = Long.MIN_VALUE;

  private int end;

  /**
   * Reads an optionally negative decimal number of 1 to 18 digits starting at {@code from} and
   * ending at the first byte that is not a digit, or at {@code to}.
   *
   * @return the number, or {@link #NO_NUMBER} if there is no digit at {@code from} or more than 18
   */
  long read(byte[] bytes, int from, int to) {
    int p = from;
    boolean negative = p < to && bytes[p] == '-';
    if (negative) {
      p++;
    }
    int start = p;
    long value = 0;
    while (p < to) {
      int digit = bytes[p] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      value = value * 10 + digit;
      p++;
    }
    end = p;
    int digits = p - start;
    if (digits == 0 || digits > 18) {
      return NO_NUMBER;
    }
    return negative ? -value : value;
  }

  /** The position after the last number's digits (or where reading stopped). */
  int end() {
    return end;
  }
}
