package dev.parley.transport;

import dev.parley.accounts.Accounts;
import dev.parley.accounts.TokenCheck;
import dev.parley.bus.Addresses;
import dev.parley.bus.RelayedEvent;
import dev.parley.config.ParleyConfig;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.placement.RoomGroups;
import dev.parley.session.Connection;
import dev.parley.session.Follower;
import dev.parley.session.Outbox;
import dev.parley.session.Session;
import dev.parley.session.SessionHost;
import dev.parley.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.UUID;

/**
 * One listener instance: the chat port ({@link ChatListener}) and, with {@code web.enabled}, the
 * web port's WebSocket ({@link WebListener}), one {@link Session} per connection whatever its
 * transport. Deployed with {@code server.instances} instances that share one port, each on its own
 * event loop. It wires its parts and is their {@link SessionHost}: the sessions and the fan-out of
 * the node's relayed events to them ({@link SessionRegistry}), the end-of-turn flush ({@link
 * OutboxFlusher}), the periodic sweep every {@code idle.sweepSeconds} ({@link Sweeper}: a name not
 * given within the idle timeout, an outbound queue full past {@code slowClient.timeoutSeconds}) and
 * the graceful shutdown ({@link ListenerShutdown}: every client receives {@code * server is
 * shutting down}, its pending output is flushed for up to {@code shutdown.drainSeconds}, then it is
 * closed). Everything here is confined to the instance's event loop.
 */
public final class ChatServerVerticle extends VerticleBase implements SessionHost {
  private final Accounts accounts;
  private final RoomGroups roomGroups;

  private final ParleyConfig config;
  private final TimeSource time;
  private final String nodeId;
  private final int port;
  private final int webPort;
  private WebListener web;
  private final ParleyMetrics metrics;
  private final SessionRegistry sessions = new SessionRegistry();
  // This listener's sessions: ids are the prefix and their number, in base 36.
  private final String sessionPrefix = UUID.randomUUID() + "-";
  private long sessionsMade;
  private ChatListener chat;
  private Sweeper sweeper;
  private OutboxFlusher flusher;
  private ListenerShutdown shutdown;

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
   * @param roomGroups how many room groups the cluster has (1 on a single node)
   * @param accounts the node's accounts
   */
  public ChatServerVerticle(
      ParleyConfig config,
      TimeSource time,
      String nodeId,
      int port,
      int webPort,
      ParleyMetrics metrics,
      int roomGroups,
      Accounts accounts) {
    this.accounts = accounts;
    this.roomGroups = new RoomGroups(roomGroups);
    this.config = config;
    this.time = time;
    this.nodeId = nodeId;
    this.port = port;
    this.webPort = webPort;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    flusher = new OutboxFlusher(context);
    shutdown = new ListenerShutdown(sessions, config.shutdown().drain().toMillis());
    chat = new ChatListener(vertx, config, port, this::accept);
    sweeper = new Sweeper(vertx, time, sessions);
    sweeper.start(config.idle().sweep().toMillis());
    EventBus bus = vertx.eventBus();
    return Future.all(
            bus.localConsumer(Addresses.NODE_CLOSING, m -> shutdown.begin()).completion(),
            bus.<RelayedEvent>localConsumer(Addresses.LOCAL_EVENTS, m -> sessions.fanOut(m.body()))
                .completion(),
            bus.localConsumer(Addresses.LOCAL_DIRECT, m -> sessions.direct(m.body())).completion())
        .compose(v -> chat.listen())
        .compose(v -> config.web().enabled() ? listenOnTheWeb() : Future.succeededFuture());
  }

  private Future<?> listenOnTheWeb() {
    ParleyConfig.Jwt jwt = config.accounts().jwt();
    Future<TokenCheck> tokens =
        jwt.enabled()
            ? TokenCheck.create(vertx, jwt)
                .recover(
                    failure ->
                        Future.failedFuture(new WebPortException(failure.getMessage(), failure)))
            : Future.succeededFuture();
    return tokens.compose(
        check ->
            WebPage.load(vertx)
                .compose(
                    page -> {
                      web = new WebListener(vertx, config, webPort, page, check, this::accept);
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
                                failure))));
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
    return chat.actualPort();
  }

  @Override
  public Future<?> stop() {
    sweeper.stop();
    return shutdown.stop(chat, web);
  }

  /** A client connected, over TCP or WebSocket: its session starts. */
  private void accept(Connection connection) {
    Session session = new Session(this, connection);
    sessions.add(session);
    session.start();
    shutdown.started(session);
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
  public Accounts accounts() {
    return accounts;
  }

  @Override
  public ParleyMetrics metrics() {
    return metrics;
  }

  @Override
  public Outbox.Flusher flusher() {
    return flusher;
  }

  @Override
  public String nodeId() {
    return nodeId;
  }

  @Override
  public RoomGroups roomGroups() {
    return roomGroups;
  }

  @Override
  public String newSessionId() {
    return sessionPrefix + Long.toString(++sessionsMade, 36);
  }

  @Override
  public void forget(Follower session) {
    sessions.forget(session);
  }

  @Override
  public void follow(Follower session, String room) {
    sessions.follow(session, room);
  }

  @Override
  public void unfollow(Follower session, String room) {
    sessions.unfollow(session, room);
  }

  @Override
  public void followAll(Follower session, boolean on) {
    sessions.followAll(session, on);
  }

  @Override
  public boolean isOpen(Follower session) {
    return sessions.isOpen(session);
  }
}
