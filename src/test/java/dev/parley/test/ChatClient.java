package dev.parley.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chat client for tests, on a plain {@link Socket}: it says lines and sees lines, the way a
 * person with {@code nc} would. Every line it reads must end with CRLF. The same client can speak
 * over WebSocket instead ({@link #overWebSocket}): then each line it says is a text frame, each
 * frame it receives a line, and the tests that use it read the same. Reads wait at most {@link
 * #TIMEOUT_MILLIS}.
 */
public final class ChatClient implements AutoCloseable {
  /** How long a read waits for the server. */
  public static final int TIMEOUT_MILLIS = 10_000;

  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final WebSocketClient web;
  private String name;

  private ChatClient(Socket socket) throws IOException {
    this.socket = socket;
    this.in = new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16);
    this.out = socket.getOutputStream();
    this.web = null;
  }

  private ChatClient(WebSocketClient web) {
    this.socket = null;
    this.in = null;
    this.out = null;
    this.web = web;
  }

  /** Connects over WebSocket to {@code ws://127.0.0.1:webPort/chat}. */
  public static ChatClient overWebSocket(int webPort) {
    return new ChatClient(WebSocketClient.connect(webPort));
  }

  /** Connects to 127.0.0.1 at {@code port}. */
  public static ChatClient connect(int port) {
    return connect(port, null, 0);
  }

  /**
   * Connects to 127.0.0.1 at {@code port} from {@code localAddress} (null for any), with a receive
   * buffer of {@code receiveBuffer} bytes (0 for the default).
   */
  public static ChatClient connect(int port, String localAddress, int receiveBuffer) {
    try {
      Socket socket = new Socket();
      if (receiveBuffer > 0) {
        socket.setReceiveBufferSize(receiveBuffer);
      }
      if (localAddress != null) {
        socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
      }
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      return new ChatClient(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects over TLS, trusting any certificate (the tests' certificates are self-signed). */
  public static ChatClient connectTls(int port) {
    try {
      javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
      tls.init(
          null,
          new javax.net.ssl.TrustManager[] {
            new javax.net.ssl.X509TrustManager() {
              @Override
              public void checkClientTrusted(java.security.cert.X509Certificate[] c, String a) {}

              @Override
              public void checkServerTrusted(java.security.cert.X509Certificate[] c, String a) {}

              @Override
              public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
              }
            }
          },
          null);
      javax.net.ssl.SSLSocket socket =
          (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.startHandshake();
      return new ChatClient(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Connects and joins the room as {@code name}: sees the greeting, gives the name, sees {@code *
   * you are NAME} and the roster.
   *
   * @return the client, with the roster line read
   */
  public static ChatClient join(int port, String name) {
    return joined(connect(port), name);
  }

  /** Gives {@code name} on a fresh connection and reads up to the roster line. */
  public static ChatClient joined(ChatClient client, String name) {
    client.expect("* welcome to parley, what is your name?");
    client.say(name);
    client.expect("* you are " + name);
    client.expectStartsWith("* online (");
    client.name = name;
    return client;
  }

  /** The name this client joined with, if it joined with {@link #join}. */
  public String name() {
    return name;
  }

  /** Sends one line followed by LF. */
  public ChatClient say(String line) {
    return sendRaw((line + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Sends bytes as they are. */
  public ChatClient sendRaw(byte[] bytes) {
    if (web != null) {
      web.say(new String(bytes, StandardCharsets.UTF_8));
      return this;
    }
    try {
      out.write(bytes);
      out.flush();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the next line; fails if none arrives in time or if it does not end with CRLF. */
  public String nextLine() {
    String line = readLine();
    if (line == null) {
      fail("expected a line but the server closed the connection");
    }
    return line;
  }

  /** Reads the next line and checks it. */
  public ChatClient expect(String expected) {
    assertEquals(expected, nextLine());
    return this;
  }

  /** Reads the next line and checks how it starts. */
  public String expectStartsWith(String prefix) {
    String line = nextLine();
    assertTrue(
        line.startsWith(prefix),
        () -> "expected a line starting with <" + prefix + "> but got <" + line + ">");
    return line;
  }

  /** Reads lines up to and including {@code last}, and returns them all. */
  public List<String> readUntil(String last) {
    List<String> lines = new ArrayList<>();
    while (true) {
      String line = nextLine();
      lines.add(line);
      if (line.equals(last)) {
        return lines;
      }
    }
  }

  /** Reads {@code count} lines. */
  public List<String> read(int count) {
    List<String> lines = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      lines.add(nextLine());
    }
    return lines;
  }

  /** Checks that the server closes the connection next, with no further line. */
  public void expectClosed() {
    String line = readLine();
    if (line != null) {
      fail("expected the connection to close but got <" + line + ">");
    }
  }

  /**
   * Reads and discards whatever arrives until the server closes or resets the connection, which may
   * cut the last line short; returns the number of bytes read.
   */
  public long drainUntilClosed() {
    long count = 0;
    if (web != null) {
      for (String line = web.nextLineOrNull(); line != null; line = web.nextLineOrNull()) {
        count += line.length();
      }
      return count;
    }
    try {
      while (in.read() >= 0) {
        count++;
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("the connection stayed open for " + TIMEOUT_MILLIS + " ms");
    } catch (SocketException e) {
      // A reset: the server cut the connection off.
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return count;
  }

  /**
   * Reads the next line as the bytes the server sent, without its CRLF and without decoding, so
   * that a test can see the exact UTF-8 on the wire; fails like {@link #nextLine}.
   */
  public byte[] nextRawLine() {
    byte[] line = readRawLine();
    if (line == null) {
      fail("expected a line but the server closed the connection");
    }
    return line;
  }

  /** Reads the next line and checks its bytes, without decoding them. */
  public ChatClient expectRaw(byte[] expected) {
    byte[] line = nextRawLine();
    if (!Arrays.equals(expected, line)) {
      fail("expected the bytes " + hex(expected) + " but got " + hex(line));
    }
    return this;
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder("[");
    for (byte b : bytes) {
      out.append(out.length() > 1 ? " " : "").append(String.format("%02X", b & 0xFF));
    }
    return out.append(']').toString();
  }

  /** Reads one CRLF-terminated line, or returns null at end of stream or reset. */
  private String readLine() {
    byte[] line = readRawLine();
    return line == null ? null : new String(line, StandardCharsets.UTF_8);
  }

  /**
   * Reads one CRLF-terminated line as bytes without the CRLF, or null at end of stream or reset.
   */
  private byte[] readRawLine() {
    if (web != null) {
      String line = web.nextLineOrNull();
      return line == null ? null : line.getBytes(StandardCharsets.UTF_8);
    }
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
              + TIMEOUT_MILLIS
              + " ms (so far: <"
              + line.toString(StandardCharsets.UTF_8)
              + ">)");
    } catch (SocketException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Aborts the connection: with SO_LINGER set to 0, closing the socket sends a TCP RST instead of a
   * FIN, as a crashed client or a broken network path would.
   */
  public void reset() {
    if (web != null) {
      web.close();
      return;
    }
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (web != null) {
      web.close();
      return;
    }
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
