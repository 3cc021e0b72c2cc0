package dev.parley.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks that involve more than one setting, or the file system. */
final class ConfigChecks {
  private ConfigChecks() {}

  static void check(ParleyConfig config) {
    ParleyConfig.Tls tls = config.server().tls();
    if (tls.certPath().isEmpty() != tls.keyPath().isEmpty()) {
      throw new ConfigException(
          "invalid settings server.tls.certPath and server.tls.keyPath: set both for TLS, or"
              + " neither");
    }
    if (tls.enabled()) {
      readable("server.tls.certPath", tls.certPath());
      readable("server.tls.keyPath", tls.keyPath());
    }
    ParleyConfig.Cluster cluster = config.cluster();
    if (cluster.enabled()) {
      boolean list = !cluster.members().isEmpty();
      boolean dns = !cluster.kubernetesService().isEmpty();
      if (list == dns) {
        throw new ConfigException(
            "invalid settings cluster.members = "
                + cluster.members()
                + " and cluster.kubernetesService = \""
                + cluster.kubernetesService()
                + "\": with cluster.enabled, set exactly one of them");
      }
    }
  }

  private static void readable(String setting, String path) {
    if (!Files.isReadable(Path.of(path))) {
      throw ConfigException.invalid(setting, path, "a readable PEM file");
    }
  }
}
