package dev.parley.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the fanout and slow scenarios: joins receivers, then slow members (who stop reading), then
 * senders; sends through the warm-up and the measured period; stops the senders; waits up to
 * {@value #DRAIN_SECONDS} s for lines still in flight; and reports deliveries, latency, loss and,
 * with slow members, the server's memory and whether the slow members were cut off.
 *
 * <p>Thread rules: {@link #run} blocks the calling thread (the command's thread, not an event loop)
 * for the whole run; all connection work happens on the tool's event loops.
 */
final class TrafficRun {
  /** The longest wait for lines still in flight after the senders stop, in seconds. */
  static final long DRAIN_SECONDS = 3;

  /** How long slow members read again before their state is reported, in milliseconds. */
  static final long SLOW_RESUME_MILLIS = 1000;

  private static final long POLL_MILLIS = 20;

  private final TrafficPlan plan;
  private final Console console;

  TrafficRun(TrafficPlan plan, Console console) {
    this.plan = plan;
    this.console = console;
  }

  /**
   * Runs the scenario and returns its result.
   *
   * @throws BenchFailure if the server cannot be reached or refuses a connection
   */
  JsonObject run() {
    CommonOptions common = plan.common();
    try (Swarm swarm = Swarm.start(common.target)) {
      joinEveryone(swarm);
      MemoryProbe memory =
          new MemoryProbe(common.serverPid, common.metricsUrl, swarm.vertx(), console);
      MemorySeries series = new MemorySeries();
      Runnable sample = () -> memory.sample().ifPresent(series::add);
      boolean sampling = plan.slow() > 0 && memory.available();
      if (sampling) {
        sample.run();
      }
      Ticker ticker =
          new Ticker(
              swarm,
              console,
              "deliveries",
              StatsSnapshot::deliveries,
              sampling ? sample : () -> {});

      swarm.onEachShard(shard -> shard.startSending(Math.max(1, plan.senders())));
      ticker.runFor(common.warmup, "warmup");
      swarm.onEachShard(shard -> shard.measure(true));
      CpuMeter cpu = new CpuMeter();
      long measured = ticker.runFor(common.duration, "measure");
      double cores = cpu.cores();
      swarm.onEachShard(shard -> shard.measure(false));

      long[] sent = stopSenders(swarm);
      swarm.onEachShard(Shard::resumeSlow);
      long resumed = System.nanoTime();
      long loss = drain(swarm, sent);
      if (plan.slow() > 0) {
        Await.until(resumed + TimeUnit.MILLISECONDS.toNanos(SLOW_RESUME_MILLIS));
      }

      StatsSnapshot totals = swarm.snapshot();
      console.showErrors(totals.errorSamples());
      JsonObject result =
          Results.common(
              plan.scenario(),
              setup(),
              plan.connections(),
              measured,
              common.warmup,
              totals,
              swarm.latency(),
              loss,
              cores);
      if (plan.scenario().equals("slow")) {
        putSlow(swarm, result, memory, series);
      }
      return result;
    }
  }

  /** Receivers first, then slow members, then senders, so that everyone hears every line. */
  private void joinEveryone(Swarm swarm) {
    List<ReceiverMember> receivers = new ArrayList<>();
    for (int i = 0; i < plan.receivers(); i++) {
      ReceiverMember receiver = new ReceiverMember(swarm.nextShard(), i, plan.senders());
      if (plan.rooms() > 1) {
        receiver.moveTo(plan.roomOf(i));
        receiver.hearOnly(plan.rooms(), i % plan.rooms());
      }
      receivers.add(receiver);
    }
    swarm.join(receivers, swarm.client(), console);
    List<SlowMember> slow = new ArrayList<>();
    for (int i = 0; i < plan.slow(); i++) {
      slow.add(new SlowMember(swarm.nextShard(), i));
    }
    swarm.join(slow, swarm.slowClient(), console);
    List<SenderMember> senders = new ArrayList<>();
    for (int i = 0; i < plan.senders(); i++) {
      SenderMember sender =
          new SenderMember(
              swarm.nextShard(), i, plan.rate(), plan.window(), plan.common().lineBytes);
      if (plan.rooms() > 1) {
        sender.moveTo(plan.roomOf(i));
      }
      senders.add(sender);
    }
    swarm.join(senders, swarm.client(), console);
    SenderNames names = senderNames(swarm);
    swarm.onEachShard(shard -> shard.useSenders(names));
  }

  private JsonObject setup() {
    JsonObject setup =
        new JsonObject()
            .put("target", plan.common().target.toString())
            .put("receivers", plan.receivers())
            .put("senders", plan.senders())
            .put("rooms", plan.rooms());
    if (plan.scenario().equals("slow")) {
      setup.put("slow", plan.slow());
    }
    if (plan.rate() > 0) {
      setup.put("mode", "rate").put("rate", plan.rate());
    } else {
      setup.put("mode", "window").put("window", plan.window());
    }
    return setup.put("lineBytes", plan.common().lineBytes);
  }

  private static SenderNames senderNames(Swarm swarm) {
    List<Shard.SenderInfo> all = new ArrayList<>();
    swarm.onEachShard(Shard::senders).forEach(all::addAll);
    all.sort((a, b) -> Integer.compare(a.index(), b.index()));
    return new SenderNames(all.stream().map(Shard.SenderInfo::name).toList());
  }

  private long[] stopSenders(Swarm swarm) {
    long[] sent = new long[plan.senders()];
    for (List<Shard.SenderInfo> part : swarm.onEachShard(Shard::stopSending)) {
      part.forEach(info -> sent[info.index()] = info.sent());
    }
    return sent;
  }

  /** Waits until every receiver has every line or {@value #DRAIN_SECONDS} s have passed. */
  private static long drain(Swarm swarm, long[] sent) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
    while (true) {
      long missing = 0;
      for (long part : swarm.onEachShard(shard -> shard.missing(sent))) {
        missing += part;
      }
      if (missing == 0 || System.nanoTime() >= deadline) {
        return missing;
      }
      Await.until(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
    }
  }

  private void putSlow(Swarm swarm, JsonObject result, MemoryProbe memory, MemorySeries series) {
    JsonArray members = new JsonArray();
    int disconnected = 0;
    for (List<JsonObject> part : swarm.onEachShard(Shard::slowStatus)) {
      for (JsonObject status : part) {
        members.add(status);
        disconnected += status.getBoolean("disconnected") ? 1 : 0;
      }
    }
    result
        .put("slow", plan.slow())
        .put("slowDisconnected", disconnected)
        .put("slowMembers", members);
    result.put("memorySource", memory.source());
    series.putInto(result);
  }
}
