package dev.parley.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;

/**
 * How a {@link ChatClient} exchanges lines with the server: TCP lines ending with CRLF ({@link
 * TcpLines}), WebSocket frames written by hand on a plain socket ({@link FramedLines}), or the
 * JDK's WebSocket client ({@link WebSocketLines}). Confined to the test thread that uses the
 * client.
 */
interface LineTransport extends AutoCloseable {
  /** Sends bytes as they are (over WebSocket, as one text frame). */
  void send(byte[] bytes);

  /**
   * Reads the next line as the bytes the server sent, without its line end; null once the server
   * has closed or reset the connection. Fails after {@link ChatClient#TIMEOUT_MILLIS} without one.
   */
  byte[] readLineOrNull();

  /**
   * Reads and discards whatever arrives until the server closes or resets the connection, which may
   * cut the last line short.
   *
   * @return the number of bytes read (for WebSocket, of the lines read)
   */
  long drainUntilClosed();

  /** Aborts the connection, as a crashed client or a broken network path would. */
  void reset();

  @Override
  void close();

  /** A transport over a plain socket, which it closes or resets. */
  abstract class OverSocket implements LineTransport {
    final Socket socket;
    final InputStream in;
    final OutputStream out;

    OverSocket(Socket socket) throws IOException {
      this.socket = socket;
      this.in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
      this.out = socket.getOutputStream();
    }

    /** With SO_LINGER set to 0, closing the socket sends a TCP RST instead of a FIN. */
    @Override
    public void reset() {
      try {
        socket.setSoLinger(true, 0);
        socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
