package dev.parley.transport;

import dev.parley.config.ParleyConfig;
import dev.parley.session.Connection;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.haproxy.HAProxyMessageDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A TCP port of plain chat connections, bound once per Vert.x instance and shared by every listener
 * instance that asks for the same host and port (as Vert.x shares a {@code NetServer}): a Netty
 * server channel on Vert.x's acceptor loop whose accepted channels are spread over the instances'
 * event loops ({@link ListenerLoops}), each channel's pipeline ending in a {@link
 * ChannelConnection}. It makes no Vert.x {@code NetSocket}, so an idle connection holds no write
 * queue of its own (BENCHMARKS.md). The port is closed when its last instance leaves.
 *
 * <p>Thread-safe: instances join and leave from their own event loops.
 *
 * <p>It takes Vert.x's loops and transport from {@code io.vertx.core.internal} ({@code
 * VertxInternal.acceptorEventLoopGroup()} and {@code transport()}, {@code
 * ContextInternal.nettyEventLoop()} and {@code emit}, {@code BufferInternal}): not Vert.x's public
 * API, so a Vert.x upgrade must be checked against them (the transport tests do).
 */
final class TcpPort implements Shareable {
  private static final String PORTS = "parley.tcp-ports";

  /** The listen backlog, as Vert.x's {@code NetServerOptions} default. */
  private static final int BACKLOG = 1024;

  /**
   * How a port listens.
   *
   * @param host the address to bind
   * @param port the port; 0 or negative for a random port (a negative number is the key shared by
   *     every instance given it)
   * @param proxyProtocol whether each client first sends a PROXY protocol (v1 or v2) header
   * @param tls the certificate and key in PEM files, or empty paths for none
   * @param sendBufferBytes the socket send buffer in bytes, or 0 for the system's
   * @param maxQueuedBytes above this many bytes queued for a client its connection's write queue is
   *     full; it drains at half of it
   */
  record Settings(
      String host,
      int port,
      boolean proxyProtocol,
      ParleyConfig.Tls tls,
      int sendBufferBytes,
      int maxQueuedBytes) {}

  private final String key;
  private final ListenerLoops loops = new ListenerLoops();
  private final Future<Channel> bound;

  private TcpPort(VertxInternal vertx, String key, Settings settings) {
    this.key = key;
    Future<SslContext> tls =
        settings.tls().enabled()
            ? vertx.executeBlocking(
                () ->
                    SslContextBuilder.forServer(
                            new PemKeyCertOptions()
                                .setCertPath(settings.tls().certPath())
                                .setKeyPath(settings.tls().keyPath())
                                .getKeyManagerFactory(vertx))
                        .build())
            : Future.succeededFuture();
    bound = tls.compose(ssl -> bind(vertx, settings, ssl));
  }

  private Future<Channel> bind(VertxInternal vertx, Settings settings, SslContext ssl) {
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(vertx.acceptorEventLoopGroup(), loops)
            .channelFactory(vertx.transport().serverChannelFactory(false))
            .option(ChannelOption.SO_REUSEADDR, true)
            .option(ChannelOption.SO_BACKLOG, BACKLOG)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(
                ChannelOption.WRITE_BUFFER_WATER_MARK,
                new WriteBufferWaterMark(settings.maxQueuedBytes() / 2, settings.maxQueuedBytes()))
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel channel) {
                    ChannelPipeline pipeline = channel.pipeline();
                    if (settings.proxyProtocol()) {
                      pipeline.addLast(new HAProxyMessageDecoder());
                    }
                    if (ssl != null) {
                      pipeline.addLast(ssl.newHandler(channel.alloc()));
                    }
                    pipeline.addLast(
                        new ChannelConnection(
                            channel.attr(ListenerLoops.INSTANCE).get(),
                            settings.proxyProtocol(),
                            ssl != null));
                  }
                });
    if (settings.sendBufferBytes() > 0) {
      bootstrap.childOption(ChannelOption.SO_SNDBUF, settings.sendBufferBytes());
    }
    Promise<Channel> promise = Promise.promise();
    bootstrap
        .bind(settings.host(), Math.max(settings.port(), 0))
        .addListener(
            done -> {
              if (done.isSuccess()) {
                promise.complete(((ChannelFuture) done).channel());
              } else {
                promise.fail(done.cause());
              }
            });
    return promise.future();
  }

  /**
   * Joins the port for the calling listener instance, binding it if this is the first.
   *
   * @param vertx the Vert.x instance; must be called on a listener instance's event loop context
   * @param settings how to listen
   * @param accept receives each connection accepted for this instance, on its context
   * @return the instance's part of the port once the port is bound; failed when it cannot be bound
   *     (the address in use, a certificate that cannot be read)
   */
  static Future<Instance> join(Vertx vertx, Settings settings, Handler<Connection> accept) {
    VertxInternal internal = (VertxInternal) vertx;
    ContextInternal context = internal.getOrCreateContext();
    LocalMap<String, TcpPort> ports = vertx.sharedData().getLocalMap(PORTS);
    String key = settings.host() + ":" + settings.port();
    TcpPort port =
        settings.port() == 0
            ? new TcpPort(internal, key, settings)
            : ports.computeIfAbsent(key, k -> new TcpPort(internal, k, settings));
    Instance instance = new Instance(port, context, accept);
    port.loops.add(instance);
    // Completed on the caller's context, whatever thread binds the port.
    Promise<Instance> joined = context.promise();
    port.bound.onComplete(
        channel -> joined.complete(instance),
        failure -> {
          port.loops.remove(instance);
          ports.remove(key, port);
          joined.fail(failure);
        });
    return joined.future();
  }

  private Future<Void> leave(Instance instance) {
    if (!loops.remove(instance)) {
      return Future.succeededFuture();
    }
    instance.context.owner().sharedData().<String, TcpPort>getLocalMap(PORTS).remove(key, this);
    return bound.compose(
        channel -> {
          Promise<Void> closed = instance.context.promise();
          channel.close().addListener(done -> closed.tryComplete());
          return closed.future();
        },
        failure -> Future.succeededFuture());
  }

  /**
   * One listener instance's part of a port: its context and the connections accepted for it.
   * Confined to the instance's event loop.
   */
  static final class Instance {
    private final TcpPort port;
    private final ContextInternal context;
    private final Handler<Connection> accept;
    private final Set<ChannelConnection> open = new HashSet<>();
    private Promise<Void> drained;

    private Instance(TcpPort port, ContextInternal context, Handler<Connection> accept) {
      this.port = port;
      this.context = context;
      this.accept = accept;
    }

    EventLoop loop() {
      return context.nettyEventLoop();
    }

    ContextInternal context() {
      return context;
    }

    Handler<Connection> accept() {
      return accept;
    }

    void opened(ChannelConnection connection) {
      open.add(connection);
    }

    void closed(ChannelConnection connection) {
      open.remove(connection);
      if (drained != null && open.isEmpty()) {
        drained.tryComplete();
      }
    }

    /**
     * The port the instance listens on.
     *
     * @return the bound port, or -1 before it is bound
     */
    int actualPort() {
      Channel channel = port.bound.result();
      return channel == null ? -1 : ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /**
     * Stops accepting for this instance and asks each of its connections to end gracefully ({@link
     * ChannelConnection#shutdown}); what is still open after {@code timeout} is closed at once.
     * Called on the instance's context.
     *
     * @return completed once every connection of the instance has closed and, for the last
     *     instance, the port is closed
     */
    Future<Void> shutdown(Duration timeout) {
      Future<Void> unbound = port.leave(this);
      drained = context.promise();
      for (ChannelConnection connection : List.copyOf(open)) {
        connection.shutdown();
      }
      if (open.isEmpty()) {
        drained.tryComplete();
      }
      long timer =
          context
              .owner()
              .setTimer(
                  timeout.toMillis(),
                  t -> {
                    for (ChannelConnection connection : new ArrayList<>(open)) {
                      connection.abort();
                    }
                  });
      return Future.all(unbound, drained.future())
          .<Void>mapEmpty()
          .andThen(done -> context.owner().cancelTimer(timer));
    }
  }
}
