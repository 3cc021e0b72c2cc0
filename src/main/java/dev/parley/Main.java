package dev.parley;

import ch.qos.logback.classic.LoggerContext;
import dev.parley.accounts.AccountCommand;
import dev.parley.bench.BenchCommand;
import dev.parley.cluster.ClusterSetup;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.time.TimeSource;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fat jar's entry point: reads the configuration, starts Vert.x and Parley, and on SIGTERM or
 * SIGINT runs the graceful shutdown and exits with status 0. Exits with status 1 when the server
 * cannot start (the port is taken) and 2 when the configuration is invalid, after one line on
 * standard error. The subcommands {@code bench} ({@link BenchCommand}) and {@code account} ({@link
 * AccountCommand}) run instead of the server and exit with their own status.
 */
@Command(
    name = "parley",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Runs a Parley chat server: a room for nc, telnet, bots and services.",
    subcommands = {BenchCommand.class, AccountCommand.class})
public final class Main implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  /** Exit status of a start-up that failed. */
  static final int EXIT_START_FAILED = 1;

  /** Exit status of an invalid configuration. */
  static final int EXIT_BAD_CONFIG = 2;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "config file (JSON); default: conf/config.json when it exists")
  private Path configFile;

  @Option(names = "--port", paramLabel = "N", description = "chat port; overrides server.port")
  private Integer port;

  private boolean serving;

  /**
   * Runs the command line.
   *
   * @param args the arguments, see {@code --help}
   */
  public static void main(String[] args) {
    Main main = new Main();
    int status = new CommandLine(main).execute(args);
    if (!main.serving) {
      System.exit(status);
    }
  }

  @Override
  public Integer call() throws Exception {
    JsonObject flags = new JsonObject();
    if (port != null) {
      flags.put("server", new JsonObject().put("port", port));
    }
    ParleyConfig config;
    Vertx boot = Vertx.vertx();
    try {
      config = await(ConfigLoader.load(boot, ConfigLoader.Sources.ofProcess(configFile, flags)));
    } catch (Exception e) {
      System.err.println("parley: " + e.getMessage());
      return EXIT_BAD_CONFIG;
    } finally {
      await(boot.close());
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // One event loop per core: Parley never blocks an event loop, and on a machine with few cores
    // the default (two per core) only adds thread switches between the room and the listeners.
    VertxOptions options =
        new VertxOptions()
            .setEventLoopPoolSize(Runtime.getRuntime().availableProcessors())
            .setMetricsOptions(
                new MicrometerMetricsOptions()
                    .setEnabled(true)
                    .setJvmMetricsEnabled(true)
                    // Vert.x's meters per event-bus message, per connection write and per HTTP
                    // request are looked up and updated once per delivery: at a million
                    // deliveries a second they cost the p99 most of its headroom
                    // (BENCHMARKS.md). Parley's own counters (parley_*) count the same traffic.
                    .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
                    .addDisabledMetricsCategory(MetricsDomain.NET_SERVER)
                    .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER));
    MicrometerMetricsFactory metrics = new MicrometerMetricsFactory(registry);
    Vertx vertx;
    try {
      vertx =
          config.cluster().enabled()
              ? await(ClusterSetup.start(config, options, metrics))
              : Vertx.builder().with(options).withMetrics(metrics).build();
    } catch (Exception e) {
      System.err.println("parley: cannot join the cluster: " + e.getMessage());
      return EXIT_START_FAILED;
    }
    Parley parley;
    try {
      parley = await(Parley.deploy(vertx, config, TimeSource.system(), registry));
    } catch (Exception e) {
      System.err.println("parley: " + e.getMessage());
      await(vertx.close());
      return EXIT_START_FAILED;
    }
    LOG.info(
        "{} listening for chat on {}:{}{}{}{}{}",
        config.server().name(),
        config.server().host(),
        parley.port(),
        config.server().tls().enabled() ? " (TLS)" : "",
        parley.webPort() > 0
            ? ", the web page on "
                + (config.web().tls().enabled() ? "https://" : "http://")
                + config.web().host()
                + ":"
                + parley.webPort()
                + "/"
            : "",
        parley.ircPort() > 0
            ? ", IRC on "
                + config.irc().host()
                + ":"
                + parley.ircPort()
                + (config.irc().tls().enabled() ? " (TLS)" : "")
            : "",
        parley.opsPort() > 0
            ? ", operations on " + config.http().host() + ":" + parley.opsPort()
            : "");
    if (config.cluster().enabled()) {
      LOG.info(
          "node {} joined cluster {} ({} nodes)",
          parley.nodeId(),
          config.cluster().name(),
          ((io.vertx.core.internal.VertxInternal) vertx).clusterManager().getNodes().size());
    }
    serving = true;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> shutdown(vertx, parley, config), "parley-shutdown"));
    return 0;
  }

  /**
   * Runs in the JVM's shutdown hook: closes Parley and Vert.x within the drain time plus a second,
   * flushes the logs, then halts with status 0, because a JVM ended by a signal otherwise reports
   * 128 plus the signal number even after a clean shutdown.
   */
  private static void shutdown(Vertx vertx, Parley parley, ParleyConfig config) {
    LOG.info("shutting down");
    long budget = config.shutdown().drain().toMillis() + 900;
    try {
      parley
          .close()
          .eventually(vertx::close)
          .toCompletionStage()
          .toCompletableFuture()
          .get(budget, TimeUnit.MILLISECONDS);
      LOG.info("stopped");
    } catch (Exception e) {
      LOG.warn("shutdown did not finish cleanly: {}", e.toString());
    }
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.stop();
    }
    Runtime.getRuntime().halt(0);
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** Reads the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"parley " + (version == null ? "(development build)" : version)};
    }
  }
}
