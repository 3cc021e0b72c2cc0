package dev.parley.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Where the tool writes: the report to standard output, progress (one line a second), the first
 * {@value #MAX_ERRORS_SHOWN} error lines and failures to standard error. Both are picocli's
 * writers, so that a test can capture them.
 *
 * <p>Not thread-safe: used only by the controller thread.
 */
final class Console {
  /** How many error lines from the server are shown at most. */
  static final int MAX_ERRORS_SHOWN = 5;

  private final PrintWriter out;
  private final PrintWriter err;
  private final String scenario;
  private final long startNanos = System.nanoTime();
  private int errorsShown;
  private long lastCount;
  private long lastNanos = startNanos;

  /**
   * @param out standard output, for the report
   * @param err standard error, for progress and problems
   * @param scenario the scenario's name, at the start of each progress line
   */
  Console(PrintWriter out, PrintWriter err, String scenario) {
    this.out = out;
    this.err = err;
    this.scenario = scenario;
  }

  /** Writes one line of the report to standard output. */
  void report(String line) {
    out.println(line);
    out.flush();
  }

  /** Writes a one-line message to standard error. */
  void note(String line) {
    err.println(line);
    err.flush();
  }

  /** Writes a one-line warning to standard error, prefixed with {@code bench SCENARIO: }. */
  void warn(String message) {
    note("bench " + scenario + ": " + message);
  }

  /** Shows error lines on standard error until {@value #MAX_ERRORS_SHOWN} have been shown. */
  void showErrors(List<String> samples) {
    for (String sample : samples) {
      if (errorsShown < MAX_ERRORS_SHOWN) {
        errorsShown++;
        warn(sample);
      }
    }
  }

  /** A progress line while connections join. */
  void joining(int joined) {
    note(
        String.format(
            Locale.ROOT, "bench %s %6.1f s  joining   %d joined", scenario, since(), joined));
  }

  /**
   * A progress line: elapsed seconds, a running count with its rate since the previous line, open
   * connections and errors.
   *
   * @param phase such as {@code warmup} or {@code measure}
   * @param what what {@code count} counts, such as {@code deliveries}
   * @param count the running total
   */
  void progress(String phase, String what, long count, StatsSnapshot now) {
    long nanos = System.nanoTime();
    double rate = (count - lastCount) * 1e9 / Math.max(1, nanos - lastNanos);
    lastCount = count;
    lastNanos = nanos;
    note(
        String.format(
            Locale.ROOT,
            "bench %s %6.1f s  %-8s  %s %d (%.0f/s)  connections %d  errors %d",
            scenario,
            since(),
            phase,
            what,
            count,
            rate,
            now.open(),
            now.errors()));
    showErrors(now.errorSamples());
  }

  private double since() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
