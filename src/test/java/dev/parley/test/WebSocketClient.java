package dev.parley.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat client for tests over WebSocket (the JDK's {@link java.net.http.WebSocket}), on {@code
 * ws://127.0.0.1:PORT/chat}: it says lines and sees lines like {@link ChatClient}, one text frame
 * per line, and sees the close status the server ends with. Reads wait at most {@link
 * ChatClient#TIMEOUT_MILLIS}.
 */
public final class WebSocketClient implements AutoCloseable {
  /** What the server closed with. */
  public record Closed(int status, String reason) {}

  private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
  private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
  private final WebSocket socket;
  private volatile boolean reading = true;
  private String name;

  private WebSocketClient(int port, String origin) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
    if (origin != null) {
      builder.header("Origin", origin);
    }
    socket =
        builder
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/chat"), new Listener())
            .orTimeout(ChatClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
            .join();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        received.add(text.toString());
        text.setLength(0);
      }
      if (reading) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      pongs.add(StandardCharsets.UTF_8.decode(message).toString());
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      received.add(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      received.add(new Closed(-1, String.valueOf(error)));
    }
  }

  /** Connects without an {@code Origin} header, as a program would. */
  public static WebSocketClient connect(int webPort) {
    return new WebSocketClient(webPort, null);
  }

  /** Connects with an {@code Origin} header, as a browser would. */
  public static WebSocketClient connect(int webPort, String origin) {
    return new WebSocketClient(webPort, origin);
  }

  /** The HTTP status a handshake with this {@code Origin} is refused with, or 101 when accepted. */
  public static int handshakeStatus(int webPort, String origin) {
    try {
      new WebSocketClient(webPort, origin).close();
      return 101;
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  /** Connects and joins as {@code name}, reading up to the roster line. */
  public static WebSocketClient join(int webPort, String name) {
    WebSocketClient client = connect(webPort);
    client.expect("* welcome to parley, what is your name?");
    client.say(name);
    client.expect("* you are " + name);
    client.expectStartsWith("* online (");
    client.name = name;
    return client;
  }

  public String name() {
    return name;
  }

  /** Sends one text frame. */
  public WebSocketClient say(String text) {
    socket.sendText(text, true).orTimeout(10, TimeUnit.SECONDS).join();
    return this;
  }

  /**
   * Stops taking frames, as a client that no longer reads: the server's writes back up into the
   * kernel's buffers and then its own queue.
   */
  public void stopReading() {
    reading = false;
  }

  /**
   * Sends a ping and waits for the server's pong, which must carry the same data.
   *
   * @param data the ping's payload, at most 125 bytes of UTF-8
   */
  public void ping(String data) {
    socket
        .sendPing(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)))
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
    try {
      assertEquals(data, pongs.poll(ChatClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), "the pong");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Sends a pong that answers no ping (RFC 6455 allows it as a heartbeat). */
  public void pong(String data) {
    socket
        .sendPong(ByteBuffer.wrap(data.getBytes(StandardCharsets.UTF_8)))
        .orTimeout(10, TimeUnit.SECONDS)
        .join();
  }

  /** Sends one binary frame. */
  public WebSocketClient sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(10, TimeUnit.SECONDS).join();
    return this;
  }

  private Object next() {
    try {
      Object item = received.poll(ChatClient.TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      if (item == null) {
        fail("nothing from the server within " + ChatClient.TIMEOUT_MILLIS + " ms");
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next line, or null when the server closed the connection instead. */
  public String nextLineOrNull() {
    Object item = next();
    return item instanceof String line ? line : null;
  }

  /** The next line (one text frame); fails on a close. */
  public String nextLine() {
    Object item = next();
    if (item instanceof Closed closed) {
      fail("expected a line but the server closed with " + closed);
    }
    return (String) item;
  }

  public WebSocketClient expect(String line) {
    assertEquals(line, nextLine());
    return this;
  }

  public String expectStartsWith(String prefix) {
    String line = nextLine();
    assertTrue(line.startsWith(prefix), () -> "expected <" + prefix + "…> but got <" + line + ">");
    return line;
  }

  /** Reads lines up to and including {@code last}. */
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

  /** Checks that the server closes next, with no further line, and with {@code status}. */
  public void expectClosed(int status) {
    Object item = next();
    if (item instanceof String line) {
      fail("expected the close " + status + " but got the line <" + line + ">");
    }
    assertEquals(status, ((Closed) item).status(), item::toString);
  }

  @Override
  public void close() {
    socket.abort();
  }
}
