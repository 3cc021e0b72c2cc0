package dev.parley.transport;

import dev.parley.session.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.haproxy.HAProxyMessage;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat client's TCP connection: a {@link Connection} that is the last handler of the Netty
 * channel's pipeline, after the PROXY protocol's decoder and TLS where those are on. It holds no
 * write queue of its own: lines go to the channel's outbound buffer, which is "full" above {@code
 * slowClient.maxQueuedBytes} (the channel's high water mark) and drained below half of it. What the
 * client sends while the session has paused reading is held here (only what Netty had already
 * read), then handed over on resume; once the channel has closed, pausing holds nothing back, so
 * what the client sent before it closed is handed over, then the end. It is handed to its
 * listener's session factory when the client is ready: at once, after the PROXY header, or after
 * the TLS handshake.
 *
 * <p>Every handler runs on the channel's event loop, which is the listener instance's own, inside
 * its Vert.x context (timers and event-bus calls made from them stay on that loop). MUST NOT block.
 */
final class ChannelConnection extends ChannelInboundHandlerAdapter implements Connection {
  private static final Logger LOG = LoggerFactory.getLogger(ChannelConnection.class);

  /** How long a client of a PROXY-protocol port may take to send its header, in seconds. */
  static final long PROXY_HEADER_SECONDS = 10;

  private final TcpPort.Instance instance;
  private final boolean waitsForProxyHeader;
  private final boolean waitsForTls;
  private ChannelHandlerContext ctx;

  /** The client's address: the PROXY header's source, or the peer's, found once. */
  private String address;

  private ScheduledFuture<?> proxyTimeout;
  private boolean accepted;
  private boolean paused;
  private boolean closed;
  private boolean ended;
  private ArrayDeque<Buffer> held;
  private Handler<Buffer> dataHandler;
  private Handler<Void> closeHandler;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;
  private Handler<Void> drainHandler;
  private Handler<Void> shutdownHandler;

  /**
   * @param instance the listener instance whose sessions the connection feeds
   * @param waitsForProxyHeader whether the client must first send a PROXY protocol header
   * @param waitsForTls whether the client must first complete a TLS handshake
   */
  ChannelConnection(TcpPort.Instance instance, boolean waitsForProxyHeader, boolean waitsForTls) {
    this.instance = instance;
    this.waitsForProxyHeader = waitsForProxyHeader;
    this.waitsForTls = waitsForTls;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    instance.opened(this);
    if (waitsForProxyHeader) {
      proxyTimeout = ctx.executor().schedule(this::abort, PROXY_HEADER_SECONDS, TimeUnit.SECONDS);
    } else if (!waitsForTls) {
      accept();
    }
    ctx.fireChannelActive();
  }

  private void accept() {
    accepted = true;
    instance.context().emit(this, instance.accept());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HAProxyMessage header) {
      proxyTimeout.cancel(false);
      address = header.sourceAddress();
      header.release();
      if (!waitsForTls) {
        accept();
      }
      return;
    }
    if (!(msg instanceof ByteBuf bytes)) {
      ReferenceCountUtil.release(msg);
      return;
    }
    Buffer chunk = BufferInternal.safeBuffer(bytes);
    if (!accepted || paused || (held != null && !held.isEmpty())) {
      hold(chunk);
    } else if (dataHandler != null) {
      instance.context().emit(chunk, dataHandler);
    }
  }

  private void hold(Buffer chunk) {
    if (held == null) {
      held = new ArrayDeque<>(2);
    }
    held.add(chunk);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event instanceof SslHandshakeCompletionEvent handshake) {
      if (handshake.isSuccess() && !accepted && !closed) {
        accept();
      }
      return;
    }
    ctx.fireUserEventTriggered(event);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && drainHandler != null && !closed) {
      instance.context().emit(null, drainHandler);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    closed = true;
    instance.closed(this);
    if (proxyTimeout != null) {
      proxyTimeout.cancel(false);
    }
    if (!accepted) {
      return;
    }
    if (closeHandler != null) {
      instance.context().emit(null, closeHandler);
    }
    // What was held back while paused comes now, then the end.
    paused = false;
    ended = true;
    deliverHeld();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (accepted && exceptionHandler != null) {
      instance.context().emit(cause, exceptionHandler);
    } else {
      LOG.debug("connection from {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
    }
    ctx.close();
  }

  private void deliverHeld() {
    while (!paused && held != null && !held.isEmpty()) {
      Buffer chunk = held.poll();
      if (dataHandler != null) {
        instance.context().emit(chunk, dataHandler);
      }
    }
    if (ended && !paused && (held == null || held.isEmpty()) && endHandler != null) {
      Handler<Void> end = endHandler;
      endHandler = null;
      instance.context().emit(null, end);
    }
  }

  /**
   * Asks the connection to end gracefully because its listener shuts down: its shutdown handler
   * runs, or, without one, it closes once what is queued has been written.
   */
  void shutdown() {
    if (closed) {
      return;
    }
    if (accepted && shutdownHandler != null) {
      instance.context().emit(null, shutdownHandler);
    } else {
      close(Ending.SHUTDOWN);
    }
  }

  @Override
  public String remoteAddress() {
    if (address == null) {
      InetSocketAddress peer = (InetSocketAddress) ctx.channel().remoteAddress();
      address = peer == null ? "" : peer.getAddress().getHostAddress();
    }
    return address;
  }

  @Override
  public void handler(Handler<Buffer> handler) {
    dataHandler = handler;
  }

  @Override
  public void pause() {
    if (!closed) {
      paused = true;
      ctx.channel().config().setAutoRead(false);
    }
  }

  @Override
  public void resume() {
    paused = false;
    deliverHeld();
    if (!closed && !paused) {
      ctx.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void closeHandler(Handler<Void> handler) {
    closeHandler = handler;
  }

  @Override
  public void endHandler(Handler<Void> handler) {
    endHandler = handler;
  }

  @Override
  public void exceptionHandler(Handler<Throwable> handler) {
    exceptionHandler = handler;
  }

  @Override
  public void shutdownHandler(Handler<Void> handler) {
    shutdownHandler = handler;
  }

  @Override
  public boolean writeQueueFull() {
    return !ctx.channel().isWritable();
  }

  @Override
  public void drainHandler(Handler<Void> handler) {
    drainHandler = handler;
  }

  @Override
  public void write(Buffer lines) {
    if (!closed) {
      ctx.writeAndFlush(((BufferInternal) lines).getByteBuf(), ctx.voidPromise());
    }
  }

  @Override
  public void close(Ending ending) {
    if (!closed) {
      ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void abort() {
    ctx.channel().close();
  }
}
