package dev.parley.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A chat client for tests: it says lines and sees lines, the way a person with {@code nc} would,
 * over a {@link LineTransport}. Over TCP ({@link TcpLines}) every line it reads must end with CRLF.
 * The same client can speak over WebSocket instead ({@link #overWebSocket}): then each line it says
 * is a text frame, each frame it receives a line, and the tests that use it read the same: through
 * {@link WebSocketClient} by default ({@link WebSocketLines}), or with frames written by hand on a
 * plain socket ({@link FramedLines}) when the test chooses the local address or the receive buffer.
 * Reads wait at most {@link #TIMEOUT_MILLIS}.
 */
public final class ChatClient implements AutoCloseable {
  /** How long a read waits for the server. */
  public static final int TIMEOUT_MILLIS = 10_000;

  private final LineTransport transport;
  private String name;

  private ChatClient(LineTransport transport) {
    this.transport = transport;
  }

  /** Connects over WebSocket to {@code ws://127.0.0.1:webPort/chat}. */
  public static ChatClient overWebSocket(int webPort) {
    return new ChatClient(new WebSocketLines(WebSocketClient.connect(webPort)));
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
    return connect(port, localAddress, receiveBuffer, false, null);
  }

  /**
   * Connects over WebSocket to {@code ws://127.0.0.1:webPort/chat} from {@code localAddress} (null
   * for any), with a receive buffer of {@code receiveBuffer} bytes (0 for the default), on a plain
   * socket with hand-made frames: like a TCP client, it reads nothing until the test reads.
   */
  public static ChatClient overWebSocket(int webPort, String localAddress, int receiveBuffer) {
    return connect(webPort, localAddress, receiveBuffer, true, null);
  }

  /**
   * Connects to the web port as a load balancer passes a browser's connection on: {@code
   * proxyHeader} (a PROXY protocol header) first, then the WebSocket handshake, with hand-made
   * frames.
   */
  public static ChatClient overWebSocketBehindProxy(int webPort, byte[] proxyHeader) {
    return connect(webPort, null, 0, true, proxyHeader);
  }

  private static ChatClient connect(
      int port, String localAddress, int receiveBuffer, boolean framed, byte[] preamble) {
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
      if (preamble != null) {
        socket.getOutputStream().write(preamble);
      }
      return new ChatClient(framed ? new FramedLines(socket) : new TcpLines(socket));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Connects over TLS, trusting any certificate (the tests' certificates are self-signed). */
  public static ChatClient connectTls(int port) {
    try {
      javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
      tls.init(null, new javax.net.ssl.TrustManager[] {new TrustAll()}, null);
      javax.net.ssl.SSLSocket socket =
          (javax.net.ssl.SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", port);
      socket.setSoTimeout(TIMEOUT_MILLIS);
      socket.startHandshake();
      return new ChatClient(new TcpLines(socket));
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

  /** Sends bytes as they are (over WebSocket, as one text frame). */
  public ChatClient sendRaw(byte[] bytes) {
    transport.send(bytes);
    return this;
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
    return transport.drainUntilClosed();
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

  /** Reads one line, or returns null at end of stream or reset. */
  private String readLine() {
    byte[] line = readRawLine();
    return line == null ? null : new String(line, StandardCharsets.UTF_8);
  }

  /** Reads one line as bytes without its line end, or null at end of stream or reset. */
  private byte[] readRawLine() {
    return transport.readLineOrNull();
  }

  /**
   * Aborts the connection: with SO_LINGER set to 0, closing the socket sends a TCP RST instead of a
   * FIN, as a crashed client or a broken network path would (the JDK's WebSocket client closes).
   */
  public void reset() {
    transport.reset();
  }

  @Override
  public void close() {
    transport.close();
  }
}
