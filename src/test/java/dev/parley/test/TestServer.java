package dev.parley.test;

import dev.parley.Parley;
import dev.parley.config.ParleyConfig;
import dev.parley.time.TimeSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts Parley for a test on 127.0.0.1 and a free port. */
public final class TestServer {
  /** The web port of each server started here, by its chat port (tests run one at a time). */
  private static final Map<Integer, Integer> WEB_PORTS = new HashMap<>();

  private TestServer() {}

  /**
   * The web port of a server this class started.
   *
   * @param chatPort its chat port
   * @return its web port
   */
  public static int webPortOf(int chatPort) {
    Integer web = WEB_PORTS.get(chatPort);
    if (web == null) {
      throw new IllegalStateException("no server with the chat port " + chatPort + " was started");
    }
    return web;
  }

  /**
   * A test configuration: the defaults, on 127.0.0.1 and a free port with two listener instances,
   * with the memory store ({@code store.kind} = {@code memory}: a test leaves no file behind unless
   * it asks for one), changed by {@code settings}, given as pairs of dotted name and value.
   */
  public static ParleyConfig config(Object... settings) {
    JsonObject json =
        new JsonObject()
            .put(
                "server",
                new JsonObject().put("host", "127.0.0.1").put("port", 0).put("instances", 2))
            .put("web", new JsonObject().put("host", "127.0.0.1").put("port", 0))
            .put("irc", new JsonObject().put("host", "127.0.0.1").put("port", 0))
            .put("http", new JsonObject().put("host", "127.0.0.1").put("port", 0))
            .put("store", new JsonObject().put("kind", "memory"));
    for (int i = 0; i < settings.length; i += 2) {
      put(json, (String) settings[i], settings[i + 1]);
    }
    return ParleyConfig.fromJson(json);
  }

  private static void put(JsonObject root, String path, Object value) {
    String[] parts = path.split("\\.");
    JsonObject node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      if (node.getJsonObject(parts[i]) == null) {
        node.put(parts[i], new JsonObject());
      }
      node = node.getJsonObject(parts[i]);
    }
    node.put(parts[parts.length - 1], value);
  }

  /** Deploys Parley with the system clock and waits until it listens. */
  public static Parley start(Vertx vertx, ParleyConfig config) {
    return start(vertx, config, TimeSource.system());
  }

  /** Deploys Parley with the given time source and waits until it listens. */
  public static Parley start(Vertx vertx, ParleyConfig config, TimeSource time) {
    return started(Parley.deploy(vertx, config, time));
  }

  /**
   * Deploys Parley with the system clock and its meters in {@code registry}, the test's own, and
   * waits until it listens.
   */
  public static Parley start(Vertx vertx, ParleyConfig config, MeterRegistry registry) {
    return started(Parley.deploy(vertx, config, TimeSource.system(), registry));
  }

  private static Parley started(Future<Parley> deployed) {
    try {
      Parley parley = deployed.await(30, TimeUnit.SECONDS);
      WEB_PORTS.put(parley.port(), parley.webPort());
      return parley;
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("Parley did not start within 30 s", e);
    }
  }
}
