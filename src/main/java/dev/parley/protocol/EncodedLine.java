package dev.parley.protocol;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * A server line encoded for the wire once: its UTF-8 bytes followed by CRLF, both as an array (to
 * gather several lines into one write) and as a Vert.x {@link Buffer} (to write it alone). A line
 * broadcast to a room is encoded once per node and shared by every connection; neither form is ever
 * modified, so instances may be shared between threads.
 */
public final class EncodedLine {
  private final byte[] bytes;
  private final Buffer buffer;

  private EncodedLine(byte[] bytes) {
    this.bytes = bytes;
    this.buffer = Buffer.buffer(bytes);
  }

  /**
   * Encodes one line.
   *
   * @param line a line from {@link Replies}, without line end
   * @return the encoded line
   */
  public static EncodedLine of(String line) {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 2];
    System.arraycopy(text, 0, bytes, 0, text.length);
    bytes[text.length] = '\r';
    bytes[text.length + 1] = '\n';
    return new EncodedLine(bytes);
  }

  /**
   * The encoded bytes. Callers must not modify the array.
   *
   * @return the UTF-8 bytes of the line followed by CRLF
   */
  public byte[] bytes() {
    return bytes;
  }

  /**
   * The encoded bytes as a buffer, for writing the line alone. Callers must not modify it.
   *
   * @return the UTF-8 bytes of the line followed by CRLF
   */
  public Buffer buffer() {
    return buffer;
  }
}
