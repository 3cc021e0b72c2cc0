package dev.parley.transport;

import dev.parley.session.Connection;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.http.WebSocketInternal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A chat client's WebSocket (PROTOCOL.md section 11): a {@link Connection} over a Vert.x {@link
 * ServerWebSocket}. Each text message from the client holds one line or several separated by LF; it
 * reaches the session as those lines, each ending with LF. Each line the session writes goes out as
 * one text frame, without its line end. A binary frame closes with 1003, a text message that is not
 * UTF-8 with 1007, one over {@value #MAX_MESSAGE_BYTES} bytes with 1009. Ping and pong frames are
 * answered by Vert.x and never reach the session, so they are not activity. The client's input ends
 * with its close frame, or, when the connection is lost without one, once the frames Vert.x held
 * back while paused have been handed over. Confined to the WebSocket's event loop.
 */
final class WebSocketConnection implements Connection {
  /** The largest text message a client may send, in bytes. */
  static final int MAX_MESSAGE_BYTES = 65_536;

  private static final short NORMAL = 1000;
  private static final short GOING_AWAY = 1001;
  private static final short POLICY = 1008;
  private static final short UNSUPPORTED = 1003;
  private static final short NOT_UTF8 = 1007;
  private static final short TOO_BIG = 1009;
  private static final short TRY_LATER = 1013;

  private final ServerWebSocket socket;
  private final String tokenAccount;
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;
  private Buffer message;
  private boolean refused;
  private boolean closed;
  private boolean ended;

  /**
   * Wraps an accepted WebSocket.
   *
   * @param socket the WebSocket, its write queue limit already set
   * @param tokenAccount the account a signed token of the handshake named, or {@code null}
   */
  WebSocketConnection(ServerWebSocket socket, String tokenAccount) {
    this.socket = socket;
    this.tokenAccount = tokenAccount;
    socket.frameHandler(this::onFrame);
    // Vert.x runs the end handler when the client's close frame is taken from its queue.
    // socket.endHandler(v -> ended());
  }

  private void ended() {
    if (!ended) {
      ended = true;
      if (endHandler != null) {
        endHandler.handle(null);
      }
    }
  }

  private void onFrame(WebSocketFrame frame) {
    if (refused) {
      return;
    }
    if (frame.isBinary() || (frame.isContinuation() && message == null)) {
      refuse(UNSUPPORTED, "binary frames are not supported");
      return;
    }
    if (!frame.isText() && !frame.isContinuation()) {
      return;
    }
    if (frame.isText()) {
      message = Buffer.buffer();
    }
    message.appendBuffer(frame.binaryData());
    if (message.length() > MAX_MESSAGE_BYTES) {
      refuse(TOO_BIG, "a message is at most " + MAX_MESSAGE_BYTES + " bytes");
      return;
    }
    if (frame.isFinal()) {
      Buffer whole = message;
      message = null;
      if (!utf8(whole)) {
        refuse(NOT_UTF8, "text must be UTF-8");
        return;
      }
      if (whole.length() == 0 || whole.getByte(whole.length() - 1) != '\n') {
        whole.appendByte((byte) '\n');
      }
      if (handler != null) {
        handler.handle(whole);
      }
    }
  }

  private static boolean utf8(Buffer bytes) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.getBytes()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  private void refuse(short status, String reason) {
    refused = true;
    message = null;
    if (!socket.isClosed()) {
      // Vert.x closes through the shutdown handler, which is the session's goodbye at shutdown.
      socket.shutdownHandler(null);
      socket.close(status, reason);
    }
  }

  @Override
  public String tokenAccount() {
    return tokenAccount;
  }

  @Override
  public String remoteAddress() {
    return socket.remoteAddress().hostAddress();
  }

  @Override
  public void handler(Handler<Buffer> handler) {
    this.handler = handler;
  }

  @Override
  public void pause() {
    if (!closed) {
      socket.pause();
    }
  }

  @Override
  public void resume() {
    socket.resume();
  }

  @Override
  public void closeHandler(Handler<Void> handler) {
    socket.closeHandler(
        v -> {
          closed = true;
          handler.handle(null);
          // The frames held back while paused come now (Vert.x hands them over on a later turn of
          // the event loop), then the end, if no close frame came among them.
          socket.resume();
          Vertx.currentContext().runOnContext(done -> ended());
        });
  }

  @Override
  public void endHandler(Handler<Void> handler) {
    this.endHandler = handler;
  }

  @Override
  public void exceptionHandler(Handler<Throwable> handler) {
    socket.exceptionHandler(
        failure -> {
          if (failure instanceof CorruptedWebSocketFrameException corrupted
              && corrupted.closeStatus() != null
              && corrupted.closeStatus().code() == TOO_BIG) {
            tooBigFrame();
          }
          handler.handle(failure);
        });
  }

  /**
   * A single frame over {@value #MAX_MESSAGE_BYTES} bytes: Netty's decoder refuses it before Vert.x
   * hands it over, and Vert.x closes the connection as soon as this handler returns, without a
   * close frame. The close frame (1009) is written here, straight to the channel, so that it goes
   * out before the connection closes, as for a message of smaller frames.
   */
  private void tooBigFrame() {
    if (!refused) {
      refused = true;
      ((WebSocketInternal) socket)
          .channelHandlerContext()
          .writeAndFlush(
              new CloseWebSocketFrame(
                  TOO_BIG, "a message is at most " + MAX_MESSAGE_BYTES + " bytes"));
    }
  }

  // Vert.x refuses most calls once the WebSocket is closed, which it is from the moment the
  // client's close frame arrives: they do nothing then.

  /**
   * Vert.x also runs the shutdown handler when the client's close frame arrives (the WebSocket is
   * closed from then on); only the server's own shutdown reaches the session's handler, a turn of
   * the event loop later.
   */
  @Override
  public void shutdownHandler(Handler<Void> handler) {
    if (!socket.isClosed()) {
      socket.shutdownHandler(
          handler == null
              ? null
              // Vert.x marks the WebSocket closed right after it runs the handler for a close
              // frame: the check comes on the next turn of the event loop.
              : v ->
                  Vertx.currentContext()
                      .runOnContext(
                          next -> {
                            if (!socket.isClosed()) {
                              handler.handle(null);
                            }
                          }));
    }
  }

  @Override
  public boolean writeQueueFull() {
    return !socket.isClosed() && socket.writeQueueFull();
  }

  @Override
  public void drainHandler(Handler<Void> handler) {
    if (!socket.isClosed()) {
      socket.drainHandler(handler);
    }
  }

  /** Sends each line as one text frame, without its CRLF. */
  @Override
  public void write(Buffer lines) {
    if (socket.isClosed()) {
      return;
    }
    int start = 0;
    int length = lines.length();
    for (int i = 0; i < length; i++) {
      if (lines.getByte(i) == '\n') {
        int end = i > start && lines.getByte(i - 1) == '\r' ? i - 1 : i;
        socket.writeFinalTextFrame(lines.getString(start, end, "UTF-8"));
        start = i + 1;
      }
    }
  }

  @Override
  public void close(Ending ending) {
    short status;
    switch (ending) {
      case SHUTDOWN:
        status = GOING_AWAY;
        break;
      case SERVER_FULL:
        status = TRY_LATER;
        break;
      case ADDRESS_LIMIT:
        status = POLICY;
        break;
      default:
        status = NORMAL;
    }
    if (!socket.isClosed()) {
      socket.close(status);
    }
  }

  @Override
  public void abort() {
    ((WebSocketInternal) socket).channelHandlerContext().close();
  }
}
