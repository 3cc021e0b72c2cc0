package dev.parley.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code bench fanout}: receivers listen while senders send as fast as a window allows or at a
 * fixed rate; reports deliveries per second, latency percentiles and lost, duplicated and reordered
 * lines. Picocli creates and fills it on the command's thread; {@link #call} blocks that thread for
 * the run.
 */
@Command(
    name = "fanout",
    description = "Senders chat, receivers listen: deliveries per second, latency, loss.")
final class FanoutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--receivers",
      paramLabel = "N",
      defaultValue = "100",
      description = "receivers r0… (default ${DEFAULT-VALUE})")
  int receivers;

  @Option(
      names = "--senders",
      paramLabel = "S",
      defaultValue = "10",
      description = "senders s0… (default ${DEFAULT-VALUE})")
  int senders;

  @Option(
      names = "--rooms",
      paramLabel = "R",
      defaultValue = "1",
      description =
          "rooms #b0… to spread receivers and senders over, at least one sender in each"
              + " (default ${DEFAULT-VALUE}: everyone in the default room)")
  int rooms;

  @Option(
      names = "--rate",
      paramLabel = "R",
      description = "lines per second per sender, at a fixed rate (instead of --window)")
  Double rate;

  @Option(
      names = "--window",
      paramLabel = "W",
      description =
          "send as fast as possible with at most W unacknowledged lines per sender"
              + " (the default mode; default 10)")
  Integer window;

  /**
   * Checks the options and runs the scenario. Runs on picocli's thread and blocks it for the run
   * (about warm-up + duration + up to 3 s).
   *
   * @return 0 after a completed run, 1 if the server could not be reached or refused connections
   * @throws picocli.CommandLine.ParameterException for an option out of range (picocli exits 2)
   */
  @Override
  public Integer call() {
    common.validate(spec);
    CommonOptions.require(spec, "--receivers", receivers, 1, 100_000);
    CommonOptions.require(spec, "--senders", senders, 1, 10_000);
    CommonOptions.require(spec, "--rooms", rooms, 1, senders);
    if (rate != null && window != null) {
      throw new ParameterException(spec.commandLine(), "give --rate or --window, not both");
    }
    if (rate != null && !(rate > 0 && rate <= 1_000_000)) {
      throw new ParameterException(spec.commandLine(), "--rate must be > 0 and <= 1000000");
    }
    int w = window == null ? 10 : window;
    CommonOptions.require(spec, "--window", w, 1, 100_000);
    TrafficPlan plan =
        new TrafficPlan("fanout", receivers, senders, 0, rate == null ? 0 : rate, w, rooms, common);
    return Launcher.run(
        spec, "fanout", common.jsonOnly, console -> new TrafficRun(plan, console).run());
  }
}
