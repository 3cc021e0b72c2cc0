package dev.parley.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Every setting of a Parley node, typed and validated. Instances are immutable and may be shared
 * between threads. The defaults are those of {@code conf/config.json}, which the build copies into
 * the jar.
 *
 * @param server the chat listener
 * @param limits the limits that protect the room
 * @param idle idle detection
 * @param slowClient slow-reader protection
 * @param shutdown graceful shutdown
 * @param http the operations HTTP listener
 * @param cluster clustering
 */
public record ParleyConfig(
    Server server,
    Limits limits,
    Idle idle,
    SlowClient slowClient,
    Shutdown shutdown,
    Http http,
    Cluster cluster) {

  private static final String DEFAULTS_RESOURCE = "/dev/parley/config/config.json";

  /**
   * The chat listener.
   *
   * @param name the server name shown in the greeting
   * @param host the address to listen on
   * @param port the TCP port, 0 for any free port
   * @param instances the number of {@code ChatServerVerticle} instances, 0 for one per event loop
   */
  public record Server(String name, String host, int port, int instances) {}

  /**
   * The limits of PROTOCOL.md section 6.
   *
   * @param maxLineBytes the longest client line accepted, in bytes before decoding, line end not
   *     counted
   * @param maxConnections connections this node accepts at once
   * @param maxConnectionsPerAddress connections from one IP address at once, 0 for no limit
   * @param linesPerSecond the flood-control refill rate in lines per second, 0 for no limit
   * @param lineBurst the flood-control bucket size in lines
   */
  public record Limits(
      int maxLineBytes,
      int maxConnections,
      int maxConnectionsPerAddress,
      int linesPerSecond,
      int lineBurst) {}

  /**
   * Idle detection.
   *
   * @param timeout a member or an unnamed connection silent this long is disconnected
   * @param sweep how often the room and the servers look for idle connections
   */
  public record Idle(Seconds timeout, Seconds sweep) {}

  /**
   * Slow-reader protection.
   *
   * @param maxQueuedBytes the size of one connection's outbound queue, in bytes
   * @param timeout a connection whose queue stays full this long is disconnected
   */
  public record SlowClient(int maxQueuedBytes, Seconds timeout) {}

  /**
   * Graceful shutdown.
   *
   * @param drain how long pending output may take to reach clients before they are closed
   */
  public record Shutdown(Seconds drain) {}

  /**
   * The operations HTTP listener (health and metrics).
   *
   * @param host the address to listen on
   * @param port the TCP port, 0 for any free port
   */
  public record Http(String host, int port) {}

  /**
   * Clustering.
   *
   * @param enabled whether this node joins a cluster
   */
  public record Cluster(boolean enabled) {}

  /**
   * Returns the built-in defaults, which are the contents of {@code conf/config.json}.
   *
   * @return a new copy of the defaults as JSON
   * @throws UncheckedIOException if the jar lacks its defaults resource
   */
  public static JsonObject defaultsJson() {
    try (InputStream in = ParleyConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new UncheckedIOException(new IOException("missing resource " + DEFAULTS_RESOURCE));
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the built-in defaults.
   *
   * @return the configuration of {@code conf/config.json}
   */
  public static ParleyConfig defaults() {
    return fromJson(new JsonObject());
  }

  /**
   * Builds a configuration from JSON laid over the built-in defaults: omitted keys keep their
   * defaults.
   *
   * @param json settings in the shape of {@code conf/config.json}, possibly partial
   * @return the validated configuration
   * @throws ConfigException naming the first setting that is unknown, of the wrong type or out of
   *     range
   */
  public static ParleyConfig fromJson(JsonObject json) {
    JsonObject defaults = defaultsJson();
    JsonObject merged = defaults.copy().mergeIn(json, true);
    SettingsReader r = new SettingsReader(merged, defaults);
    int maxLineBytes =
        r.integer("limits.maxLineBytes", 16, 1 << 20, "a number of bytes from 16 to 1048576");
    return new ParleyConfig(
        new Server(
            r.string("server.name", false),
            r.string("server.host", false),
            r.port("server.port"),
            r.integer("server.instances", 0, 1024, "a number of instances from 0 to 1024")),
        new Limits(
            maxLineBytes,
            r.integer("limits.maxConnections", 1, 10_000_000, "a number of connections above 0"),
            r.integer(
                "limits.maxConnectionsPerAddress",
                0,
                10_000_000,
                "a number of connections, 0 for no limit"),
            r.integer("limits.linesPerSecond", 0, 1_000_000, "lines per second, 0 for no limit"),
            r.integer("limits.lineBurst", 1, 1_000_000, "a number of lines above 0")),
        new Idle(r.seconds("idle.timeoutSeconds"), r.seconds("idle.sweepSeconds")),
        new SlowClient(
            r.integer(
                "slowClient.maxQueuedBytes",
                1024,
                1 << 30,
                "a number of bytes from 1024 to 1073741824"),
            r.seconds("slowClient.timeoutSeconds")),
        new Shutdown(r.seconds("shutdown.drainSeconds")),
        new Http(r.string("http.host", false), r.port("http.port")),
        new Cluster(r.bool("cluster.enabled")));
  }
}
