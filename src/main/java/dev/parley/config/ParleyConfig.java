package dev.parley.config;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Every setting of a Parley node, typed and validated. Instances are immutable and may be shared
 * between threads. The defaults are those of {@code conf/config.json}, which the build copies into
 * the jar.
 *
 * @param server the chat listener
 * @param limits the limits that protect the room
 * @param rooms rooms
 * @param history each room's history
 * @param store what lasts: accounts, room policies and history
 * @param accounts accounts, operators and signed tokens
 * @param idle idle detection
 * @param slowClient slow-reader protection
 * @param shutdown graceful shutdown
 * @param web the web port: the chat page and the chat over WebSocket
 * @param irc the IRC port (PROTOCOL.md section 14)
 * @param http the operations HTTP listener
 * @param cluster clustering
 */
public record ParleyConfig(
    Server server,
    Limits limits,
    Rooms rooms,
    History history,
    Store store,
    Accounts accounts,
    Idle idle,
    SlowClient slowClient,
    Shutdown shutdown,
    Web web,
    Irc irc,
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
   * @param proxyProtocol whether every connection starts with a PROXY protocol (v1 or v2) header
   *     that gives the client's real address
   * @param tls TLS on the chat port
   */
  public record Server(
      String name, String host, int port, int instances, boolean proxyProtocol, Tls tls) {}

  /**
   * TLS on the chat port: on when both paths are set.
   *
   * @param certPath the server certificate chain, PEM, or empty
   * @param keyPath the private key, PEM (PKCS#8 or PKCS#1), or empty
   */
  public record Tls(String certPath, String keyPath) {
    /**
     * Whether TLS is on.
     *
     * @return true when both paths are set
     */
    public boolean enabled() {
      return !certPath.isEmpty();
    }
  }

  /**
   * The limits of PROTOCOL.md section 6.
   *
   * @param maxLineBytes the longest client line accepted, in bytes before decoding, line end not
   *     counted
   * @param maxConnections connections this node accepts at once
   * @param maxConnectionsPerAddress connections from one IP address at once, 0 for no limit
   * @param linesPerSecond the flood-control refill rate in lines per second, 0 for no limit
   * @param lineBurst the flood-control bucket size in lines
   * @param maxUnackedLines chat lines one session keeps until the room has ordered them (they are
   *     resent when the room moves); while that many wait, the session stops reading from its
   *     client (back pressure) until the room acknowledges one, so no line is refused or dropped
   */
  public record Limits(
      int maxLineBytes,
      int maxConnections,
      int maxConnectionsPerAddress,
      int linesPerSecond,
      int lineBurst,
      int maxUnackedLines) {}

  /**
   * Rooms (PROTOCOL.md section 9).
   *
   * @param defaultRoom the room every newcomer enters, never closed ({@code rooms.default}, a room
   *     name such as {@code #lobby}, in NFC)
   * @param maxRooms how many rooms may have members at once; {@code /join} to a room without
   *     members is refused beyond it (the default room never is)
   * @param quietAbove above this many members, a room announces no arrivals and departures and the
   *     roster on entering is capped at 100 names
   */
  public record Rooms(String defaultRoom, int maxRooms, int quietAbove) {}

  /**
   * The web port (PROTOCOL.md section 11): the chat page at {@code /}, the chat over WebSocket at
   * {@code /chat}.
   *
   * @param enabled whether the web port listens
   * @param host the address to listen on
   * @param port the port, 0 for any free port
   * @param allowedOrigins origins ({@code https://chat.example.com}) allowed besides the page's own
   * @param tls TLS on the web port ({@code wss://}, {@code https://})
   */
  public record Web(boolean enabled, String host, int port, List<String> allowedOrigins, Tls tls) {}

  /**
   * The IRC port (PROTOCOL.md section 14): IRC clients in the same rooms as every other member.
   *
   * @param enabled whether the IRC port listens
   * @param host the address to listen on
   * @param port the TCP port, 0 for any free port
   * @param proxyProtocol whether every connection starts with a PROXY protocol (v1 or v2) header
   * @param network the network name IRC clients show ({@code NETWORK} in ISUPPORT, 1 to 32 letters,
   *     digits, {@code -} or {@code .})
   * @param tls TLS on the IRC port
   */
  public record Irc(
      boolean enabled, String host, int port, boolean proxyProtocol, String network, Tls tls) {}

  /**
   * Each room's history (PROTOCOL.md section 10).
   *
   * @param onJoin how many lines a member entering a room is shown, 0 for none (at most {@code
   *     maxLines})
   * @param maxLines how many lines each room keeps, 1 to 100000
   * @param maxAge how old a kept line may be
   */
  public record History(int onJoin, int maxLines, Seconds maxAge) {}

  /**
   * The store of what lasts (PROTOCOL.md section 15): accounts, room policies and history.
   *
   * @param kind which store
   * @param sqlite the SQLite file, used when {@code kind} is {@link StoreKind#SQLITE}
   * @param postgres the database, used when {@code kind} is {@link StoreKind#POSTGRES}
   * @param writeQueueLines how many history lines wait for the store at most; beyond it the oldest
   *     waiting lines are lost to the store (they stay in the rooms' memory) and counted
   */
  public record Store(StoreKind kind, Sqlite sqlite, Postgres postgres, int writeQueueLines) {}

  /**
   * Accounts and operators (PROTOCOL.md sections 12 and 13).
   *
   * @param registration whether guests may register their names ({@code accounts.registration})
   * @param guests whether names without an account may join ({@code accounts.guests}); when false,
   *     only server operators register accounts
   * @param operators the names of the accounts that are server operators, in NFC
   * @param jwt the signed tokens that log a WebSocket in
   */
  public record Accounts(boolean registration, boolean guests, List<String> operators, Jwt jwt) {}

  /**
   * Signed tokens from the application that embeds Parley (PROTOCOL.md section 12, "tokens"): on
   * when a secret, a public key or a JWKS file is set.
   *
   * @param algorithm the JWS algorithm tokens must be signed with: HS256, HS384, HS512, RS256,
   *     RS384, RS512, ES256, ES384 or ES512
   * @param secret the shared secret of an HS algorithm, or empty
   * @param publicKeyPath a PEM public key file of an RS or ES algorithm, or empty
   * @param jwksPath a JSON Web Key Set file, or empty
   * @param issuer the {@code iss} a token must have
   * @param audience the {@code aud} a token must have
   */
  public record Jwt(
      String algorithm,
      String secret,
      String publicKeyPath,
      String jwksPath,
      String issuer,
      String audience) {
    /**
     * Whether tokens are taken.
     *
     * @return true when a secret, a public key or a JWKS file is set
     */
    public boolean enabled() {
      return !secret.isEmpty() || !publicKeyPath.isEmpty() || !jwksPath.isEmpty();
    }

    /** Hides the secret. */
    @Override
    public String toString() {
      return "Jwt[algorithm="
          + algorithm
          + ", secret="
          + (secret.isEmpty() ? "" : "(hidden)")
          + ", publicKeyPath="
          + publicKeyPath
          + ", jwksPath="
          + jwksPath
          + ", issuer="
          + issuer
          + ", audience="
          + audience
          + "]";
    }
  }

  /** Which store keeps what lasts ({@code store.kind}). */
  public enum StoreKind {
    /** An embedded SQLite file (the default): for a single node. */
    SQLITE("sqlite"),
    /** PostgreSQL: for a cluster, whose nodes share it. */
    POSTGRES("postgres"),
    /** Memory: nothing outlasts a restart of every node (tests, a throwaway cluster). */
    MEMORY("memory");

    private final String word;

    StoreKind(String word) {
      this.word = word;
    }

    /**
     * The kind as configured.
     *
     * @return {@code sqlite}, {@code postgres} or {@code memory}
     */
    public String word() {
      return word;
    }
  }

  /**
   * The SQLite file of the store.
   *
   * @param path the file, relative to the working directory or absolute; it and its parent
   *     directories are made at the first start
   */
  public record Sqlite(String path) {}

  /**
   * The PostgreSQL database of the store.
   *
   * @param url a JDBC URL, {@code jdbc:postgresql://HOST:PORT/DB}
   * @param user the database user
   * @param password the password, empty for none or when {@code passwordFile} gives it
   * @param passwordFile a file whose content (without a trailing line break) is the password, for
   *     Kubernetes secrets; empty for none
   */
  public record Postgres(String url, String user, String password, String passwordFile) {
    /** Hides the password. */
    @Override
    public String toString() {
      return "Postgres[url=" + url + ", user=" + user + "]";
    }
  }

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
   * @param sendBufferBytes the kernel's send buffer of each chat or WebSocket connection ({@code
   *     SO_SNDBUF}), in bytes, or 0 to leave it to the kernel (on Linux it then grows up to {@code
   *     tcp_wmem}'s maximum, 4 MiB by default, before the outbound queue starts to fill)
   */
  public record SlowClient(int maxQueuedBytes, Seconds timeout, int sendBufferBytes) {}

  /**
   * Graceful shutdown.
   *
   * @param drain how long pending output may take to reach clients before they are closed
   */
  public record Shutdown(Seconds drain) {}

  /**
   * The operations HTTP listener: health, readiness and metrics.
   *
   * @param enabled whether it runs
   * @param host the address to listen on
   * @param port the TCP port, 0 for any free port
   */
  public record Http(boolean enabled, String host, int port) {}

  /**
   * Clustering over Hazelcast and Vert.x's clustered event bus.
   *
   * @param enabled whether this node joins a cluster
   * @param name the cluster's name; nodes join only a cluster of the same name
   * @param host the address Hazelcast binds and announces, empty to let Hazelcast choose
   * @param port Hazelcast's port (the next free one is tried when it is taken)
   * @param members the TCP-IP member list ({@code host} or {@code host:port}), or empty
   * @param kubernetesService the DNS name of a headless Service whose addresses are the members, or
   *     empty
   * @param eventBusHost the address of this node's event-bus server, empty for {@code host}
   * @param eventBusPort the event-bus server's port, 0 for any free port
   */
  public record Cluster(
      boolean enabled,
      String name,
      String host,
      int port,
      List<String> members,
      String kubernetesService,
      String eventBusHost,
      int eventBusPort) {
    /** Copies the member list. */
    public Cluster {
      members = List.copyOf(members);
    }
  }

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
    ParleyConfig config =
        new ParleyConfig(
            new Server(
                r.string("server.name", false),
                r.string("server.host", false),
                r.port("server.port"),
                r.integer("server.instances", 0, 1024, "a number of instances from 0 to 1024"),
                r.bool("server.proxyProtocol"),
                new Tls(
                    r.string("server.tls.certPath", true), r.string("server.tls.keyPath", true))),
            new Limits(
                maxLineBytes,
                r.integer(
                    "limits.maxConnections", 1, 10_000_000, "a number of connections above 0"),
                r.integer(
                    "limits.maxConnectionsPerAddress",
                    0,
                    10_000_000,
                    "a number of connections, 0 for no limit"),
                r.integer(
                    "limits.linesPerSecond", 0, 1_000_000, "lines per second, 0 for no limit"),
                r.integer("limits.lineBurst", 1, 1_000_000, "a number of lines above 0"),
                r.integer(
                    "limits.maxUnackedLines", 1, 100_000, "a number of lines from 1 to 100000")),
            new Rooms(
                r.roomName("rooms.default"),
                r.integer("rooms.maxRooms", 1, 1_000_000, "a number of rooms from 1 to 1000000"),
                r.integer(
                    "rooms.quietAbove", 1, 10_000_000, "a number of members from 1 to 10000000")),
            new History(
                r.integer("history.onJoin", 0, 100_000, "a number of lines from 0 to 100000"),
                r.integer("history.maxLines", 1, 100_000, "a number of lines from 1 to 100000"),
                r.seconds("history.maxAgeSeconds")),
            new Store(
                r.storeKind("store.kind"),
                new Sqlite(r.string("store.sqlite.path", true)),
                new Postgres(
                    r.string("store.postgres.url", true),
                    r.string("store.postgres.user", true),
                    r.string("store.postgres.password", true),
                    r.string("store.postgres.passwordFile", true)),
                r.integer(
                    "store.writeQueueLines",
                    1,
                    10_000_000,
                    "a number of lines from 1 to 10000000")),
            new Accounts(
                r.choice("accounts.registration", "open", "closed").equals("open"),
                r.bool("accounts.guests"),
                r.names("accounts.operators"),
                new Jwt(
                    r.choice(
                        "accounts.jwt.algorithm",
                        "HS256",
                        "HS384",
                        "HS512",
                        "RS256",
                        "RS384",
                        "RS512",
                        "ES256",
                        "ES384",
                        "ES512"),
                    r.string("accounts.jwt.secret", true),
                    r.string("accounts.jwt.publicKeyPath", true),
                    r.string("accounts.jwt.jwksPath", true),
                    r.string("accounts.jwt.issuer", true),
                    r.string("accounts.jwt.audience", true))),
            new Idle(r.seconds("idle.timeoutSeconds"), r.seconds("idle.sweepSeconds")),
            new SlowClient(
                r.integer(
                    "slowClient.maxQueuedBytes",
                    1024,
                    1 << 30,
                    "a number of bytes from 1024 to 1073741824"),
                r.seconds("slowClient.timeoutSeconds"),
                r.integer(
                    "slowClient.sendBufferBytes",
                    0,
                    1 << 26,
                    "a number of bytes from 0 (the kernel's default) to 67108864")),
            new Shutdown(r.seconds("shutdown.drainSeconds")),
            new Web(
                r.bool("web.enabled"),
                r.string("web.host", false),
                r.port("web.port"),
                r.origins("web.allowedOrigins"),
                new Tls(r.string("web.tls.certPath", true), r.string("web.tls.keyPath", true))),
            new Irc(
                r.bool("irc.enabled"),
                r.string("irc.host", false),
                r.port("irc.port"),
                r.bool("irc.proxyProtocol"),
                r.string("irc.network", false),
                new Tls(r.string("irc.tls.certPath", true), r.string("irc.tls.keyPath", true))),
            new Http(r.bool("http.enabled"), r.string("http.host", false), r.port("http.port")),
            new Cluster(
                r.bool("cluster.enabled"),
                r.string("cluster.name", false),
                r.string("cluster.host", true),
                r.port("cluster.port"),
                r.strings("cluster.members"),
                r.string("cluster.kubernetesService", true),
                r.string("cluster.eventBusHost", true),
                r.port("cluster.eventBusPort")));
    ConfigChecks.check(config);
    return config;
  }
}
