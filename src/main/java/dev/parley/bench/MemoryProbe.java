package dev.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Reads the server's memory use, in bytes: its resident set ({@code VmRSS} in {@code
 * /proc/PID/status}) when a pid is given, else the sum of the {@code jvm_memory_used_bytes} series
 * at Parley's Prometheus endpoint when a URL is given, else nothing. A failed reading is reported
 * once on standard error and gives no value.
 *
 * <p>Thread rules: blocking; call only on the controller thread, never on an event loop.
 */
final class MemoryProbe {
  private static final String METRIC = "jvm_memory_used_bytes";
  private static final long HTTP_SECONDS = 10;

  private final Long pid;
  private final String metricsUrl;
  private final Vertx vertx;
  private final Console console;
  private HttpClient http;
  private boolean warned;

  /**
   * @param pid the server's process id, or null
   * @param metricsUrl the server's metrics URL, or null; used only without a pid
   * @param vertx the tool's Vert.x, for the HTTP client
   */
  MemoryProbe(Long pid, String metricsUrl, Vertx vertx, Console console) {
    this.pid = pid;
    this.metricsUrl = metricsUrl;
    this.vertx = vertx;
    this.console = console;
  }

  /** Whether there is anything to read. */
  boolean available() {
    return pid != null || metricsUrl != null;
  }

  /** What the values are: {@code VmRSS}, {@code jvm_memory_used_bytes} or {@code none}. */
  String source() {
    return pid != null ? "VmRSS" : metricsUrl != null ? METRIC : "none";
  }

  /** The server's memory now, in bytes; empty when unavailable or unreadable. */
  OptionalLong sample() {
    try {
      if (pid != null) {
        return OptionalLong.of(residentBytes(pid));
      }
      if (metricsUrl != null) {
        return OptionalLong.of(metricsBytes());
      }
    } catch (IOException | RuntimeException e) {
      if (!warned) {
        warned = true;
        console.note(
            "bench: cannot read the server's memory (" + source() + "): " + e.getMessage());
      }
    }
    return OptionalLong.empty();
  }

  private static long residentBytes(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring(6).trim().split("\\s+");
        long kib = Long.parseLong(parts[0]);
        return kib * 1024;
      }
    }
    throw new IOException("no VmRSS line for pid " + pid);
  }

  private long metricsBytes() throws IOException {
    if (http == null) {
      http = vertx.createHttpClient();
    }
    Future<Buffer> body =
        http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(metricsUrl))
            .compose(request -> request.send())
            .compose(
                response ->
                    response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("HTTP status " + response.statusCode()));
    String text = Await.result(body, HTTP_SECONDS, "reading " + metricsUrl).toString();
    return sumOf(text, METRIC);
  }

  /**
   * The sum of every sample of {@code metric} in a Prometheus text exposition.
   *
   * @throws IOException if there is none
   */
  static long sumOf(String exposition, String metric) throws IOException {
    double sum = 0;
    boolean found = false;
    for (String line : exposition.split("\n")) {
      if (!line.startsWith(metric)
          || line.length() == metric.length()
          || (line.charAt(metric.length()) != '{' && line.charAt(metric.length()) != ' ')) {
        continue;
      }
      int close = line.lastIndexOf('}');
      String rest = line.substring(close >= 0 ? close + 1 : metric.length()).trim();
      String value = rest.split("\\s+")[0];
      sum += Double.parseDouble(value);
      found = true;
    }
    if (!found) {
      throw new IOException("no " + metric + " samples");
    }
    return (long) sum;
  }
}
