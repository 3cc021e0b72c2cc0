package dev.parley;

import dev.parley.api.Nodes;
import dev.parley.config.ParleyConfig;
import dev.parley.room.RoomCodecs;
import dev.parley.room.RoomHost;
import dev.parley.room.RoomRelay;
import dev.parley.server.ChatServerVerticle;
import dev.parley.server.ConnectionGate;
import dev.parley.time.TimeSource;
import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.internal.VertxInternal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parley inside a Vert.x application: {@link #deploy} adds the chat server's verticles to a {@code
 * Vertx} the application already has, {@link #close} takes them away again and closes every socket
 * they opened. One Parley per {@code Vertx} instance: its event-bus addresses are fixed.
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
  private final List<String> deployments;

  private Parley(Vertx vertx, String nodeId, int port, List<String> deployments) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.port = port;
    this.deployments = List.copyOf(deployments);
  }

  /**
   * Deploys Parley with the system clock.
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
    RoomCodecs.register(vertx.eventBus());
    String clusterNode = Nodes.id(vertx);
    String nodeId = clusterNode != null ? clusterNode : UUID.randomUUID().toString();
    int instances =
        config.server().instances() > 0 ? config.server().instances() : eventLoops(vertx);
    int listenPort =
        config.server().port() > 0
            ? config.server().port()
            : -1 - (SHARED_PORT_KEYS.getAndIncrement() & 0x3fff_ffff);
    List<String> deployed = new ArrayList<>();
    List<ChatServerVerticle> servers = new ArrayList<>();
    return deployInto(vertx, deployed, new ConnectionGate(config), new DeploymentOptions())
        .compose(v -> deployInto(vertx, deployed, new RoomRelay(nodeId), new DeploymentOptions()))
        .compose(
            v ->
                deployInto(
                    vertx,
                    deployed,
                    new RoomHost(config, time, nodeId, () -> {}),
                    new DeploymentOptions()))
        .compose(
            v ->
                vertx
                    .deployVerticle(
                        () -> {
                          ChatServerVerticle server =
                              new ChatServerVerticle(config, time, nodeId, listenPort);
                          servers.add(server);
                          return server;
                        },
                        new DeploymentOptions().setInstances(instances))
                    .recover(
                        failure ->
                            Future.failedFuture(
                                new IllegalStateException(
                                    "cannot listen on "
                                        + config.server().host()
                                        + ":"
                                        + config.server().port()
                                        + ": "
                                        + failure.getMessage(),
                                    failure)))
                    .onSuccess(id -> deployed.add(0, id)))
        .recover(failure -> undeploy(vertx, deployed).transform(v -> Future.failedFuture(failure)))
        .map(v -> new Parley(vertx, nodeId, servers.get(0).actualPort(), deployed));
  }

  /** Deploys one verticle and records its id first in {@code deployed} (undeploy order). */
  private static Future<Void> deployInto(
      Vertx vertx, List<String> deployed, Deployable verticle, DeploymentOptions options) {
    return vertx
        .deployVerticle(verticle, options)
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
   * The chat port.
   *
   * @return the TCP port the chat listener is bound to (the actual one when 0 was configured)
   */
  public int port() {
    return port;
  }

  /**
   * This node's id.
   *
   * @return an id unique in the cluster, fixed for the life of this deployment
   */
  public String nodeId() {
    return nodeId;
  }

  /**
   * Shuts Parley down gracefully: every client receives {@code * server is shutting down}, its
   * pending output is flushed for up to {@code shutdown.drainSeconds}, every socket is closed, and
   * the verticles are undeployed. May be called from any thread.
   *
   * @return completed when everything is closed
   */
  public Future<Void> close() {
    vertx
        .eventBus()
        .publish(ChatServerVerticle.NODE_CLOSING, nodeId, new DeliveryOptions().setLocalOnly(true));
    return undeploy(vertx, deployments);
  }
}
