package dev.parley.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The layers of configuration, their precedence, and the messages for bad values. */
@ExtendWith(VertxExtension.class)
class ConfigLoaderTest {
  @TempDir Path dir;

  private ParleyConfig load(
      Vertx vertx,
      String fileJson,
      Map<String, String> env,
      Map<String, String> props,
      JsonObject flags)
      throws IOException {
    Path file = null;
    if (fileJson != null) {
      file = dir.resolve("config.json");
      Files.writeString(file, fileJson);
    }
    return ConfigLoader.load(vertx, new ConfigLoader.Sources(file, file != null, env, props, flags))
        .await();
  }

  private String failure(
      Vertx vertx, String fileJson, Map<String, String> env, Map<String, String> props) {
    return assertThrows(
            ConfigException.class, () -> load(vertx, fileJson, env, props, new JsonObject()))
        .getMessage();
  }

  @Test
  void withNothingGivenTheDefaultsOfConfConfigJsonApply(Vertx vertx) throws IOException {
    ParleyConfig config = load(vertx, null, Map.of(), Map.of(), new JsonObject());
    assertEquals(ParleyConfig.defaults(), config);
    assertEquals(8000, config.server().port());
    assertEquals("300", config.idle().timeout().toString());
    assertEquals(65536, config.slowClient().maxQueuedBytes());
    assertEquals(65536, config.slowClient().sendBufferBytes());
  }

  @Test
  void eachLayerOverridesTheOnesBelowAndOmittedKeysKeepTheirDefaults(Vertx vertx)
      throws IOException {
    String file =
        "{\"server\": {\"port\": 7001, \"name\": \"lobby\"}, \"idle\": {\"timeoutSeconds\": 60}}";
    ParleyConfig fileOnly = load(vertx, file, Map.of(), Map.of(), new JsonObject());
    assertEquals(7001, fileOnly.server().port());
    assertEquals("lobby", fileOnly.server().name());
    assertEquals("0.0.0.0", fileOnly.server().host());
    assertEquals("60", fileOnly.idle().timeout().toString());

    Map<String, String> env = Map.of("PARLEY_SERVER_PORT", "7002", "PATH", "/bin");
    assertEquals(7002, load(vertx, file, env, Map.of(), new JsonObject()).server().port());

    Map<String, String> props = Map.of("parley.server.port", "7003", "java.version", "17");
    assertEquals(7003, load(vertx, file, env, props, new JsonObject()).server().port());

    JsonObject flags = new JsonObject().put("server", new JsonObject().put("port", 7004));
    ParleyConfig all = load(vertx, file, env, props, flags);
    assertEquals(7004, all.server().port());
    assertEquals("lobby", all.server().name());
  }

  @Test
  void environmentNamesMatchIgnoringCaseAndUnderscores(Vertx vertx) throws IOException {
    ParleyConfig config =
        load(
            vertx,
            null,
            Map.of(
                "PARLEY_IDLE_TIMEOUT_SECONDS", "60",
                "PARLEY_SLOWCLIENT_MAXQUEUEDBYTES", "4096",
                "PARLEY_SLOW_CLIENT_TIMEOUT_SECONDS", "2.5",
                "PARLEY_CLUSTER_ENABLED", "false",
                "PARLEY_SERVER_NAME", "den"),
            Map.of("parley.limits.lineBurst", "5", "parley.LIMITS.LINES_PER_SECOND", "2"),
            new JsonObject());
    assertEquals("60", config.idle().timeout().toString());
    assertEquals(4096, config.slowClient().maxQueuedBytes());
    assertEquals("2.5", config.slowClient().timeout().toString());
    assertEquals("den", config.server().name());
    assertEquals(5, config.limits().lineBurst());
    assertEquals(2, config.limits().linesPerSecond());
  }

  @Test
  void badValuesStopStartUpWithOneLineNamingKeyValueAndWhatIsAllowed(Vertx vertx) {
    assertEquals(
        "invalid setting limits.maxLineBytes = \"x\": expected a number of bytes from 16 to 1048576",
        failure(vertx, "{\"limits\": {\"maxLineBytes\": \"x\"}}", Map.of(), Map.of()));
    assertEquals(
        "invalid setting idle.timeoutSeconds = -1: expected a number of seconds above 0 (decimals"
            + " allowed)",
        failure(vertx, "{\"idle\": {\"timeoutSeconds\": -1}}", Map.of(), Map.of()));
    assertEquals(
        "invalid setting server.port = 70000: expected a port from 1 to 65535, or 0 for any free"
            + " port",
        failure(vertx, null, Map.of("PARLEY_SERVER_PORT", "70000"), Map.of()));
    assertEquals(
        "invalid setting server.instances = 1.5: expected a number of instances from 0 to 1024",
        failure(vertx, null, Map.of(), Map.of("parley.server.instances", "1.5")));
    assertEquals(
        "invalid setting slowClient.sendBufferBytes = -1: expected a number of bytes from 0 (the"
            + " kernel's default) to 67108864",
        failure(vertx, null, Map.of("PARLEY_SLOW_CLIENT_SEND_BUFFER_BYTES", "-1"), Map.of()));
    assertEquals(
        "unknown setting limits.maxLines; known settings here: limits.maxLineBytes,"
            + " limits.maxConnections, limits.maxConnectionsPerAddress, limits.linesPerSecond,"
            + " limits.lineBurst, limits.maxUnackedLines",
        failure(vertx, "{\"limits\": {\"maxLines\": 3}}", Map.of(), Map.of()));
    assertEquals(
        "unknown environment variable PARLEY_IDLE_TIMEOUT: it names no setting (see the README's"
            + " table)",
        failure(vertx, null, Map.of("PARLEY_IDLE_TIMEOUT", "3"), Map.of()));
    assertEquals(
        "invalid environment variable PARLEY_CLUSTER_ENABLED=yes: expected true or false for"
            + " cluster.enabled",
        failure(vertx, null, Map.of("PARLEY_CLUSTER_ENABLED", "yes"), Map.of()));
    assertEquals(
        "invalid system property parley.server.port=abc: expected a number for server.port",
        failure(vertx, null, Map.of(), Map.of("parley.server.port", "abc")));
    assertEquals(
        "invalid setting server.name = \"\": expected a non-empty string",
        failure(vertx, "{\"server\": {\"name\": \"\"}}", Map.of(), Map.of()));
    assertEquals(
        "invalid setting rooms.default = \"lobby\": expected a room name: # and 1 to 32 letters,"
            + " digits, \"_\", \"-\" or \".\"",
        failure(vertx, null, Map.of("PARLEY_ROOMS_DEFAULT", "lobby"), Map.of()));
    assertEquals(
        "invalid setting rooms.default = \"#a b\": expected a room name: # and 1 to 32 letters,"
            + " digits, \"_\", \"-\" or \".\"",
        failure(vertx, "{\"rooms\": {\"default\": \"#a b\"}}", Map.of(), Map.of()));
    assertEquals(
        "invalid setting rooms.maxRooms = 0: expected a number of rooms from 1 to 1000000",
        failure(vertx, null, Map.of(), Map.of("parley.rooms.maxRooms", "0")));
    assertEquals(
        "invalid setting rooms.quietAbove = 0: expected a number of members from 1 to 10000000",
        failure(vertx, "{\"rooms\": {\"quietAbove\": 0}}", Map.of(), Map.of()));
  }

  @Test
  void badWebSettingsStopStartUpWithOneLine(Vertx vertx) {
    assertEquals(
        "invalid setting web.allowedOrigins = \"chat.example.com\": expected origins such as"
            + " https://chat.example.com or http://host:8081",
        failure(
            vertx, "{\"web\": {\"allowedOrigins\": [\"chat.example.com\"]}}", Map.of(), Map.of()));
    assertEquals(
        "invalid settings web.port and http.port: both are 8080; the operations endpoints stay off"
            + " the web port",
        failure(vertx, null, Map.of("PARLEY_WEB_PORT", "8080"), Map.of()));
    assertEquals(
        "invalid settings web.tls.certPath and web.tls.keyPath: set both for TLS, or neither",
        failure(vertx, null, Map.of("PARLEY_WEB_TLS_CERT_PATH", "/x.pem"), Map.of()));
  }

  @Test
  void badHistorySettingsStopStartUpWithOneLine(Vertx vertx) {
    assertEquals(
        "invalid setting history.onJoin = -1: expected a number of lines from 0 to 100000",
        failure(vertx, null, Map.of("PARLEY_HISTORY_ON_JOIN", "-1"), Map.of()));
    assertEquals(
        "invalid setting history.onJoin = 30: at most history.maxLines (10)",
        failure(vertx, "{\"history\": {\"onJoin\": 30, \"maxLines\": 10}}", Map.of(), Map.of()));
  }

  @Test
  void theStoreIsASqliteFileByDefaultAndItsSettingsComeFromTheEnvironment(Vertx vertx)
      throws IOException {
    ParleyConfig.Store defaults = load(vertx, null, Map.of(), Map.of(), new JsonObject()).store();
    assertEquals(ParleyConfig.StoreKind.SQLITE, defaults.kind());
    assertEquals("parley.db", defaults.sqlite().path());
    assertEquals(10_000, defaults.writeQueueLines());

    ParleyConfig.Store sqlite =
        load(
                vertx,
                null,
                Map.of(
                    "PARLEY_STORE_SQLITE_PATH",
                    "/var/lib/parley/chat.db",
                    "PARLEY_STORE_WRITE_QUEUE_LINES",
                    "50"),
                Map.of(),
                new JsonObject())
            .store();
    assertEquals("/var/lib/parley/chat.db", sqlite.sqlite().path());
    assertEquals(50, sqlite.writeQueueLines());

    ParleyConfig.Store postgres =
        load(
                vertx,
                null,
                Map.of(
                    "PARLEY_STORE_KIND",
                    "postgres",
                    "PARLEY_STORE_POSTGRES_URL",
                    "jdbc:postgresql://127.0.0.1:5432/parley",
                    "PARLEY_STORE_POSTGRES_USER",
                    "parley",
                    "PARLEY_STORE_POSTGRES_PASSWORD",
                    "secret"),
                Map.of(),
                new JsonObject())
            .store();
    assertEquals(ParleyConfig.StoreKind.POSTGRES, postgres.kind());
    assertEquals("jdbc:postgresql://127.0.0.1:5432/parley", postgres.postgres().url());
    assertEquals("secret", postgres.postgres().password());
    assertEquals(
        false, postgres.postgres().toString().contains("secret"), "the password is hidden");

    assertEquals(
        ParleyConfig.StoreKind.MEMORY,
        load(vertx, "{\"store\": {\"kind\": \"memory\"}}", Map.of(), Map.of(), new JsonObject())
            .store()
            .kind());
  }

  @Test
  void badStoreSettingsStopStartUpWithOneLine(Vertx vertx) {
    assertEquals(
        "invalid setting store.kind = \"mysql\": expected \"sqlite\", \"postgres\" or"
            + " \"memory\"",
        failure(vertx, null, Map.of("PARLEY_STORE_KIND", "mysql"), Map.of()));
    assertEquals(
        "invalid setting store.sqlite.path = \"\": expected the path of a file (store.kind is"
            + " sqlite)",
        failure(vertx, null, Map.of("PARLEY_STORE_SQLITE_PATH", ""), Map.of()));
    assertEquals(
        "invalid setting store.postgres.url = \"\": expected a JDBC URL"
            + " jdbc:postgresql://HOST:PORT/DB",
        failure(vertx, null, Map.of("PARLEY_STORE_KIND", "postgres"), Map.of()));
    assertEquals(
        "invalid setting store.postgres.user = \"\": expected a database user (store.kind is"
            + " postgres)",
        failure(
            vertx,
            null,
            Map.of(
                "PARLEY_STORE_KIND",
                "postgres",
                "PARLEY_STORE_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/parley"),
            Map.of()));
    assertEquals(
        "invalid setting store.postgres.passwordFile = \"/nonexistent/pw\": expected a readable"
            + " file",
        failure(
            vertx,
            null,
            Map.of(
                "PARLEY_STORE_KIND",
                "postgres",
                "PARLEY_STORE_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/parley",
                "PARLEY_STORE_POSTGRES_USER",
                "parley",
                "PARLEY_STORE_POSTGRES_PASSWORD_FILE",
                "/nonexistent/pw"),
            Map.of()));
    assertEquals(
        "invalid settings store.postgres.password and store.postgres.passwordFile: set one of"
            + " them, not both",
        failure(
            vertx,
            "{\"store\": {\"kind\": \"postgres\", \"postgres\": {\"url\":"
                + " \"jdbc:postgresql://db/parley\", \"user\": \"parley\", \"password\": \"x\","
                + " \"passwordFile\": \"/etc/pw\"}}}",
            Map.of(),
            Map.of()));
  }

  @Test
  void theAccountsSettingsComeFromTheEnvironmentAndHideTheSecret(Vertx vertx) throws IOException {
    ParleyConfig.Accounts defaults =
        load(vertx, null, Map.of(), Map.of(), new JsonObject()).accounts();
    assertEquals(true, defaults.registration());
    assertEquals(true, defaults.guests());
    assertEquals(java.util.List.of(), defaults.operators());
    assertEquals(false, defaults.jwt().enabled());
    assertEquals("HS256", defaults.jwt().algorithm());

    String secret = "a shared secret of at least 32 bytes";
    ParleyConfig.Accounts accounts =
        load(
                vertx,
                null,
                Map.of(
                    "PARLEY_ACCOUNTS_REGISTRATION", "closed",
                    "PARLEY_ACCOUNTS_GUESTS", "false",
                    "PARLEY_ACCOUNTS_OPERATORS", "root, Admin",
                    "PARLEY_ACCOUNTS_JWT_SECRET", secret,
                    "PARLEY_ACCOUNTS_JWT_ISSUER", "https://app.example.com",
                    "PARLEY_ACCOUNTS_JWT_AUDIENCE", "parley"),
                Map.of(),
                new JsonObject())
            .accounts();
    assertEquals(false, accounts.registration());
    assertEquals(false, accounts.guests());
    assertEquals(java.util.List.of("root", "Admin"), accounts.operators());
    assertEquals(true, accounts.jwt().enabled());
    assertEquals(secret, accounts.jwt().secret());
    assertEquals("https://app.example.com", accounts.jwt().issuer());
    assertEquals("parley", accounts.jwt().audience());
    assertEquals(false, accounts.toString().contains(secret), "the secret is hidden");
  }

  @Test
  void badAccountsSettingsStopStartUpWithOneLine(Vertx vertx) throws IOException {
    assertEquals(
        "invalid setting accounts.registration = \"maybe\": expected \"open\" or \"closed\"",
        failure(vertx, null, Map.of("PARLEY_ACCOUNTS_REGISTRATION", "maybe"), Map.of()));
    assertEquals(
        "invalid setting accounts.guests = \"no\": expected true or false",
        failure(vertx, "{\"accounts\": {\"guests\": \"no\"}}", Map.of(), Map.of()));
    assertEquals(
        "invalid setting accounts.operators = \"a b\": expected names of accounts: name may"
            + " contain only letters, digits, \"_\", \"-\" and \".\"",
        failure(vertx, null, Map.of("PARLEY_ACCOUNTS_OPERATORS", "root,a b"), Map.of()));
    assertEquals(
        "invalid setting accounts.jwt.algorithm = \"none\": expected \"HS256\", \"HS384\","
            + " \"HS512\", \"RS256\", \"RS384\", \"RS512\", \"ES256\", \"ES384\" or \"ES512\"",
        failure(vertx, null, Map.of("PARLEY_ACCOUNTS_JWT_ALGORITHM", "none"), Map.of()));
    String onTheRest = "\"issuer\": \"https://app.example.com\", \"audience\": \"parley\"}}}";
    String shortSecret =
        failure(
            vertx,
            "{\"accounts\": {\"jwt\": {\"secret\": \"only 31 bytes, one too few.....\", "
                + onTheRest,
            Map.of(),
            Map.of());
    assertEquals(
        "invalid setting accounts.jwt.secret = \"(hidden)\": expected a secret of at least 32"
            + " bytes",
        shortSecret);
    assertEquals(
        "invalid setting accounts.jwt.secret: RS256 tokens are verified with a public key, not a"
            + " secret: set accounts.jwt.publicKeyPath (a PEM file) or accounts.jwt.jwksPath"
            + " instead",
        failure(
            vertx,
            "{\"accounts\": {\"jwt\": {\"algorithm\": \"RS256\", \"secret\":"
                + " \"a shared secret of at least 32 bytes\", "
                + onTheRest,
            Map.of(),
            Map.of()));
    Map<String, String> secret =
        Map.of("PARLEY_ACCOUNTS_JWT_SECRET", "a shared secret of at least 32 bytes");
    assertEquals(
        "invalid setting accounts.jwt.issuer = \"\": expected the issuer (iss) tokens must name,"
            + " when tokens are on",
        failure(vertx, null, secret, Map.of()));
    assertEquals(
        "invalid setting accounts.jwt.audience = \"\": expected the audience (aud) tokens must"
            + " name, when tokens are on",
        failure(
            vertx,
            null,
            Map.of(
                "PARLEY_ACCOUNTS_JWT_SECRET",
                "a shared secret of at least 32 bytes",
                "PARLEY_ACCOUNTS_JWT_ISSUER",
                "https://app.example.com"),
            Map.of()));
    assertEquals(
        "invalid settings accounts.jwt.secret, accounts.jwt.publicKeyPath and"
            + " accounts.jwt.jwksPath: set one of them",
        failure(
            vertx,
            null,
            Map.of(
                "PARLEY_ACCOUNTS_JWT_SECRET",
                "a shared secret of at least 32 bytes",
                "PARLEY_ACCOUNTS_JWT_JWKS_PATH",
                "/etc/jwks.json"),
            Map.of()));
    Path missing = dir.resolve("missing.pem");
    assertEquals(
        "invalid setting accounts.jwt.publicKeyPath = \""
            + missing
            + "\": expected a readable PEM file",
        failure(
            vertx,
            null,
            Map.of(
                "PARLEY_ACCOUNTS_JWT_ALGORITHM",
                "ES256",
                "PARLEY_ACCOUNTS_JWT_PUBLIC_KEY_PATH",
                missing.toString()),
            Map.of()));
  }

  @Test
  void aClusterNodeOnTheSqliteFileStopsWithOneLineNamingTheSetting(Vertx vertx) {
    String expected =
        "invalid setting store.kind = \"sqlite\": a cluster node keeps what lasts in PostgreSQL"
            + " (store.kind = \"postgres\"), or \"memory\" for a throwaway cluster";
    Map<String, String> cluster =
        Map.of("PARLEY_CLUSTER_ENABLED", "true", "PARLEY_CLUSTER_MEMBERS", "127.0.0.1");
    // The default kind, and the kind said outright.
    assertEquals(expected, failure(vertx, null, cluster, Map.of()));
    assertEquals(
        expected, failure(vertx, "{\"store\": {\"kind\": \"sqlite\"}}", cluster, Map.of()));
    // Memory and PostgreSQL are a cluster's kinds.
    assertEquals(
        ParleyConfig.StoreKind.MEMORY,
        assertDoesNotThrow(
                () ->
                    load(
                        vertx,
                        "{\"store\": {\"kind\": \"memory\"}}",
                        cluster,
                        Map.of(),
                        new JsonObject()))
            .store()
            .kind());
  }

  @Test
  void theOldHistoryStoreSettingsAreUnknownNow(Vertx vertx) {
    String file = failure(vertx, "{\"history\": {\"store\": \"postgres\"}}", Map.of(), Map.of());
    assertEquals(
        "unknown setting history.store; known settings here: history.onJoin, history.maxLines,"
            + " history.maxAgeSeconds",
        file);
    assertEquals(
        "unknown environment variable PARLEY_HISTORY_POSTGRES_URL: it names no setting (see the"
            + " README's table)",
        failure(
            vertx,
            null,
            Map.of("PARLEY_HISTORY_POSTGRES_URL", "jdbc:postgresql://db/parley"),
            Map.of()));
  }

  @Test
  void aMissingOrBrokenConfigFileIsNamed(Vertx vertx) throws IOException {
    Path missing = dir.resolve("nope.json");
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ConfigLoader.load(
                        vertx,
                        new ConfigLoader.Sources(
                            missing, true, Map.of(), Map.of(), new JsonObject()))
                    .await());
    assertEquals("config file " + missing + " does not exist", e.getMessage());

    String broken = failure(vertx, "{\"server\": {", Map.of(), Map.of());
    assertEquals(true, broken.startsWith("cannot read config file "), broken);
  }

  @Test
  void aDefaultFileThatDoesNotExistIsSkipped(Vertx vertx) {
    ParleyConfig config =
        ConfigLoader.load(
                vertx,
                new ConfigLoader.Sources(
                    dir.resolve("absent.json"), false, Map.of(), Map.of(), new JsonObject()))
            .await();
    assertEquals(ParleyConfig.defaults(), config);
  }
}
