package dev.parley.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Lines over TCP, as {@code nc} sees them: every line the server sends must end with CRLF. */
final class TcpLines extends LineTransport.OverSocket {
  TcpLines(Socket socket) throws IOException {
    super(socket);
  }

  @Override
  public void send(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public byte[] readLineOrNull() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      while (true) {
        int b = in.read();
        if (b < 0) {
          if (line.size() > 0) {
            fail(
                "the connection closed in the middle of a line: "
                    + line.toString(StandardCharsets.UTF_8));
          }
          return null;
        }
        if (b == '\n') {
          byte[] bytes = line.toByteArray();
          if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
            fail("a server line did not end with CRLF: " + line.toString(StandardCharsets.UTF_8));
          }
          return Arrays.copyOf(bytes, bytes.length - 1);
        }
        line.write(b);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "no line from the server within "
              + ChatClient.TIMEOUT_MILLIS
              + " ms (so far: <"
              + line.toString(StandardCharsets.UTF_8)
              + ">)");
    } catch (SocketException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public long drainUntilClosed() {
    long count = 0;
    try {
      while (in.read() >= 0) {
        count++;
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError(
          "the connection stayed open for " + ChatClient.TIMEOUT_MILLIS + " ms");
    } catch (SocketException e) {
      // A reset: the server cut the connection off.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }
}
