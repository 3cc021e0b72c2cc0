package dev.parley.bench;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * Runs the idle scenario: samples the server's memory, joins {@code N} connections (at most {@link
 * Swarm#CONNECTS_IN_FLIGHT} joining at a time), samples again, holds them for the duration while
 * they read and count the arrival notices, and samples a last time. With {@code --gc} the server's
 * JVM runs a full collection ({@code jcmd PID GC.run}) before each sample. The warm-up option does
 * not apply.
 *
 * <p>Thread rules: {@link #run} blocks the calling thread (not an event loop) for the whole run.
 */
final class IdleRun {
  private final int connections;
  private final boolean gcAsked;
  private final CommonOptions common;
  private final Console console;

  /**
   * @param connections idle connections {@code i0…}, 1 or more
   * @param gcAsked whether to run {@code jcmd PID GC.run} before each memory sample
   */
  IdleRun(int connections, boolean gcAsked, CommonOptions common, Console console) {
    this.connections = connections;
    this.gcAsked = gcAsked;
    this.common = common;
    this.console = console;
  }

  /**
   * Runs the scenario and returns its result.
   *
   * @throws BenchFailure if the server cannot be reached or refuses a connection
   */
  JsonObject run() {
    try (Swarm swarm = Swarm.start(common.target)) {
      MemoryProbe memory =
          new MemoryProbe(common.serverPid, common.metricsUrl, swarm.vertx(), console);
      GcTrigger gc = gcAsked && common.serverPid != null ? GcTrigger.find(common.serverPid) : null;
      if (gcAsked && gc == null) {
        console.warn("--gc needs --server-pid and a jcmd next to java; not used");
      }
      OptionalLong before = sample(memory, gc);

      List<IdleMember> members = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        members.add(new IdleMember(swarm.nextShard(), i));
      }
      CpuMeter connectCpu = new CpuMeter();
      long connectStart = System.nanoTime();
      swarm.join(members, swarm.client(), console);
      long connectNanos = System.nanoTime() - connectStart;
      double connectCores = connectCpu.cores();
      OptionalLong after = sample(memory, gc);

      Ticker ticker = new Ticker(swarm, console, "notices", StatsSnapshot::notices, () -> {});
      swarm.onEachShard(shard -> shard.measure(true));
      CpuMeter cpu = new CpuMeter();
      long measured = ticker.runFor(common.duration, "hold");
      double cores = cpu.cores();
      swarm.onEachShard(shard -> shard.measure(false));
      OptionalLong end = sample(memory, gc);

      StatsSnapshot totals = swarm.snapshot();
      console.showErrors(totals.errorSamples());
      Histogram none = new Histogram(ShardStats.MAX_LATENCY_MICROS, ShardStats.LATENCY_DIGITS);
      JsonObject result =
          Results.common(
                  "idle",
                  new JsonObject().put("target", common.target.toString()),
                  connections,
                  measured,
                  0,
                  totals,
                  none,
                  0,
                  cores)
              .put("connectSeconds", Results.round(connectNanos / 1e9))
              .put("connectCpuCores", Results.round(connectCores))
              .put("memorySource", memory.source())
              .put("gc", gc == null ? "no" : "jcmd GC.run before each sample");
      before.ifPresent(bytes -> result.put("serverMemoryBeforeBytes", bytes));
      after.ifPresent(bytes -> result.put("serverMemoryAfterBytes", bytes));
      end.ifPresent(bytes -> result.put("serverMemoryEndBytes", bytes));
      if (before.isPresent() && after.isPresent()) {
        long growth = after.getAsLong() - before.getAsLong();
        result.put("bytesPerConnection", Math.round(growth / (double) connections));
      }
      return result;
    }
  }

  private OptionalLong sample(MemoryProbe memory, GcTrigger gc) {
    if (gc != null && !gc.run()) {
      console.warn(gc.jcmd() + " GC.run failed");
    }
    return memory.sample();
  }
}
