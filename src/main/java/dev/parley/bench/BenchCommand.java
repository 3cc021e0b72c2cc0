package dev.parley.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley bench}: a load-testing client for a running Parley server, with the scenarios
 * {@code fanout}, {@code idle} and {@code slow} as subcommands. Each opens connections only to the
 * {@code HOST:PORT} it is given, runs its own Vert.x instance, stops by itself, prints a table and
 * one line of JSON to standard output and progress to standard error, and exits with 0, or with 1
 * after one line on standard error when the server cannot be reached or refuses connections.
 *
 * <p>The command itself does nothing: picocli requires one of the subcommands. Picocli creates it;
 * it holds no state.
 */
@Command(
    name = "bench",
    description = "Loads a running Parley server and reports what it delivered.",
    subcommands = {FanoutCommand.class, IdleCommand.class, SlowCommand.class})
public final class BenchCommand {
  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  private boolean help;

  /** Created by picocli. */
  public BenchCommand() {}
}
