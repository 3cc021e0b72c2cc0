package dev.parley.test;

import java.nio.charset.StandardCharsets;

/** Lines over WebSocket through the JDK's client ({@link WebSocketClient}): one frame, one line. */
final class WebSocketLines implements LineTransport {
  private final WebSocketClient web;

  WebSocketLines(WebSocketClient web) {
    this.web = web;
  }

  @Override
  public void send(byte[] bytes) {
    web.say(new String(bytes, StandardCharsets.UTF_8));
  }

  @Override
  public byte[] readLineOrNull() {
    String line = web.nextLineOrNull();
    return line == null ? null : line.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public long drainUntilClosed() {
    long count = 0;
    for (String line = web.nextLineOrNull(); line != null; line = web.nextLineOrNull()) {
      count += line.length();
    }
    return count;
  }

  /** The JDK's client cannot send a reset; it closes. */
  @Override
  public void reset() {
    web.close();
  }

  @Override
  public void close() {
    web.close();
  }
}
