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
import java.util.List;

/**
 * An example bot: joins as {@code clock} the rooms it is given (the default room if none) and
 * answers {@code !time} with the time in UTC, in the room where it was asked, in every room it is
 * in. Deploy it next to Parley (same {@code Vertx}, or any node of the cluster). Run by hand with
 * {@code java -cp target/parley.jar dev.parley.examples.ClockBot}, then {@code nc localhost 8000}
 * and type {@code !time}.
 */
public final class ClockBot extends VerticleBase {
  /** The bot's name in the room. */
  public static final String NAME = "clock";

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'");

  private final Clock clock;
  private final List<String> rooms;
  private BusMember member;
  private EventStream events;

  /**
   * Creates the bot.
   *
   * @param clock where the time comes from
   */
  public ClockBot(Clock clock) {
    this(clock, List.of());
  }

  /**
   * Creates the bot for some rooms.
   *
   * @param clock where the time comes from
   * @param rooms the rooms to be in, names with or without their {@code #}; none for the default
   *     room
   */
  public ClockBot(Clock clock, List<String> rooms) {
    this.clock = clock;
    this.rooms = List.copyOf(rooms);
  }

  @Override
  public Future<?> start() {
    RoomClient room = RoomClient.create(vertx);
    events = room.events();
    events.handler(
        event -> {
          if (event instanceof ChatMessage m
              && m.text().equals("!time")
              && member != null
              && member.rooms().contains(m.room())) {
            member.say(m.room(), "the time is " + FORMAT.format(ZonedDateTime.now(clock)));
          }
        });
    return events
        .completion()
        .compose(v -> room.join(NAME, rooms.isEmpty() ? null : rooms.get(0)))
        .compose(
            joined -> {
              Future<?> entered = Future.succeededFuture();
              for (String other : rooms.subList(Math.min(1, rooms.size()), rooms.size())) {
                entered = entered.compose(v -> joined.enter(other));
              }
              return entered.map(v -> joined);
            })
        .onSuccess(m -> member = m);
  }

  @Override
  public Future<?> stop() {
    Future<Void> left = member == null ? Future.succeededFuture() : member.leave("stopped");
    return left.eventually(events::close);
  }

  /**
   * Runs Parley with {@code conf/config.json} and the bot in one process.
   *
   * @param args the rooms the bot is in; the default room if none
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Parley.deploy(vertx, ParleyConfig.defaults())
        .compose(parley -> vertx.deployVerticle(new ClockBot(Clock.systemUTC(), List.of(args))))
        .onSuccess(id -> System.out.println("clock bot is in its rooms; say !time"))
        .onFailure(
            err -> {
              System.err.println("cannot start: " + err.getMessage());
              vertx.close();
            });
  }
}
