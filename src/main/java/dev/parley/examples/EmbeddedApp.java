package dev.parley.examples;

import dev.parley.Parley;
import dev.parley.api.RoomClient;
import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * An example application that embeds Parley into its own {@code Vertx}, next to its own HTTP
 * server; its page says who is in the room. Run by hand with {@code java -cp target/parley.jar
 * dev.parley.examples.EmbeddedApp}, then {@code nc localhost 8000} and {@code curl
 * localhost:8090/}.
 *
 * @param vertx the application's Vert.x instance
 * @param parley the embedded chat server
 * @param http the application's own HTTP server
 */
public record EmbeddedApp(Vertx vertx, Parley parley, HttpServer http) {

  /**
   * Starts the application.
   *
   * @param vertx the application's Vert.x instance
   * @param chat Parley's settings
   * @param httpHost the address of the application's HTTP server
   * @param httpPort its port, 0 for any free port
   * @return the running application
   */
  public static Future<EmbeddedApp> start(
      Vertx vertx, ParleyConfig chat, String httpHost, int httpPort) {
    RoomClient room = RoomClient.create(vertx);
    return Parley.deploy(vertx, chat)
        .compose(
            parley ->
                vertx
                    .createHttpServer()
                    .requestHandler(
                        request ->
                            room.who()
                                .onSuccess(
                                    who ->
                                        request
                                            .response()
                                            .putHeader("content-type", "text/plain; charset=utf-8")
                                            .end(
                                                who.size()
                                                    + " in the room on port "
                                                    + parley.port()
                                                    + ": "
                                                    + String.join(
                                                        ", ",
                                                        who.stream().map(e -> e.name()).toList())
                                                    + "\n"))
                                .onFailure(err -> request.response().setStatusCode(503).end()))
                    .listen(httpPort, httpHost)
                    .map(http -> new EmbeddedApp(vertx, parley, http)));
  }

  /**
   * Stops Parley (its clients are told) and the HTTP server.
   *
   * @return completed when both are closed
   */
  public Future<Void> stop() {
    return parley.close().eventually(http::close);
  }

  /**
   * Runs the application: chat on port 8000, its page on port 8090.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    start(vertx, ParleyConfig.fromJson(new JsonObject()), "0.0.0.0", 8090)
        .onSuccess(
            app ->
                System.out.println(
                    "chat on port "
                        + app.parley().port()
                        + ", page on port "
                        + app.http().actualPort()))
        .onFailure(
            err -> {
              System.err.println("cannot start: " + err.getMessage());
              vertx.close();
            });
  }
}
