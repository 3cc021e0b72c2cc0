package dev.parley.bench;

import io.netty.buffer.ByteBuf;

/**
 * Splits the bytes that one connection receives into lines at LF, without allocating per line or
 * per read: it scans the read buffer's backing array in place (Netty's word-at-a-time {@link
 * ByteBuf#indexOf}) and keeps only the start of a line that continues in the next read, at most
 * {@link #CARRY_BYTES} bytes of it, which is all the tool ever parses. Empty lines are skipped and
 * a CR before the LF is dropped.
 *
 * <p>Not thread-safe: one splitter per connection, used only on that connection's context.
 */
final class LineSplitter {
  /** The most bytes kept of a line that is split over two reads. */
  static final int CARRY_BYTES = 256;

  private static final byte LF = '\n';

  private final byte[] carry = new byte[CARRY_BYTES];
  private int carryLength;
  private boolean partial;
  private boolean truncated;

  /**
   * Splits the readable bytes of {@code buf} into lines, completing a line left partial by the
   * previous call, and hands each complete line to {@code sink} in order. Leaves {@code buf}'s
   * indexes alone.
   *
   * @param buf a heap buffer ({@link ByteBuf#hasArray()}), see {@link ReadScratch}
   */
  void feed(ByteBuf buf, LineSink sink) {
    byte[] bytes = buf.array();
    int offset = buf.arrayOffset();
    int pos = buf.readerIndex();
    int end = buf.writerIndex();
    if (partial) {
      int lf = buf.indexOf(pos, end, LF);
      if (lf < 0) {
        keep(bytes, offset + pos, end - pos);
        return;
      }
      keep(bytes, offset + pos, lf - pos);
      partial = false;
      int lineEnd = carryLength;
      if (!truncated && carry[lineEnd - 1] == '\r') {
        lineEnd--;
      }
      if (lineEnd > 0) {
        sink.onLine(carry, 0, lineEnd);
      }
      pos = lf + 1;
    }
    while (pos < end) {
      int lf = buf.indexOf(pos, end, LF);
      if (lf < 0) {
        partial = true;
        truncated = false;
        carryLength = 0;
        keep(bytes, offset + pos, end - pos);
        return;
      }
      int lineEnd = lf;
      if (lineEnd > pos && bytes[offset + lineEnd - 1] == '\r') {
        lineEnd--;
      }
      if (lineEnd > pos) {
        sink.onLine(bytes, offset + pos, offset + lineEnd);
      }
      pos = lf + 1;
    }
  }

  private void keep(byte[] bytes, int from, int length) {
    int n = Math.min(length, CARRY_BYTES - carryLength);
    truncated |= n < length;
    if (n > 0) {
      System.arraycopy(bytes, from, carry, carryLength, n);
      carryLength += n;
    }
  }
}
