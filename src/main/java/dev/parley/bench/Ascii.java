package dev.parley.bench;

/**
 * Allocation-free helpers for the ASCII parts of lines: prefixes, and decimal numbers written into
 * byte arrays (see {@link NumberReader} for reading them). Stateless and thread-safe.
 */
final class Ascii {
  /** The longest decimal {@code long}, sign included: 20 bytes. */
  static final int MAX_LONG_DIGITS = 20;

  private Ascii() {}

  /**
   * Whether {@code bytes[from, to)} starts with {@code prefix}.
   *
   * @param bytes the line
   * @param from the first byte of the line, inclusive
   * @param to the end of the line, exclusive
   * @param prefix ASCII or UTF-8 bytes to look for
   */
  static boolean startsWith(byte[] bytes, int from, int to, byte[] prefix) {
    if (to - from < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[from + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes {@code value} in decimal into {@code into} at {@code at}.
   *
   * @param into room for at least {@link #MAX_LONG_DIGITS} bytes from {@code at}
   * @return the position after the last digit
   */
  static int writeLong(long value, byte[] into, int at) {
    if (value == Long.MIN_VALUE) {
      throw new IllegalArgumentException("Long.MIN_VALUE");
    }
    int p = at;
    long v = value;
    if (v < 0) {
      into[p++] = '-';
      v = -v;
    }
    int start = p;
    do {
      into[p++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    for (int i = start, j = p - 1; i < j; i++, j--) {
      byte t = into[i];
      into[i] = into[j];
      into[j] = t;
    }
    return p;
  }
}
