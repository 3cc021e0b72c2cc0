package dev.parley.transport;

import dev.parley.config.ParleyConfig;
import dev.parley.session.Connection;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Duration;

/**
 * A port of plain TCP connections: the chat port (PROTOCOL.md), speaking the line protocol, or the
 * IRC port (section 14). A Vert.x {@link NetServer} with TLS when its {@code tls.*} paths are set,
 * the PROXY protocol when its {@code proxyProtocol} is on, and each socket's write queue bounded at
 * {@code slowClient.maxQueuedBytes} bytes. Accepted sockets are handed on as {@link Connection}s.
 * Confined to its verticle's context.
 */
final class ChatListener {
  private final NetServer server;

  /**
   * The chat port ({@code server.*}); nothing listens before {@link #listen}.
   *
   * @param vertx the verticle's Vert.x
   * @param config the node's settings ({@code server.*}, {@code slowClient.sendBufferBytes} and
   *     {@code slowClient.maxQueuedBytes})
   * @param port the port; negative for a random port shared by every listener given that number
   * @param accept receives each accepted connection, on the verticle's event loop
   */
  static ChatListener chat(Vertx vertx, ParleyConfig config, int port, Handler<Connection> accept) {
    ParleyConfig.Server server = config.server();
    return new ChatListener(
        vertx, config, server.host(), port, server.proxyProtocol(), server.tls(), accept);
  }

  /**
   * The IRC port ({@code irc.*}), in the same form as {@link #chat}.
   *
   * @param port the port; negative for a random port shared by every listener given that number
   */
  static ChatListener irc(Vertx vertx, ParleyConfig config, int port, Handler<Connection> accept) {
    ParleyConfig.Irc irc = config.irc();
    return new ChatListener(
        vertx, config, irc.host(), port, irc.proxyProtocol(), irc.tls(), accept);
  }

  private ChatListener(
      Vertx vertx,
      ParleyConfig config,
      String host,
      int port,
      boolean proxyProtocol,
      ParleyConfig.Tls tls,
      Handler<Connection> accept) {
    NetServerOptions options =
        new NetServerOptions()
            .setHost(host)
            .setPort(port)
            .setTcpNoDelay(true)
            .setReuseAddress(true)
            .setUseProxyProtocol(proxyProtocol);
    int sendBuffer = config.slowClient().sendBufferBytes();
    if (sendBuffer > 0) {
      options.setSendBufferSize(sendBuffer);
    }
    if (tls.enabled()) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions().setCertPath(tls.certPath()).setKeyPath(tls.keyPath()));
    }
    server =
        vertx
            .createNetServer(options)
            .connectHandler(
                socket -> {
                  socket.setWriteQueueMaxSize(config.slowClient().maxQueuedBytes());
                  accept.handle(new TcpConnection(socket));
                });
  }

  /** Starts listening; fails when the port cannot be bound. */
  Future<NetServer> listen() {
    return server.listen();
  }

  /** The port listened on, once {@link #listen} has succeeded. */
  int actualPort() {
    return server.actualPort();
  }

  /**
   * Stops accepting and shuts the open connections down gracefully (each session's shutdown handler
   * runs), closing what is still open after {@code timeout}.
   */
  Future<Void> shutdown(Duration timeout) {
    return server.shutdown(timeout);
  }
}
