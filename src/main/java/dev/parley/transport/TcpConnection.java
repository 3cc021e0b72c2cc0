package dev.parley.transport;

import dev.parley.session.Connection;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetSocket;

/**
 * A chat client's TCP connection: a {@link Connection} over a Vert.x {@link NetSocket}. The
 * socket's end handler runs after the last bytes it read (Vert.x queues the end behind them while
 * the socket is paused); once the socket has closed, pausing it holds nothing back, so that what
 * the client sent before it closed is handed over, then the end. Confined to the socket's event
 * loop.
 */
final class TcpConnection implements Connection {
  private final NetSocket socket;
  private boolean closed;

  /**
   * Wraps a socket.
   *
   * @param socket an accepted socket whose write queue limit is already set
   */
  TcpConnection(NetSocket socket) {
    this.socket = socket;
  }

  @Override
  public String remoteAddress() {
    return socket.remoteAddress().hostAddress();
  }

  @Override
  public void handler(Handler<Buffer> handler) {
    socket.handler(handler);
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
          // What the socket held back while paused comes now, then its end.
          socket.resume();
        });
  }

  @Override
  public void endHandler(Handler<Void> handler) {
    socket.endHandler(handler);
  }

  @Override
  public void exceptionHandler(Handler<Throwable> handler) {
    socket.exceptionHandler(handler);
  }

  @Override
  public void shutdownHandler(Handler<Void> handler) {
    socket.shutdownHandler(handler == null ? null : timeout -> handler.handle(null));
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public void drainHandler(Handler<Void> handler) {
    socket.drainHandler(handler);
  }

  @Override
  public void write(Buffer lines) {
    socket.write(lines);
  }

  @Override
  public void close(Ending ending) {
    socket.close();
  }

  @Override
  public void abort() {
    ((NetSocketInternal) socket).channelHandlerContext().close();
  }
}
