package dev.parley.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The tool's own CPU use: process CPU time over wall time, in cores (1.0 = one core busy all the
 * time). Counts every thread of the JVM, so when the server runs in the same JVM (as in tests) it
 * counts the server too. Not thread-safe: one meter per measured period, on the controller thread.
 */
final class CpuMeter {
  private final long cpuStart = processCpuNanos();
  private final long wallStart = System.nanoTime();

  /** The process's CPU time in nanoseconds, or -1 where the JVM does not tell. */
  static long processCpuNanos() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  /** CPU time since this meter was made divided by wall time, or -1 if unknown. */
  double cores() {
    long cpu = processCpuNanos();
    long wall = System.nanoTime() - wallStart;
    if (cpu < 0 || cpuStart < 0 || wall <= 0) {
      return -1;
    }
    return (cpu - cpuStart) / (double) wall;
  }
}
