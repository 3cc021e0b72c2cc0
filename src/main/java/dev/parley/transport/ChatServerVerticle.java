package dev.parley.transport;

import dev.parley.bus.Addresses;
import dev.parley.bus.Evicted;
import dev.parley.bus.PrivateLine;
import dev.parley.bus.RelayedEvent;
import dev.parley.config.ParleyConfig;
import dev.parley.ops.ParleyMetrics;
import dev.parley.protocol.EncodedLine;
import dev.parley.room.RoomEvent;
import dev.parley.session.Connection;
import dev.parley.session.Outbox;
import dev.parley.session.Session;
import dev.parley.session.SessionHost;
import dev.parley.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The chat listener: a Vert.x {@link NetServer} speaking the line protocol and, with {@code
 * web.enabled}, the web port's WebSocket ({@link WebListener}), one {@link Session} per connection
 * whatever its transport. Deployed with {@code server.instances} instances that share one port,
 * each on its own event loop; a periodic sweep (every {@code idle.sweepSeconds}) closes connections
 * that never gave a name within the idle timeout and connections whose outbound queue stayed full
 * past {@code slowClient.timeoutSeconds}. Undeploying it runs the graceful shutdown of the
 * protocol: every client receives {@code * server is shutting down}, its pending output is flushed
 * for up to {@code shutdown.drainSeconds}, then it is closed.
 */
public final class ChatServerVerticle extends VerticleBase implements SessionHost, Outbox.Flusher {

  private final ParleyConfig config;
  private final TimeSource time;
  private final String nodeId;
  private final int port;
  private final int webPort;
  private WebListener web;
  private final ParleyMetrics metrics;
  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final Map<String, Set<Session>> byRoom = new HashMap<>();
  private final Set<Session> movers = new LinkedHashSet<>();
  private final List<Following> unfollowing = new ArrayList<>();
  private boolean fanningOut;
  private NetServer server;
  private long sweepTimer = -1;
  private final List<Outbox> toFlush = new ArrayList<>();
  private boolean flushScheduled;
  private boolean closing;

  /**
   * Creates one instance of the listener.
   *
   * @param config the node's settings
   * @param time the time source for timeouts and flood control
   * @param nodeId the id of this node, unique in the cluster
   * @param port the port to listen on; a negative number is a random port shared by every instance
   *     given the same number (Vert.x's shared ephemeral port)
   * @param webPort the web port ({@code web.*}), in the same form as {@code port}; ignored when
   *     {@code web.enabled} is false
   * @param metrics the node's meters
   */
  public ChatServerVerticle(
      ParleyConfig config,
      TimeSource time,
      String nodeId,
      int port,
      int webPort,
      ParleyMetrics metrics) {
    this.config = config;
    this.time = time;
    this.nodeId = nodeId;
    this.port = port;
    this.webPort = webPort;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
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
                  accept(new TcpConnection(socket));
                });
    sweepTimer = vertx.setPeriodic(config.idle().sweep().toMillis(), id -> sweep());
    EventBus bus = vertx.eventBus();
    return Future.all(
            bus.localConsumer(Addresses.NODE_CLOSING, m -> beginShutdown()).completion(),
            bus.<RelayedEvent>localConsumer(Addresses.LOCAL_EVENTS, m -> fanOut(m.body()))
                .completion(),
            bus.localConsumer(Addresses.LOCAL_DIRECT, m -> direct(m.body())).completion())
        .compose(v -> server.listen())
        .compose(v -> config.web().enabled() ? listenOnTheWeb() : Future.succeededFuture());
  }

  private Future<?> listenOnTheWeb() {
    return WebPage.load(vertx)
        .compose(
            page -> {
              web = new WebListener(vertx, config, webPort, page, this::accept);
              return web.listen();
            })
        .recover(
            failure ->
                Future.failedFuture(
                    new WebPortException(
                        "cannot listen for the web on "
                            + config.web().host()
                            + ":"
                            + config.web().port()
                            + ": "
                            + failure.getMessage(),
                        failure)));
  }

  /**
   * The web port this instance listens on.
   *
   * @return the actual port, once started, or -1 when {@code web.enabled} is false
   */
  public int actualWebPort() {
    return web == null ? -1 : web.actualPort();
  }

  /**
   * The port this instance listens on.
   *
   * @return the actual port, once started
   */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    long drainMillis = config.shutdown().drain().toMillis();
    Duration drain = Duration.ofMillis(drainMillis + 500);
    return Future.join(
        server.shutdown(drain), web == null ? Future.succeededFuture() : web.shutdown(drain));
  }

  /**
   * Hands a room event to the sessions of this listener: one event-bus delivery per listener. An
   * arrival or departure that is not announced (a large room) concerns only the member itself (a
   * session between two rooms learns of its own departure), so it goes to that session alone:
   * joining a large room costs no work per other member.
   */
  /** A session and a room it follows. */
  private record Following(Session session, String room) {}

  private void fanOut(RelayedEvent relayed) {
    Object event = relayed.event();
    EncodedLine line = relayed.line();
    if (line == null && event instanceof RoomEvent quiet) {
      Session session = sessions.get(quiet.sessionId());
      if (session != null) {
        session.onEvent(relayed);
      }
      return;
    }
    if (!(event instanceof RoomEvent roomEvent)) {
      for (Session session : sessions.values()) {
        session.onEvent(relayed);
      }
      return;
    }
    Set<Session> followers = byRoom.getOrDefault(roomEvent.room(), Set.of());
    fanningOut = true;
    try {
      for (Session session : followers) {
        session.onEvent(relayed);
      }
      for (Session session : movers) {
        if (!followers.contains(session)) {
          session.onEvent(relayed);
        }
      }
    } finally {
      fanningOut = false;
    }
    // A session that learnt of its own departure stops following the room only now, after the
    // loop over the room's followers.
    for (Following done : unfollowing) {
      unfollow(done.session(), done.room());
    }
    unfollowing.clear();
  }

  @Override
  public void follow(Session session, String room) {
    byRoom.computeIfAbsent(room, r -> new LinkedHashSet<>()).add(session);
  }

  @Override
  public void unfollow(Session session, String room) {
    if (fanningOut) {
      unfollowing.add(new Following(session, room));
      return;
    }
    Set<Session> followers = byRoom.get(room);
    if (followers != null && followers.remove(session) && followers.isEmpty()) {
      byRoom.remove(room);
    }
  }

  @Override
  public void followAll(Session session, boolean on) {
    if (on) {
      movers.add(session);
    } else {
      movers.remove(session);
    }
  }

  private void direct(Object body) {
    String sessionId =
        body instanceof PrivateLine line ? line.sessionId() : ((Evicted) body).sessionId();
    Session session = sessions.get(sessionId);
    if (session != null) {
      session.onDirect(body);
    }
  }

  /** A client connected, over TCP or WebSocket: its session starts. */
  private void accept(Connection connection) {
    Session session = new Session(this, connection);
    sessions.put(session.id(), session);
    session.start();
    if (closing) {
      session.beginShutdown();
    }
  }

  private void beginShutdown() {
    closing = true;
    for (Session session : new ArrayList<>(sessions.values())) {
      session.beginShutdown();
    }
  }

  private void sweep() {
    long now = time.nanoTime();
    for (Session session : new ArrayList<>(sessions.values())) {
      session.sweep(now);
    }
  }

  @Override
  public Vertx vertx() {
    return vertx;
  }

  @Override
  public ParleyConfig settings() {
    return config;
  }

  @Override
  public TimeSource time() {
    return time;
  }

  @Override
  public ParleyMetrics metrics() {
    return metrics;
  }

  @Override
  public Outbox.Flusher flusher() {
    return this;
  }

  /**
   * Collects outboxes with lines waiting and flushes them all in one task queued behind the tasks
   * already waiting on this event loop: the more events arrive at once, the more lines go out in
   * each write.
   */
  @Override
  public void flushLater(Outbox outbox) {
    toFlush.add(outbox);
    if (!flushScheduled) {
      flushScheduled = true;
      context.runOnContext(v -> flushAll());
    }
  }

  private void flushAll() {
    flushScheduled = false;
    for (int i = 0; i < toFlush.size(); i++) {
      toFlush.get(i).flush();
    }
    toFlush.clear();
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public void forget(Session session) {
    sessions.remove(session.id());
    movers.remove(session);
  }

  @Override
  public boolean isOpen(Session session) {
    return sessions.get(session.id()) == session;
  }
}
