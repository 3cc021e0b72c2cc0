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
 * The chat port (PROTOCOL.md): a Vert.x {@link NetServer} speaking the line protocol over TCP, with
 * TLS when {@code server.tls.enabled}, the PROXY protocol when {@code server.proxyProtocol}, and
 * each socket's write queue bounded at {@code slowClient.maxQueuedBytes} bytes. Accepted sockets
 * are handed on as {@link Connection}s. Confined to its verticle's context.
 */
final class ChatListener {
  private final NetServer server;

  /**
   * Creates the listener; nothing listens before {@link #listen}.
   *
   * @param vertx the verticle's Vert.x
   * @param config the node's settings ({@code server.*}, {@code slowClient.sendBufferBytes} and
   *     {@code slowClient.maxQueuedBytes})
   * @param port the port; negative for a random port shared by every listener given that number
   * @param accept receives each accepted connection, on the verticle's event loop
   */
  ChatListener(Vertx vertx, ParleyConfig config, int port, Handler<Connection> accept) {
    NetServerOptions options =
        new NetServerOptions()
            .setHost(config.server().host())
            .setPort(port)
            .setTcpNoDelay(true)
            .setReuseAddress(true)
            .setUseProxyProtocol(config.server().proxyProtocol());
    int sendBuffer = config.slowClient().sendBufferBytes();
    if (sendBuffer > 0) {
      options.setSendBufferSize(sendBuffer);
    }
    ParleyConfig.Tls tls = config.server().tls();
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
