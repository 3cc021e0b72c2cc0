package dev.parley.bench;

import io.vertx.core.json.JsonObject;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a scenario for a subcommand: prints its report, or the one-line reason it failed. Stateless;
 * runs on the command's thread.
 */
final class Launcher {
  /** Exit status of a completed run. */
  static final int EXIT_OK = 0;

  /** Exit status when the server cannot be reached, refuses connections or does not keep up. */
  static final int EXIT_FAILED = 1;

  private Launcher() {}

  /**
   * Runs {@code scenario} with a console on picocli's output writers.
   *
   * @param name the scenario's name, for progress lines
   * @param jsonOnly print only the JSON line
   * @return {@link #EXIT_OK} or {@link #EXIT_FAILED}
   */
  static int run(
      CommandSpec spec, String name, boolean jsonOnly, Function<Console, JsonObject> scenario) {
    Console console = new Console(spec.commandLine().getOut(), spec.commandLine().getErr(), name);
    try {
      Report.print(console, scenario.apply(console), jsonOnly);
      return EXIT_OK;
    } catch (BenchFailure e) {
      console.warn(e.getMessage());
      return EXIT_FAILED;
    }
  }
}
