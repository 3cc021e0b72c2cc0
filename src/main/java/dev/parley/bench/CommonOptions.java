package dev.parley.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * The options every scenario takes, mixed into each subcommand by picocli. Filled in by picocli on
 * the command's thread before the run; read-only afterwards.
 */
final class CommonOptions {
  /** The longest run accepted, in seconds: one day. */
  static final double MAX_SECONDS = 86_400;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      defaultValue = "10",
      description = "measured time in seconds (default ${DEFAULT-VALUE})")
  double duration;

  @Option(
      names = "--warmup",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description = "traffic before measuring, in seconds (default ${DEFAULT-VALUE})")
  double warmup;

  @Option(
      names = "--line-bytes",
      paramLabel = "N",
      defaultValue = "64",
      description =
          "approximate length of each chat line's text, 16 to 1000 (default ${DEFAULT-VALUE})")
  int lineBytes;

  @Option(
      names = "--server-pid",
      paramLabel = "PID",
      description = "read the server's resident memory (VmRSS) from /proc/PID/status")
  Long serverPid;

  @Option(
      names = "--metrics-url",
      paramLabel = "URL",
      description =
          "without --server-pid: sum jvm_memory_used_bytes from Parley's Prometheus endpoint,"
              + " e.g. http://127.0.0.1:8080/metrics")
  String metricsUrl;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  boolean help;

  @Option(names = "--json-only", description = "print only the JSON line to standard output")
  boolean jsonOnly;

  @Parameters(
      index = "0",
      paramLabel = "HOST:PORT",
      converter = HostPort.Converter.class,
      description = "the Parley chat port to load; the tool connects nowhere else")
  HostPort target;

  /**
   * Checks the ranges.
   *
   * @throws ParameterException for a value out of range
   */
  void validate(CommandSpec spec) {
    if (!(duration > 0 && duration <= MAX_SECONDS)) {
      throw new ParameterException(spec.commandLine(), "--duration must be > 0 and <= 86400");
    }
    if (!(warmup >= 0 && warmup <= MAX_SECONDS)) {
      throw new ParameterException(spec.commandLine(), "--warmup must be >= 0 and <= 86400");
    }
    if (lineBytes < LineWriter.MIN_LINE_BYTES || lineBytes > LineWriter.MAX_LINE_BYTES) {
      throw new ParameterException(spec.commandLine(), "--line-bytes must be 16 to 1000");
    }
    if (serverPid != null && serverPid <= 0) {
      throw new ParameterException(spec.commandLine(), "--server-pid must be a process id");
    }
  }

  /** Checks that {@code value} is in {@code [min, max]}. */
  static void require(CommandSpec spec, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ParameterException(
          spec.commandLine(), option + " must be " + min + " to " + max + ", not " + value);
    }
  }
}
