package dev.parley.transport;

import dev.parley.config.ParleyConfig;
import dev.parley.session.Connection;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * A port of plain TCP connections: the chat port (PROTOCOL.md), speaking the line protocol, or the
 * IRC port (section 14): one listener instance's part of a {@link TcpPort}, with TLS when its
 * {@code tls.*} paths are set, the PROXY protocol when its {@code proxyProtocol} is on, and each
 * connection's write queue bounded at {@code slowClient.maxQueuedBytes} bytes. Accepted connections
 * are handed on as {@link Connection}s. Confined to its verticle's context.
 */
final class ChatListener {
  private final Vertx vertx;
  private final TcpPort.Settings settings;
  private final Handler<Connection> accept;
  private TcpPort.Instance instance;

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
    this.vertx = vertx;
    this.accept = accept;
    this.settings =
        new TcpPort.Settings(
            host,
            port,
            proxyProtocol,
            tls,
            config.slowClient().sendBufferBytes(),
            config.slowClient().maxQueuedBytes());
  }

  /**
   * Starts listening; called on the verticle's context.
   *
   * @return completed once the port is bound; failed when it cannot be bound
   */
  Future<Void> listen() {
    return TcpPort.join(vertx, settings, accept)
        .map(
            joined -> {
              instance = joined;
              return null;
            });
  }

  /** The port listened on, once {@link #listen} has succeeded. */
  int actualPort() {
    return instance == null ? -1 : instance.actualPort();
  }

  /**
   * Stops accepting and shuts the open connections down gracefully (each session's shutdown handler
   * runs), closing what is still open after {@code timeout}.
   */
  Future<Void> shutdown(Duration timeout) {
    return instance == null ? Future.succeededFuture() : instance.shutdown(timeout);
  }
}
