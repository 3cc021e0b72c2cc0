package dev.parley.config;

import io.vertx.config.ConfigRetriever;
import io.vertx.config.ConfigRetrieverOptions;
import io.vertx.config.ConfigStoreOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Loads a node's configuration with vertx-config, from these layers, each overriding the ones
 * before it:
 *
 * <ol>
 *   <li>the built-in defaults (the jar's copy of {@code conf/config.json});
 *   <li>the config file: {@code --config FILE}, or {@code conf/config.json} in the working
 *       directory when it exists;
 *   <li>environment variables {@code PARLEY_<SECTION>_<KEY>};
 *   <li>system properties {@code -Dparley.<section>.<key>};
 *   <li>command-line flags.
 * </ol>
 *
 * Omitted keys keep the value of the layer below.
 */
public final class ConfigLoader {
  /** The config file read when no other is named: {@code conf/config.json}. */
  public static final Path DEFAULT_FILE = Path.of("conf", "config.json");

  private ConfigLoader() {}

  /**
   * What to read.
   *
   * @param file the config file, or {@code null} for none
   * @param fileRequired whether a missing file is an error (true for a file named by the user)
   * @param environment the environment variables to consider
   * @param systemProperties the system properties to consider
   * @param flags settings from command-line flags, in the shape of {@code conf/config.json}
   */
  public record Sources(
      Path file,
      boolean fileRequired,
      Map<String, String> environment,
      Map<String, String> systemProperties,
      JsonObject flags) {

    /**
     * The sources of a process: its environment and system properties, and the given file.
     *
     * @param explicitFile the file named with {@code --config}, or {@code null} to read {@code
     *     conf/config.json} when it exists
     * @param flags settings from command-line flags
     * @return the sources
     */
    public static Sources ofProcess(Path explicitFile, JsonObject flags) {
      Map<String, String> props = new HashMap<>();
      System.getProperties().forEach((k, v) -> props.put(k.toString(), v.toString()));
      return new Sources(
          explicitFile != null ? explicitFile : DEFAULT_FILE,
          explicitFile != null,
          System.getenv(),
          props,
          flags);
    }
  }

  /**
   * Reads and validates the configuration.
   *
   * @param vertx the Vert.x instance that vertx-config reads the file with
   * @param sources what to read
   * @return the configuration, or a failure with a {@link ConfigException} whose one-line message
   *     names the setting or file at fault
   */
  public static Future<ParleyConfig> load(Vertx vertx, Sources sources) {
    JsonObject defaults = ParleyConfig.defaultsJson();
    LayeredSettings layered = new LayeredSettings(defaults);
    ConfigRetrieverOptions options = new ConfigRetrieverOptions().setScanPeriod(0);
    options.addStore(json(defaults));
    Path file = sources.file();
    if (file != null) {
      if (Files.isRegularFile(file)) {
        options.addStore(
            new ConfigStoreOptions()
                .setType("file")
                .setFormat("json")
                .setConfig(new JsonObject().put("path", file.toString())));
      } else if (sources.fileRequired()) {
        return Future.failedFuture(new ConfigException("config file " + file + " does not exist"));
      }
    }
    try {
      options.addStore(
          json(layered.read(sources.environment(), "PARLEY_", "environment variable")));
      options.addStore(
          json(layered.read(sources.systemProperties(), "parley.", "system property")));
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    options.addStore(json(sources.flags()));
    ConfigRetriever retriever = ConfigRetriever.create(vertx, options);
    return retriever
        .getConfig()
        .eventually(retriever::close)
        .recover(
            failure ->
                Future.failedFuture(
                    new ConfigException(
                        "cannot read config file " + file + ": " + oneLine(failure))))
        .compose(
            merged -> {
              try {
                return Future.succeededFuture(ParleyConfig.fromJson(merged));
              } catch (ConfigException e) {
                return Future.failedFuture(e);
              }
            });
  }

  private static ConfigStoreOptions json(JsonObject config) {
    return new ConfigStoreOptions().setType("json").setConfig(config);
  }

  private static String oneLine(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.toString() : root.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }
}
