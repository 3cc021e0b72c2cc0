package dev.parley.transport;

import dev.parley.accounts.TokenCheck;
import dev.parley.config.ParleyConfig;
import dev.parley.session.Connection;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocketHandshake;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.impl.SocketAddressImpl;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web port (PROTOCOL.md section 11): the chat page at {@code /} ({@link WebPage}) and the chat
 * at {@code /chat} over WebSocket. A handshake on another path gets 404; one whose {@code Origin}
 * is neither the page's own (its scheme, and the handshake's {@code Host}) nor in {@code
 * web.allowedOrigins} gets 403; one without {@code Origin} (not a browser) is accepted. With signed
 * tokens on ({@code accounts.jwt.*}, PROTOCOL.md section 12, "tokens"), a handshake that carries a
 * token, as {@code Authorization: Bearer TOKEN} or {@code ?token=TOKEN} (the header is taken when
 * both are given), is upgraded only when {@link TokenCheck} takes it, and its connection is then
 * logged in to the token's account; any other token gets 401 and no upgrade. A handshake without a
 * token is upgraded as usual; with tokens off, a token is ignored. Accepted WebSockets are handed
 * on as {@link Connection}s, and the connection limits are the session's to apply, as for TCP. The
 * operations endpoints are not served here. A token is never logged. Confined to its verticle's
 * context.
 */
final class WebListener {
  private static final Logger LOG = LoggerFactory.getLogger(WebListener.class);
  private static final String BEARER = "bearer ";

  private final ParleyConfig config;
  private final HttpServer server;
  private final int port;
  private final TokenCheck tokens;
  private final Handler<Connection> accept;

  /**
   * Creates the listener; nothing listens before {@link #listen}.
   *
   * @param vertx the verticle's Vert.x
   * @param config the node's settings ({@code web.*}, {@code server.proxyProtocol}, {@code
   *     slowClient.maxQueuedBytes}, {@code slowClient.sendBufferBytes})
   * @param port the port; negative for a random port shared by every listener given that number
   * @param page the page's files
   * @param tokens the check of signed tokens, or {@code null} when tokens are off
   * @param accept receives each accepted WebSocket
   */
  WebListener(
      Vertx vertx,
      ParleyConfig config,
      int port,
      WebPage page,
      TokenCheck tokens,
      Handler<Connection> accept) {
    this.config = config;
    this.port = port;
    this.tokens = tokens;
    this.accept = accept;
    ParleyConfig.Web web = config.web();
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(web.host())
            .setTcpNoDelay(true)
            .setReuseAddress(true)
            .setUseProxyProtocol(config.server().proxyProtocol())
            .setMaxWebSocketFrameSize(WebSocketConnection.MAX_MESSAGE_BYTES)
            .setMaxWebSocketMessageSize(WebSocketConnection.MAX_MESSAGE_BYTES);
    // As on the chat port: a bounded kernel buffer, so that a reader that stops fills its queue.
    int sendBuffer = config.slowClient().sendBufferBytes();
    if (sendBuffer > 0) {
      options.setSendBufferSize(sendBuffer);
    }
    if (web.tls().enabled()) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertPath(web.tls().certPath())
                  .setKeyPath(web.tls().keyPath()));
    }
    server =
        vertx
            .createHttpServer(options)
            .requestHandler(page::serve)
            .webSocketHandshakeHandler(this::handshake);
  }

  private void handshake(ServerWebSocketHandshake handshake) {
    if (!"/chat".equals(handshake.path())) {
      handshake.reject(404);
      return;
    }
    String origin = handshake.headers().get("Origin");
    if (origin != null && !allowed(origin, handshake)) {
      handshake.reject(403);
      return;
    }
    String token = tokens == null ? null : token(handshake);
    if (token == null) {
      upgrade(handshake, null);
      return;
    }
    tokens
        .account(token)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                upgrade(handshake, ar.result());
              } else {
                LOG.info(
                    "token refused from {}: {}",
                    handshake.remoteAddress().hostAddress(),
                    ar.cause().getMessage());
                handshake.reject(401);
              }
            });
  }

  /** Upgrades the connection and hands it on, logged in to {@code account} when not null. */
  private void upgrade(ServerWebSocketHandshake handshake, String account) {
    handshake
        .accept()
        .onSuccess(
            socket -> {
              socket.setWriteQueueMaxSize(config.slowClient().maxQueuedBytes());
              accept.handle(new WebSocketConnection(socket, account));
            });
  }

  /**
   * The token a handshake carries: {@code Authorization: Bearer TOKEN}, else the first {@code
   * token} parameter of the query (URL-decoded).
   *
   * @return the token, possibly empty, or {@code null} when there is none
   */
  private static String token(ServerWebSocketHandshake handshake) {
    String authorization = handshake.headers().get("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return authorization.substring(BEARER.length()).strip();
    }
    String query = handshake.query();
    if (query == null) {
      return null;
    }
    for (String parameter : query.split("&")) {
      if (parameter.equals("token") || parameter.startsWith("token=")) {
        String value = parameter.substring(Math.min(parameter.length(), "token=".length()));
        try {
          return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return "";
        }
      }
    }
    return null;
  }

  private boolean allowed(String origin, ServerWebSocketHandshake handshake) {
    List<String> allowed = config.web().allowedOrigins();
    String host = handshake.headers().get("Host");
    String own = (handshake.isSsl() ? "https://" : "http://") + host;
    return (host != null && origin.equalsIgnoreCase(own))
        || allowed.stream().anyMatch(origin::equalsIgnoreCase);
  }

  /** Starts listening. */
  Future<HttpServer> listen() {
    // Vert.x's shared random port is a negative one, which SocketAddress.inetSocketAddress and
    // HttpServerOptions.setPort refuse; the address's implementation takes it as NetServer does.
    return server.listen(new SocketAddressImpl(port, config.web().host()));
  }

  /** The actual port, once listening. */
  int actualPort() {
    return server.actualPort();
  }

  /**
   * Stops accepting and lets each WebSocket's session say goodbye and close (status 1001).
   *
   * @param timeout how long the sessions have at most
   */
  Future<Void> shutdown(Duration timeout) {
    return server.shutdown(timeout);
  }
}
