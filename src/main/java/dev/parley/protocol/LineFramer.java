package dev.parley.protocol;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import java.util.Arrays;

/**
 * Splits a client's byte stream into lines at LF, with a limit on line length. A line longer than
 * the limit is discarded whole, up to and including its LF, however long it is; the listener hears
 * of it once, as soon as it is known to be too long. The memory held per connection is at most the
 * limit plus two bytes, and nothing at all between lines.
 *
 * <p>Vert.x's {@code RecordParser} is not used because with {@code maxRecordSize} it keeps the
 * over-long bytes (its buffer grows while it raises an exception per chunk) and it still delivers
 * an over-long record whose LF arrives in the same chunk.
 *
 * <p>Not thread-safe: use it from the connection's event loop only.
 */
public final class LineFramer implements Handler<Buffer> {

  /** Receives what the framer finds. Called on the thread that calls {@link #handle}. */
  public interface Listener {
    /**
     * A complete line within the limit.
     *
     * @param line the raw bytes of the line without its LF (a CR before the LF is still there)
     */
    void onLine(byte[] line);

    /** A line exceeded the limit; it is being discarded up to its LF. Called once per line. */
    void onLineTooLong();
  }

  private static final byte[] EMPTY = new byte[0];

  private final int maxLineBytes;
  private final Listener listener;
  private byte[] partial = EMPTY;
  private int partialLength;
  private boolean discarding;

  /**
   * Creates a framer.
   *
   * @param maxLineBytes the longest line accepted, in bytes, not counting its LF or CRLF
   * @param listener receives lines and over-long notices
   */
  public LineFramer(int maxLineBytes, Listener listener) {
    this.maxLineBytes = maxLineBytes;
    this.listener = listener;
  }

  /**
   * Feeds bytes read from the connection.
   *
   * @param chunk the bytes, in order of arrival
   */
  @Override
  public void handle(Buffer chunk) {
    int length = chunk.length();
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (chunk.getByte(i) == '\n') {
        endLine(chunk, start, i);
        start = i + 1;
      }
    }
    if (start < length) {
      keepPartial(chunk, start, length);
    }
  }

  private void endLine(Buffer chunk, int start, int end) {
    if (discarding) {
      discarding = false;
      return;
    }
    byte[] line;
    if (partialLength == 0) {
      line = chunk.getBytes(start, end);
    } else {
      line = Arrays.copyOf(partial, partialLength + end - start);
      chunk.getBytes(start, end, line, partialLength);
      partial = EMPTY;
      partialLength = 0;
    }
    if (contentLength(line, line.length) > maxLineBytes) {
      listener.onLineTooLong();
    } else {
      listener.onLine(line);
    }
  }

  private void keepPartial(Buffer chunk, int start, int end) {
    if (discarding) {
      return;
    }
    int total = partialLength + end - start;
    // One byte beyond the limit may be the CR of a CRLF; more can only be an over-long line.
    if (total > maxLineBytes + 1) {
      partial = EMPTY;
      partialLength = 0;
      discarding = true;
      listener.onLineTooLong();
      return;
    }
    if (partial.length < total) {
      partial =
          Arrays.copyOf(partial, Math.min(maxLineBytes + 1, Math.max(total, 2 * partial.length)));
    }
    chunk.getBytes(start, end, partial, partialLength);
    partialLength = total;
  }

  private static int contentLength(byte[] line, int length) {
    return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
  }
}
