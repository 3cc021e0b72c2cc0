package dev.parley.ops;

import dev.parley.bus.Addresses;
import dev.parley.bus.RoomPing;
import dev.parley.config.ParleyConfig;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.placement.RoomGroups;
import dev.parley.store.StoreHealth;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.micrometer.PrometheusRequestHandler;

/**
 * The operations HTTP server on {@code http.host}:{@code http.port}, for Kubernetes and operators:
 *
 * <ul>
 *   <li>{@code GET /health/live}: 200 while the process runs;
 *   <li>{@code GET /health/ready}: 200 when the chat port listens and the node is not shutting
 *       down, and, when clustered, the node has joined the cluster and the room answers; 503
 *       otherwise, with the checks' outcome as JSON;
 *   <li>{@code GET /metrics}: every meter in Prometheus text format (Parley's and, when Vert.x was
 *       built with Micrometer metrics, Vert.x's own: event bus, net server...).
 * </ul>
 *
 * It must be deployed after the chat listeners: deploying it means the chat port listens.
 */
public final class OpsServer extends VerticleBase {
  private final String defaultRoomAddress;
  private static final DeliveryOptions PING = new DeliveryOptions().setSendTimeout(2000);

  private final ParleyConfig config;
  private final ParleyMetrics metrics;
  private final StoreHealth store;
  private HttpServer server;
  private HealthChecks readiness;
  private Handler<HttpServerRequest> prometheus;
  private boolean closing;

  /**
   * Creates the server.
   *
   * @param config the node's settings ({@code http.*})
   * @param metrics the meters to publish
   * @param store the store's health, shown by readiness in its {@code store} check (never making
   *     the node unready: the chat goes on without the store)
   * @param roomGroups how many room groups the node's cluster has
   */
  public OpsServer(ParleyConfig config, ParleyMetrics metrics, StoreHealth store, int roomGroups) {
    this.defaultRoomAddress =
        Addresses.room(new RoomGroups(roomGroups).of(config.rooms().defaultRoom()));
    this.config = config;
    this.metrics = metrics;
    this.store = store;
  }

  @Override
  public Future<?> start() {
    readiness = HealthChecks.create(vertx);
    readiness.register(
        "chat",
        promise ->
            promise.complete(
                closing
                    ? Status.KO(new JsonObject().put("reason", "shutting down"))
                    : Status.OK()));
    readiness.register("store", promise -> promise.complete(Status.OK(store.toJson())));
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster != null) {
      readiness.register(
          "cluster",
          promise ->
              promise.complete(
                  cluster.isActive()
                      ? Status.OK(
                          new JsonObject()
                              .put("nodes", cluster.getNodes().size())
                              .put("node", cluster.getNodeId()))
                      : Status.KO()));
    }
    readiness.register(
        "room",
        3000,
        promise ->
            vertx
                .eventBus()
                .<RoomPing.Pong>request(defaultRoomAddress, new RoomPing(), PING)
                .onComplete(
                    ar ->
                        promise.complete(
                            ar.succeeded()
                                ? Status.OK(
                                    new JsonObject()
                                        .put("run", ar.result().body().run())
                                        .put("host", ar.result().body().nodeId()))
                                : Status.KO(
                                    new JsonObject().put("reason", ar.cause().getMessage())))));
    if (metrics.registry() instanceof PrometheusMeterRegistry registry) {
      prometheus = PrometheusRequestHandler.create(registry);
    }
    vertx.eventBus().localConsumer(Addresses.NODE_CLOSING, m -> closing = true);
    server = vertx.createHttpServer().requestHandler(this::handle);
    return server.listen(config.http().port(), config.http().host());
  }

  /**
   * The port the server listens on.
   *
   * @return the actual port, once started
   */
  public int actualPort() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    switch (request.path()) {
      case "/health/live" -> json(request, 200, new JsonObject().put("status", "UP"));
      case "/health/ready" ->
          readiness
              .checkStatus()
              .onComplete(
                  ar -> {
                    CheckResult result = ar.result();
                    boolean up = ar.succeeded() && result.getUp();
                    json(
                        request,
                        up ? 200 : 503,
                        ar.succeeded() ? result.toJson() : new JsonObject());
                  });
      case "/metrics" -> {
        if (prometheus != null) {
          prometheus.handle(request);
        } else {
          request.response().setStatusCode(404).end();
        }
      }
      default -> request.response().setStatusCode(404).end();
    }
  }

  private static void json(HttpServerRequest request, int status, JsonObject body) {
    request
        .response()
        .setStatusCode(status)
        .putHeader("content-type", "application/json")
        .end(body.encode());
  }
}
