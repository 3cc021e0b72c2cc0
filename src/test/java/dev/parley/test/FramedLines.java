package dev.parley.test;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * Lines over WebSocket with frames written by hand on a plain socket ({@link WebSocketFrames}):
 * like a TCP client it reads nothing until the test reads, and the test may choose the local
 * address and the receive buffer.
 */
final class FramedLines extends LineTransport.OverSocket {
  private final DataInputStream frames;

  /** Opens the WebSocket on a connected socket. */
  FramedLines(Socket socket) throws IOException {
    super(socket);
    WebSocketFrames.open(socket);
    this.frames = new DataInputStream(in);
  }

  @Override
  public void send(byte[] bytes) {
    try {
      WebSocketFrames.writeText(out, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] readLineOrNull() {
    try {
      return WebSocketFrames.readText(frames);
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "no frame from the server within " + ChatClient.TIMEOUT_MILLIS + " ms");
    } catch (SocketException | EOFException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long drainUntilClosed() {
    long count = 0;
    for (byte[] line = readLineOrNull(); line != null; line = readLineOrNull()) {
      count += line.length;
    }
    return count;
  }
}
