package dev.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/**
 * The tool's own Vert.x instance with one {@link Shard} per event loop, and the NetClients its
 * connections use. Connections are spread over the shards in turn.
 *
 * <p>Thread rules: used by the controller thread (the command's thread, never an event loop), which
 * blocks on the shards' answers; the shards' state is reached only through {@link #onEachShard}.
 */
final class Swarm implements AutoCloseable {
  /** The most connections joining at the same time, over all shards. */
  static final int CONNECTS_IN_FLIGHT = 500;

  /** Receive buffer of the slow members' sockets, in bytes. */
  static final int SLOW_RECEIVE_BUFFER_BYTES = 4096;

  /** Connect timeout of every connection, in milliseconds. */
  static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  /** Joining fails when no connection has joined for this long, in seconds. */
  static final long JOIN_STALL_SECONDS = 30;

  /** Joining fails when it takes longer than this, in seconds. */
  static final long JOIN_LIMIT_SECONDS = 600;

  private static final long CALL_SECONDS = 30;

  private final Vertx vertx;
  private final List<Shard> shards;
  private final HostPort target;
  private final NetClient client;
  private NetClient slowClient;
  private int nextShard;

  private Swarm(Vertx vertx, List<Shard> shards, HostPort target) {
    this.vertx = vertx;
    this.shards = shards;
    this.target = target;
    this.client = vertx.createNetClient(options());
  }

  private static NetClientOptions options() {
    return new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MILLIS).setTcpNoDelay(true);
  }

  /**
   * Starts Vert.x with one event loop per core the tool may use (fewer thread switches than
   * Vert.x's default of two per core) and deploys one shard on each.
   */
  static Swarm start(HostPort target) {
    int loops = Runtime.getRuntime().availableProcessors();
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
    List<Shard> shards = new ArrayList<>();
    for (int i = 0; i < loops; i++) {
      Shard shard = new Shard();
      Await.result(vertx.deployVerticle(shard), CALL_SECONDS, "starting Vert.x");
      shards.add(shard);
    }
    return new Swarm(vertx, shards, target);
  }

  Vertx vertx() {
    return vertx;
  }

  /** The client for normal connections. */
  NetClient client() {
    return client;
  }

  /**
   * The client for slow members, with a {@value #SLOW_RECEIVE_BUFFER_BYTES}-byte receive buffer.
   */
  NetClient slowClient() {
    if (slowClient == null) {
      slowClient = vertx.createNetClient(options().setReceiveBufferSize(SLOW_RECEIVE_BUFFER_BYTES));
    }
    return slowClient;
  }

  /** The shard for the next connection, in turn. */
  Shard nextShard() {
    Shard shard = shards.get(nextShard);
    nextShard = (nextShard + 1) % shards.size();
    return shard;
  }

  /**
   * Connects and joins {@code members}, at most {@value #CONNECTS_IN_FLIGHT} at a time, printing
   * progress every second.
   *
   * @throws BenchFailure if one cannot connect or join, if no connection joins for {@value
   *     #JOIN_STALL_SECONDS} s, or if joining takes more than {@value #JOIN_LIMIT_SECONDS} s
   */
  void join(List<? extends Member> members, NetClient via, Console console) {
    Map<Shard, List<Member>> byShard = new LinkedHashMap<>();
    for (Member member : members) {
      byShard.computeIfAbsent(member.shard, s -> new ArrayList<>()).add(member);
    }
    int inFlight = Math.max(1, CONNECTS_IN_FLIGHT / shards.size());
    List<Future<Void>> joins = new ArrayList<>();
    byShard.forEach((shard, batch) -> joins.add(shard.join(batch, via, target, inFlight)));
    Future<?> all = Future.all(joins);
    long start = System.nanoTime();
    long lastProgress = start;
    int lastJoined = -1;
    while (!Await.done(all, 1000, "joining")) {
      StatsSnapshot now = snapshot();
      console.showErrors(now.errorSamples());
      console.joining(now.joined());
      long time = System.nanoTime();
      if (now.joined() != lastJoined) {
        lastJoined = now.joined();
        lastProgress = time;
      }
      if (time - lastProgress >= TimeUnit.SECONDS.toNanos(JOIN_STALL_SECONDS)
          || time - start >= TimeUnit.SECONDS.toNanos(JOIN_LIMIT_SECONDS)) {
        List<String> stuck = new ArrayList<>();
        onEachShard(Shard::notJoined).forEach(stuck::addAll);
        throw new BenchFailure(
            "joining stalled: "
                + now.joined()
                + " connections joined in all, not joined: "
                + String.join("; ", stuck.subList(0, Math.min(3, stuck.size())))
                + (stuck.size() > 3 ? " and " + (stuck.size() - 3) + " more" : ""));
      }
    }
  }

  /**
   * Runs {@code action} on every shard's context and collects the results, in shard order.
   *
   * @throws BenchFailure if an action fails or a shard does not answer within 30 s
   */
  <T> List<T> onEachShard(Function<Shard, T> action) {
    List<Future<T>> answers = new ArrayList<>();
    for (Shard shard : shards) {
      answers.add(shard.call(() -> action.apply(shard)));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> answer : answers) {
      results.add(Await.result(answer, CALL_SECONDS, "asking an event loop"));
    }
    return results;
  }

  /** The counters summed over all shards. */
  StatsSnapshot snapshot() {
    StatsSnapshot sum = StatsSnapshot.ZERO;
    for (StatsSnapshot part : onEachShard(shard -> shard.stats().snapshot())) {
      sum = sum.plus(part);
    }
    return sum;
  }

  /** The measured latencies of all shards merged, in microseconds. */
  Histogram latency() {
    Histogram merged = new Histogram(ShardStats.MAX_LATENCY_MICROS, ShardStats.LATENCY_DIGITS);
    onEachShard(shard -> shard.stats().latencyCopy()).forEach(merged::add);
    return merged;
  }

  /** Closes every connection and Vert.x, waiting up to 10 s. */
  @Override
  public void close() {
    try {
      onEachShard(Shard::closeAll);
    } catch (BenchFailure e) {
      // Vert.x closes what is left.
    }
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // Nothing more to do: the process is about to end or the test goes on.
    }
  }
}
