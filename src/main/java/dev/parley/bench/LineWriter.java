package dev.parley.bench;

import io.vertx.core.buffer.Buffer;

/**
 * Builds one sender's chat lines, {@code <seq> <sendNanos> <padding>\n}, straight into a {@link
 * Buffer}: the digits are written into a reusable scratch array and the padding is a prepared run
 * of letters, so a batch of lines costs one buffer and no strings. The text of a line is about
 * {@code lineBytes} long (at least the two numbers, a space and one letter).
 *
 * <p>Not thread-safe: one writer per sender, used on the sender's context.
 */
final class LineWriter {
  /** Shortest allowed text length, in bytes. */
  static final int MIN_LINE_BYTES = 16;

  /** Longest allowed text length, in bytes; the server's default limit is 1024 per line. */
  static final int MAX_LINE_BYTES = 1000;

  private final int lineBytes;
  private final byte[] scratch = new byte[2 * Ascii.MAX_LONG_DIGITS + 2];
  private final byte[] padding;

  /**
   * @param lineBytes the text length to aim at, {@link #MIN_LINE_BYTES} to {@link #MAX_LINE_BYTES}
   */
  LineWriter(int lineBytes) {
    this.lineBytes = lineBytes;
    padding = new byte[lineBytes];
    for (int i = 0; i < lineBytes; i++) {
      padding[i] = (byte) ('a' + i % 26);
    }
  }

  /**
   * Lines {@code firstSeq} to {@code firstSeq + count - 1}, all stamped with {@code sendNanos}.
   *
   * @param count 1 or more
   * @param sendNanos {@link System#nanoTime()} at sending
   */
  Buffer lines(long firstSeq, int count, long sendNanos) {
    Buffer buffer = Buffer.buffer(count * (lineBytes + scratch.length + 1));
    for (int i = 0; i < count; i++) {
      int n = Ascii.writeLong(firstSeq + i, scratch, 0);
      scratch[n++] = ' ';
      n = Ascii.writeLong(sendNanos, scratch, n);
      scratch[n++] = ' ';
      buffer.appendBytes(scratch, 0, n);
      buffer.appendBytes(padding, 0, Math.max(1, lineBytes - n));
      buffer.appendByte((byte) '\n');
    }
    return buffer;
  }
}
