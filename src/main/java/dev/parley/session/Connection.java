package dev.parley.session;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;

/**
 * What a {@link Session} needs of its client's connection, whatever the transport: bytes in, lines
 * out, flow control and closing. A TCP channel is one ({@code transport.ChannelConnection}); a
 * WebSocket can be another. Every method is called on, and every handler runs on, the connection's
 * event loop; none blocks.
 */
public interface Connection {
  /**
   * The client's address, for logs and the per-address limit.
   *
   * @return the host address (the PROXY protocol's source address where that is enabled)
   */
  String remoteAddress();

  /**
   * Where the bytes the client sends go, in order; lines are found in them by the session.
   *
   * @param handler called for each chunk received, or {@code null} to stop
   */
  void handler(Handler<Buffer> handler);

  /**
   * Stops reading from the client until {@link #resume()}; bytes already read still arrive. Once
   * the connection has closed it holds nothing back: what the client sent is handed over at once,
   * then the end ({@link #endHandler}).
   */
  void pause();

  /** Reads from the client again. */
  void resume();

  /**
   * Called once when the connection has closed, from either end: nothing written after it reaches
   * the client. What the client sent before may still be on its way to the handler, followed by the
   * end of its input ({@link #endHandler}).
   *
   * @param handler the handler
   */
  void closeHandler(Handler<Void> handler);

  /**
   * Called once when the client's input has ended (it closed its side, the connection was lost or
   * closed by the server), after every byte the client sent has been handed to {@link #handler}.
   *
   * @param handler the handler
   */
  void endHandler(Handler<Void> handler);

  /**
   * Called when the connection fails (the close handler follows).
   *
   * @param handler the handler
   */
  void exceptionHandler(Handler<Throwable> handler);

  /**
   * Called when the listener shuts down gracefully: the session says goodbye and closes.
   *
   * @param handler the handler, or {@code null} to let the listener close the connection itself
   */
  void shutdownHandler(Handler<Void> handler);

  /**
   * Whether the connection's write queue holds more than its limit ({@code
   * slowClient.maxQueuedBytes}): the session stops writing until the drain handler is called.
   *
   * @return true while full
   */
  boolean writeQueueFull();

  /**
   * Called once the write queue has fallen to half its limit again.
   *
   * @param handler the handler, or {@code null}
   */
  void drainHandler(Handler<Void> handler);

  /**
   * Writes bytes: one or more whole lines, each ending with a line feed.
   *
   * @param lines UTF-8 lines; not modified, may be shared with other connections
   */
  void write(Buffer lines);

  /**
   * The account a signed token of the handshake logged this connection in to (PROTOCOL.md section
   * 12, "tokens"): the session skips the name prompt.
   *
   * @return the account's name as the token gives it, or {@code null} when there is none
   */
  default String tokenAccount() {
    return null;
  }

  /** Why the server ends a connection; a WebSocket sends it as its close status. */
  enum Ending {
    /** Anything else: quit, idle, kicked (WebSocket status 1000). */
    NORMAL,
    /** The server shuts down (1001). */
    SHUTDOWN,
    /** The server is full (1013). */
    SERVER_FULL,
    /** Too many connections from the client's address (1008). */
    ADDRESS_LIMIT
  }

  /**
   * Closes once what is queued has been written.
   *
   * @param ending why; a TCP connection has no way to say it
   */
  void close(Ending ending);

  /** Closes at once, discarding what is queued (a client that does not read never drains it). */
  void abort();
}
