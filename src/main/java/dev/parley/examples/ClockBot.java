package dev.parley.examples;

import dev.parley.Parley;
import dev.parley.api.BusMember;
import dev.parley.api.ChatMessage;
import dev.parley.api.EventStream;
import dev.parley.api.RoomClient;
import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An example bot: joins the room as {@code clock} and answers {@code !time} with the time in UTC.
 * Deploy it next to Parley (same {@code Vertx}, or any node of the cluster). Run by hand with
 * {@code java -cp target/parley.jar dev.parley.examples.ClockBot}, then {@code nc localhost 8000}
 * and type {@code !time}.
 */
public final class ClockBot extends VerticleBase {
  /** The bot's name in the room. */
  public static final String NAME = "clock";

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'");

  private final Clock clock;
  private BusMember member;
  private EventStream events;

  /**
   * Creates the bot.
   *
   * @param clock where the time comes from
   */
  public ClockBot(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    RoomClient room = RoomClient.create(vertx);
    events = room.events();
    events.handler(
        event -> {
          if (event instanceof ChatMessage m && m.text().equals("!time") && member != null) {
            member.say("the time is " + FORMAT.format(ZonedDateTime.now(clock)));
          }
        });
    return events.completion().compose(v -> room.join(NAME)).onSuccess(m -> member = m);
  }

  @Override
  public Future<?> stop() {
    Future<Void> left = member == null ? Future.succeededFuture() : member.leave("stopped");
    return left.eventually(events::close);
  }

  /**
   * Runs Parley with {@code conf/config.json} and the bot in one process.
   *
   * @param args none
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Parley.deploy(vertx, ParleyConfig.defaults())
        .compose(parley -> vertx.deployVerticle(new ClockBot(Clock.systemUTC())))
        .onSuccess(id -> System.out.println("clock bot is in the room; say !time"))
        .onFailure(
            err -> {
              System.err.println("cannot start: " + err.getMessage());
              vertx.close();
            });
  }
}
