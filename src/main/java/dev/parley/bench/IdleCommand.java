package dev.parley.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench idle}: many connections join and hold still; reports how long joining took and the
 * server's memory per connection. Picocli creates and fills it on the command's thread; {@link
 * #call} blocks that thread for the run.
 */
@Command(
    name = "idle",
    description = "Many idle connections: time to join, server memory per connection.")
final class IdleCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--connections",
      paramLabel = "N",
      defaultValue = "10000",
      description = "idle connections i0… (default ${DEFAULT-VALUE})")
  int connections;

  @Option(
      names = "--gc",
      description =
          "with --server-pid: run jcmd PID GC.run before each memory sample (VmRSS can then"
              + " fall as the JVM returns heap to the OS; start the server with -Xms equal to"
              + " -Xmx for comparable numbers)")
  boolean gc;

  /**
   * Checks the options and runs the scenario. Runs on picocli's thread and blocks it for the run
   * (joining, then the duration, plus up to 30 s per {@code jcmd} with {@code --gc}).
   *
   * @return 0 after a completed run, 1 if the server could not be reached or refused connections
   * @throws picocli.CommandLine.ParameterException for an option out of range (picocli exits 2)
   */
  @Override
  public Integer call() {
    common.validate(spec);
    CommonOptions.require(spec, "--connections", connections, 1, 1_000_000);
    return Launcher.run(
        spec,
        "idle",
        common.jsonOnly,
        console -> new IdleRun(connections, gc, common, console).run());
  }
}
