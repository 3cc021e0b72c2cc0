package dev.parley.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench slow}: like fanout at a fixed rate, with members that stop reading; reports what the
 * normal receivers got, the server's memory over time and whether the slow members were cut off.
 * Picocli creates and fills it on the command's thread; {@link #call} blocks that thread for the
 * run.
 */
@Command(name = "slow", description = "Fanout at a fixed rate with members that stop reading.")
final class SlowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--receivers",
      paramLabel = "N",
      defaultValue = "100",
      description = "normal receivers r0… (default ${DEFAULT-VALUE})")
  int receivers;

  @Option(
      names = "--slow",
      paramLabel = "K",
      defaultValue = "5",
      description = "members k0… that join and stop reading (default ${DEFAULT-VALUE})")
  int slow;

  @Option(
      names = "--senders",
      paramLabel = "S",
      defaultValue = "5",
      description = "senders s0… (default ${DEFAULT-VALUE})")
  int senders;

  @Option(
      names = "--rate",
      paramLabel = "R",
      defaultValue = "50",
      description = "lines per second per sender (default ${DEFAULT-VALUE})")
  double rate;

  /**
   * Checks the options and runs the scenario. Runs on picocli's thread and blocks it for the run
   * (about warm-up + duration + up to 4 s).
   *
   * @return 0 after a completed run, 1 if the server could not be reached or refused connections
   * @throws picocli.CommandLine.ParameterException for an option out of range (picocli exits 2)
   */
  @Override
  public Integer call() {
    common.validate(spec);
    CommonOptions.require(spec, "--receivers", receivers, 1, 100_000);
    CommonOptions.require(spec, "--slow", slow, 0, 10_000);
    CommonOptions.require(spec, "--senders", senders, 1, 10_000);
    CommonOptions.require(spec, "--rate", (long) Math.ceil(rate), 1, 1_000_000);
    TrafficPlan plan = new TrafficPlan("slow", receivers, senders, slow, rate, 0, 1, common);
    return Launcher.run(
        spec, "slow", common.jsonOnly, console -> new TrafficRun(plan, console).run());
  }
}
