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
    checkHistory(config.history());
    checkStore(config.store(), config.cluster().enabled());
    checkJwt(config.accounts().jwt());
    ParleyConfig.Tls webTls = config.web().tls();
    if (webTls.certPath().isEmpty() != webTls.keyPath().isEmpty()) {
      throw new ConfigException(
          "invalid settings web.tls.certPath and web.tls.keyPath: set both for TLS, or neither");
    }
    if (webTls.enabled()) {
      readable("web.tls.certPath", webTls.certPath());
      readable("web.tls.keyPath", webTls.keyPath());
    }
    checkIrc(config.irc());
    if (config.web().enabled()
        && config.http().enabled()
        && config.web().port() != 0
        && config.web().port() == config.http().port()) {
      throw new ConfigException(
          "invalid settings web.port and http.port: both are "
              + config.web().port()
              + "; the operations endpoints stay off the web port");
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

  private static void checkIrc(ParleyConfig.Irc irc) {
    ParleyConfig.Tls tls = irc.tls();
    if (tls.certPath().isEmpty() != tls.keyPath().isEmpty()) {
      throw new ConfigException(
          "invalid settings irc.tls.certPath and irc.tls.keyPath: set both for TLS, or neither");
    }
    if (tls.enabled()) {
      readable("irc.tls.certPath", tls.certPath());
      readable("irc.tls.keyPath", tls.keyPath());
    }
    if (!irc.network().matches("[A-Za-z0-9.-]{1,32}")) {
      throw new ConfigException(
          "invalid setting irc.network = \""
              + irc.network()
              + "\": 1 to 32 letters, digits, '-' or '.'");
    }
  }

  private static void checkHistory(ParleyConfig.History history) {
    if (history.onJoin() > history.maxLines()) {
      throw new ConfigException(
          "invalid setting history.onJoin = "
              + history.onJoin()
              + ": at most history.maxLines ("
              + history.maxLines()
              + ")");
    }
  }

  private static void checkStore(ParleyConfig.Store store, boolean clustered) {
    switch (store.kind()) {
      case SQLITE -> {
        if (clustered) {
          throw new ConfigException(
              "invalid setting store.kind = \"sqlite\": a cluster node keeps what lasts in"
                  + " PostgreSQL (store.kind = \"postgres\"), or \"memory\" for a throwaway"
                  + " cluster");
        }
        if (store.sqlite().path().isBlank()) {
          throw ConfigException.invalid(
              "store.sqlite.path",
              store.sqlite().path(),
              "the path of a file (store.kind is sqlite)");
        }
      }
      case POSTGRES -> checkPostgres(store.postgres());
      case MEMORY -> {}
    }
  }

  private static void checkPostgres(ParleyConfig.Postgres pg) {
    if (!pg.url().startsWith("jdbc:postgresql://")) {
      throw ConfigException.invalid(
          "store.postgres.url", pg.url(), "a JDBC URL jdbc:postgresql://HOST:PORT/DB");
    }
    if (pg.user().isBlank()) {
      throw ConfigException.invalid(
          "store.postgres.user", pg.user(), "a database user (store.kind is postgres)");
    }
    if (!pg.password().isEmpty() && !pg.passwordFile().isEmpty()) {
      throw new ConfigException(
          "invalid settings store.postgres.password and store.postgres.passwordFile: set one of"
              + " them, not both");
    }
    if (!pg.passwordFile().isEmpty() && !Files.isReadable(Path.of(pg.passwordFile()))) {
      throw ConfigException.invalid(
          "store.postgres.passwordFile", pg.passwordFile(), "a readable file");
    }
  }

  private static void readable(String setting, String path) {
    if (!Files.isReadable(Path.of(path))) {
      throw ConfigException.invalid(setting, path, "a readable PEM file");
    }
  }

  private static void checkJwt(ParleyConfig.Jwt jwt) {
    if (!jwt.enabled()) {
      return;
    }
    int keys =
        (jwt.secret().isEmpty() ? 0 : 1)
            + (jwt.publicKeyPath().isEmpty() ? 0 : 1)
            + (jwt.jwksPath().isEmpty() ? 0 : 1);
    if (keys > 1) {
      throw new ConfigException(
          "invalid settings accounts.jwt.secret, accounts.jwt.publicKeyPath and"
              + " accounts.jwt.jwksPath: set one of them");
    }
    boolean hmac = jwt.algorithm().startsWith("HS");
    if (hmac && jwt.secret().isEmpty() && jwt.jwksPath().isEmpty()) {
      throw ConfigException.invalid(
          "accounts.jwt.secret",
          "",
          "a shared secret (accounts.jwt.algorithm is " + jwt.algorithm() + ")");
    }
    if (!hmac && !jwt.secret().isEmpty()) {
      throw new ConfigException(
          "invalid setting accounts.jwt.secret: "
              + jwt.algorithm()
              + " tokens are verified with a public key, not a secret: set"
              + " accounts.jwt.publicKeyPath (a PEM file) or accounts.jwt.jwksPath instead");
    }
    if (!jwt.publicKeyPath().isEmpty()) {
      readable("accounts.jwt.publicKeyPath", jwt.publicKeyPath());
    }
    if (!jwt.jwksPath().isEmpty() && !Files.isReadable(Path.of(jwt.jwksPath()))) {
      throw ConfigException.invalid(
          "accounts.jwt.jwksPath", jwt.jwksPath(), "a readable JSON Web Key Set file");
    }
    if (!jwt.secret().isEmpty()
        && jwt.secret().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32) {
      throw ConfigException.invalid(
          "accounts.jwt.secret", "(hidden)", "a secret of at least 32 bytes");
    }
    if (jwt.issuer().isEmpty()) {
      throw ConfigException.invalid(
          "accounts.jwt.issuer", "", "the issuer (iss) tokens must name, when tokens are on");
    }
    if (jwt.audience().isEmpty()) {
      throw ConfigException.invalid(
          "accounts.jwt.audience", "", "the audience (aud) tokens must name, when tokens are on");
    }
  }
}
