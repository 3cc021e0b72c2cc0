package dev.parley;

import dev.parley.accounts.Accounts;
import dev.parley.api.Nodes;
import dev.parley.bus.Addresses;
import dev.parley.bus.RoomCodecs;
import dev.parley.config.ParleyConfig;
import dev.parley.irc.IrcMonitor;
import dev.parley.irc.IrcWhowas;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.node.RoomRelay;
import dev.parley.ops.OpsServer;
import dev.parley.placement.RoomGroups;
import dev.parley.placement.RoomPlacement;
import dev.parley.rooms.ApiFront;
import dev.parley.rooms.RoomHost;
import dev.parley.store.Store;
import dev.parley.time.TimeSource;
import dev.parley.transport.ChatServerVerticle;
import dev.parley.transport.ConnectionGate;
import dev.parley.transport.WebPortException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.internal.VertxInternal;
import io.vertx.micrometer.backends.BackendRegistries;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parley inside a Vert.x application: {@link #deploy} adds the chat server's verticles to a {@code
 * Vertx} the application already has (clustered or not), {@link #close} takes them away again and
 * closes every socket they opened. One Parley per {@code Vertx} instance: its event-bus addresses
 * are fixed. When the {@code Vertx} is clustered, the node joins the cluster's room.
 *
 * <pre>{@code
 * Vertx vertx = Vertx.vertx();
 * ParleyConfig config = ParleyConfig.fromJson(new JsonObject().put("server",
 *     new JsonObject().put("port", 7000)));
 * Parley.deploy(vertx, config).onSuccess(parley ->
 *     System.out.println("chat on port " + parley.port()));
 * }</pre>
 */
public final class Parley {
  private static final AtomicInteger SHARED_PORT_KEYS = new AtomicInteger();

  private final Vertx vertx;
  private final String nodeId;
  private final int port;
  private final int opsPort;
  private final int webPort;
  private final int ircPort;
  private final ParleyMetrics metrics;
  private final List<String> deployments;
  private final String opsDeployment;
  private final Accounts accounts;

  private Parley(
      Vertx vertx,
      String nodeId,
      int port,
      int webPort,
      int ircPort,
      int opsPort,
      ParleyMetrics metrics,
      List<String> deployments,
      String opsDeployment,
      Accounts accounts) {
    this.accounts = accounts;
    this.webPort = webPort;
    this.ircPort = ircPort;
    this.vertx = vertx;
    this.opsDeployment = opsDeployment;
    this.nodeId = nodeId;
    this.port = port;
    this.opsPort = opsPort;
    this.metrics = metrics;
    this.deployments = List.copyOf(deployments);
  }

  /**
   * Deploys Parley with the system clock. Its meters go to Vert.x's Micrometer registry when Vert.x
   * was built with vertx-micrometer-metrics, otherwise to a Prometheus registry of its own.
   *
   * @param vertx the application's Vert.x instance
   * @param config the settings
   * @return Parley once it listens, or a failure whose message says what went wrong (such as a port
   *     already in use)
   */
  public static Future<Parley> deploy(Vertx vertx, ParleyConfig config) {
    return deploy(vertx, config, TimeSource.system());
  }

  /**
   * Deploys Parley with a time source of the caller's (tests use one they can move forward).
   *
   * @param vertx the application's Vert.x instance
   * @param config the settings
   * @param time the time source for timeouts, flood control and timestamps
   * @return Parley once it listens, or a failure whose message says what went wrong
   */
  public static Future<Parley> deploy(Vertx vertx, ParleyConfig config, TimeSource time) {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return deploy(
        vertx,
        config,
        time,
        registry != null ? registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /**
   * Deploys Parley with a time source and a meter registry of the caller's.
   *
   * @param vertx the application's Vert.x instance
   * @param config the settings
   * @param time the time source for timeouts, flood control and timestamps
   * @param registry where Parley's meters go; {@code /metrics} serves it when it is a {@code
   *     PrometheusMeterRegistry}
   * @return Parley once it listens, or a failure whose message says what went wrong
   */
  public static Future<Parley> deploy(
      Vertx vertx, ParleyConfig config, TimeSource time, MeterRegistry registry) {
    RoomCodecs.register(vertx.eventBus());
    ParleyMetrics metrics = new ParleyMetrics(registry);
    String clusterNode = Nodes.id(vertx);
    String nodeId = clusterNode != null ? clusterNode : UUID.randomUUID().toString();
    int roomGroups = clusterNode != null ? RoomGroups.IN_A_CLUSTER : 1;
    int instances =
        config.server().instances() > 0 ? config.server().instances() : eventLoops(vertx);
    int listenPort =
        config.server().port() > 0
            ? config.server().port()
            : -1 - (SHARED_PORT_KEYS.getAndIncrement() & 0x3fff_ffff);
    int webPort =
        config.web().port() > 0
            ? config.web().port()
            : -1 - (SHARED_PORT_KEYS.getAndIncrement() & 0x3fff_ffff);
    int ircPort =
        config.irc().port() > 0
            ? config.irc().port()
            : -1 - (SHARED_PORT_KEYS.getAndIncrement() & 0x3fff_ffff);
    List<String> deployed = new ArrayList<>();
    List<ChatServerVerticle> servers = new ArrayList<>();
    // Deployed first and so undeployed last: the rooms write their last lines before it closes.
    Store store = Store.create(config.store());
    OpsServer ops = new OpsServer(config, metrics, store.health(), roomGroups);
    Accounts accounts = new Accounts(config, store, time);
    return deployInto(vertx, deployed, store)
        .compose(v -> deployInto(vertx, deployed, accounts))
        .compose(v -> deployInto(vertx, deployed, new ConnectionGate(config, metrics, time)))
        .compose(v -> deployInto(vertx, deployed, new ApiFront(config, roomGroups, accounts)))
        .compose(
            v ->
                deployInto(
                    vertx,
                    deployed,
                    new RoomRelay(
                        nodeId,
                        config.rooms().defaultRoom(),
                        config.history(),
                        metrics,
                        roomGroups,
                        roomHosts(config, time, nodeId, roomGroups, metrics, store))))
        .compose(
            v ->
                config.irc().enabled()
                    ? deployInto(vertx, deployed, new IrcWhowas())
                        .compose(w -> deployInto(vertx, deployed, new IrcMonitor()))
                    : Future.succeededFuture())
        .compose(
            v ->
                vertx
                    .deployVerticle(
                        () -> {
                          ChatServerVerticle server =
                              new ChatServerVerticle(
                                  config,
                                  time,
                                  nodeId,
                                  listenPort,
                                  webPort,
                                  ircPort,
                                  metrics,
                                  roomGroups,
                                  accounts);
                          servers.add(server);
                          return server;
                        },
                        new DeploymentOptions().setInstances(instances))
                    .recover(
                        failure ->
                            failure instanceof WebPortException
                                ? Future.failedFuture(failure)
                                : cannotListen(
                                    "", config.server().host(), config.server().port(), failure))
                    .onSuccess(id -> deployed.add(0, id)))
        .compose(
            v ->
                config.http().enabled()
                    ? deployInto(vertx, deployed, ops)
                        .recover(
                            failure ->
                                cannotListen(
                                    "for operations ",
                                    config.http().host(),
                                    config.http().port(),
                                    failure))
                    : Future.<Void>succeededFuture())
        .recover(failure -> undeploy(vertx, deployed).transform(v -> Future.failedFuture(failure)))
        .map(
            v ->
                new Parley(
                    vertx,
                    nodeId,
                    servers.get(0).actualPort(),
                    servers.get(0).actualWebPort(),
                    servers.get(0).actualIrcPort(),
                    config.http().enabled() ? ops.actualPort() : -1,
                    metrics,
                    deployed,
                    config.http().enabled() ? deployed.get(0) : null,
                    accounts));
  }

  /**
   * The node's placement of the room groups, the relay's one child: it runs a host for each group
   * placed on this node, which campaigns for its group.
   */
  private static List<Deployable> roomHosts(
      ParleyConfig config,
      TimeSource time,
      String nodeId,
      int roomGroups,
      ParleyMetrics metrics,
      Store store) {
    return List.of(
        new RoomPlacement(
            nodeId,
            roomGroups,
            g ->
                new RoomHost(
                    config, time, nodeId, g, roomGroups, roomsListener(metrics), store, metrics)));
  }

  /**
   * Counts one room group's takeovers and open rooms in the node's meters; the node's open rooms
   * are the sum over the groups it hosts. Called on the group's context only.
   */
  private static RoomHost.Listener roomsListener(ParleyMetrics metrics) {
    return new RoomHost.Listener() {
      private int ordered;

      @Override
      public void tookOver() {
        metrics.failover();
      }

      @Override
      public void roomsOrdered(int count) {
        metrics.roomsChanged(count - ordered);
        ordered = count;
      }
    };
  }

  private static <T> Future<T> cannotListen(String what, String host, int port, Throwable failure) {
    return Future.failedFuture(
        new IllegalStateException(
            "cannot listen " + what + "on " + host + ":" + port + ": " + failure.getMessage(),
            failure));
  }

  /** Deploys one verticle and records its id first in {@code deployed} (undeploy order). */
  private static Future<Void> deployInto(Vertx vertx, List<String> deployed, Deployable verticle) {
    return vertx
        .deployVerticle(verticle, new DeploymentOptions())
        .map(
            id -> {
              deployed.add(0, id);
              return null;
            });
  }

  private static int eventLoops(Vertx vertx) {
    int count = 0;
    for (EventExecutor ignored : ((VertxInternal) vertx).eventLoopGroup()) {
      count++;
    }
    return Math.max(1, count);
  }

  private static Future<Void> undeploy(Vertx vertx, List<String> deployments) {
    Future<Void> chain = Future.succeededFuture();
    for (String id : deployments) {
      chain = chain.eventually(() -> vertx.undeploy(id));
    }
    return chain;
  }

  /**
   * This node's accounts, for an application that makes accounts itself (the first one, say, when
   * {@code accounts.registration} is closed): calls return at once, hashing runs on a worker.
   *
   * @return the accounts
   */
  public Accounts accounts() {
    return accounts;
  }

  /**
   * The chat port.
   *
   * @return the TCP port the chat listener is bound to (the actual one when 0 was configured)
   */
  public int port() {
    return port;
  }

  /**
   * The web port: the chat page and the chat over WebSocket.
   *
   * @return the port of {@code /} and {@code /chat} (the actual one when 0 was configured), or -1
   *     when {@code web.enabled} is false
   */
  public int webPort() {
    return webPort;
  }

  /**
   * The IRC port (PROTOCOL.md section 14).
   *
   * @return the port IRC clients connect to (the actual one when 0 was configured), or -1 when
   *     {@code irc.enabled} is false
   */
  public int ircPort() {
    return ircPort;
  }

  /**
   * The operations HTTP port.
   *
   * @return the port of {@code /health/*} and {@code /metrics}, or -1 when {@code http.enabled} is
   *     false
   */
  public int opsPort() {
    return opsPort;
  }

  /**
   * This node's id.
   *
   * @return the cluster node id when clustered, otherwise an id unique to this deployment
   */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Parley's meters.
   *
   * @return the meters, and through them the registry
   */
  public ParleyMetrics metrics() {
    return metrics;
  }

  /**
   * Shuts Parley down gracefully: every client receives {@code * server is shutting down}, its
   * pending output is flushed for up to {@code shutdown.drainSeconds}, every socket is closed, the
   * room (if this node hosts it) is handed over to another node, and the verticles are undeployed.
   * May be called from any thread.
   *
   * @return completed when everything is closed
   */
  public Future<Void> close() {
    vertx
        .eventBus()
        .publish(Addresses.NODE_CLOSING, nodeId, new DeliveryOptions().setLocalOnly(true));
    // The operations server goes last, so that readiness reports the shutdown while it lasts.
    List<String> order = new ArrayList<>(deployments);
    if (opsDeployment != null) {
      order.remove(opsDeployment);
      order.add(opsDeployment);
    }
    return undeploy(vertx, order);
  }
}
