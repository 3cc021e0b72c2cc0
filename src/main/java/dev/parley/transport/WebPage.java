package dev.parley.transport;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The chat page: plain HTML, CSS and JavaScript shipped in the jar ({@code dev/parley/web/}), read
 * once when the listener starts and served from memory with headers that keep the page to its own
 * scripts. Anything but {@code GET} or {@code HEAD} of its files (the page, its script, its style
 * sheet and its icon) gets 404 or 405. Immutable once loaded; safe to share between listener
 * instances.
 */
final class WebPage {
  private static final String FOLDER = "dev/parley/web/";

  /** A file of the page: where it is in the jar, and its media type. */
  private record File(String name, String type) {}

  /**
   * What is served, by path. The icon is an SVG, also at {@code /favicon.ico}, where browsers look
   * for one when a page names none (the page names it, so that a load asks for nothing missing).
   */
  private static final Map<String, File> FILES =
      Map.of(
          "/", new File("index.html", "text/html; charset=utf-8"),
          "/app.js", new File("app.js", "text/javascript; charset=utf-8"),
          "/style.css", new File("style.css", "text/css; charset=utf-8"),
          "/favicon.svg", new File("favicon.svg", "image/svg+xml"),
          "/favicon.ico", new File("favicon.svg", "image/svg+xml"));

  private static final String POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self' ws: wss:;"
          + " img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Map<String, Buffer> files;

  private WebPage(Map<String, Buffer> files) {
    this.files = files;
  }

  /**
   * Reads the page's files from the class path, without blocking the event loop.
   *
   * @param vertx the Vert.x whose file system reads them
   * @return the page, or a failure if a file is missing from the jar
   */
  static Future<WebPage> load(Vertx vertx) {
    Map<String, Buffer> files = new HashMap<>();
    List<Future<Buffer>> reads =
        FILES.entrySet().stream()
            .map(
                file ->
                    vertx
                        .fileSystem()
                        .readFile(FOLDER + file.getValue().name())
                        .onSuccess(b -> files.put(file.getKey(), b)))
            .toList();
    return Future.all(reads).map(v -> new WebPage(Map.copyOf(files)));
  }

  /** Answers one HTTP request. */
  void serve(HttpServerRequest request) {
    String path = request.path();
    Buffer body = files.get(path);
    if (body == null) {
      request.response().setStatusCode(404).end("not found");
      return;
    }
    if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
      request.response().setStatusCode(405).putHeader("Allow", "GET, HEAD").end();
      return;
    }
    request
        .response()
        .putHeader("Content-Type", FILES.get(path).type())
        .putHeader("Content-Security-Policy", POLICY)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Cache-Control", "no-cache")
        .end(request.method() == HttpMethod.HEAD ? Buffer.buffer() : body);
  }
}
