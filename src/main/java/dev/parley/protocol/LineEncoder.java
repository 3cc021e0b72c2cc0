package dev.parley.protocol;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/** Encodes server lines for the wire: UTF-8 followed by CRLF. Pure and thread-safe. */
public final class LineEncoder {
  private static final byte[] CRLF = {'\r', '\n'};

  private LineEncoder() {}

  /**
   * Encodes one line.
   *
   * @param line a line from {@link Replies}, without line end
   * @return the UTF-8 bytes of the line followed by CRLF
   */
  public static Buffer encode(String line) {
    byte[] text = line.getBytes(StandardCharsets.UTF_8);
    return Buffer.buffer(text.length + 2).appendBytes(text).appendBytes(CRLF);
  }
}
