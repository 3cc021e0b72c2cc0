package dev.parley.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Asks the server's JVM for a full garbage collection with {@code jcmd PID GC.run}, so that memory
 * samples show live data rather than garbage. Uses the {@code jcmd} of the JDK that runs the tool.
 *
 * <p>Thread rules: blocking, up to 30 s per call; only on the controller thread.
 */
final class GcTrigger {
  private static final long TIMEOUT_SECONDS = 30;

  private final Path jcmd;
  private final long pid;

  private GcTrigger(Path jcmd, long pid) {
    this.jcmd = jcmd;
    this.pid = pid;
  }

  /**
   * A trigger for {@code pid}, or null if this JDK has no {@code jcmd} (next to {@code java} in
   * {@code java.home/bin}).
   */
  static GcTrigger find(long pid) {
    Path candidate = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    return Files.isExecutable(candidate) ? new GcTrigger(candidate, pid) : null;
  }

  /** The jcmd in use, for the report. */
  Path jcmd() {
    return jcmd;
  }

  /**
   * Runs {@code jcmd PID GC.run} and waits for it.
   *
   * @return true if it ran and exited with status 0
   */
  boolean run() {
    try {
      Process process =
          new ProcessBuilder(jcmd.toString(), Long.toString(pid), "GC.run")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchFailure("interrupted");
    }
  }
}
