package dev.parley.examples;

import dev.parley.Parley;
import dev.parley.api.BusMember;
import dev.parley.api.ChatMessage;
import dev.parley.api.EventStream;
import dev.parley.api.MemberLeft;
import dev.parley.api.MemberRenamed;
import dev.parley.api.RoomClient;
import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An example moderator: joins as {@code moderator} the rooms it is given (the default room if none)
 * and mutes for {@value #MUTE_MINUTES} minutes, through the event-bus API, a member who says the
 * same line {@value #REPEATS} times in a row in one of them: the room sees {@code * NAME was muted
 * by moderator} and the member's lines there reach nobody until the mute ends. Only the member's
 * own lines count: others may speak in between. Deploy it next to Parley (same {@code Vertx}, or
 * any node of the cluster). Run by hand with {@code java -cp target/parley.jar
 * dev.parley.examples.ModerationBot '#lobby'}, then {@code nc localhost 8000} and say one line five
 * times.
 *
 * <p>Its state (each member's last line in each room) is confined to its context; a member's entry
 * goes when it leaves the room.
 */
public final class ModerationBot extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ModerationBot.class);

  /** The bot's name in the rooms, and the name it mutes under. */
  public static final String NAME = "moderator";

  /** How many times in a row a member may say a line before it is muted. */
  public static final int REPEATS = 5;

  /** How long a mute lasts, in minutes. */
  public static final int MUTE_MINUTES = 10;

  /** A member's last line in a room, and how many times in a row it said it. */
  private record Streak(String text, int count) {}

  private final List<String> rooms;
  private final Map<String, Map<String, Streak>> streaks = new HashMap<>();
  private RoomClient client;
  private BusMember member;
  private EventStream events;

  /**
   * Creates the bot.
   *
   * @param rooms the rooms to watch, names with or without their {@code #}; none for the default
   *     room
   */
  public ModerationBot(List<String> rooms) {
    this.rooms = List.copyOf(rooms);
  }

  @Override
  public Future<?> start() {
    client = RoomClient.create(vertx).actingAs(NAME);
    events = client.events();
    events.handler(
        event -> {
          if (member == null || !member.rooms().contains(event.room())) {
            return;
          }
          if (event instanceof ChatMessage m && !m.name().equals(member.name())) {
            said(m.room(), m.name(), m.text());
          } else if (event instanceof MemberLeft left) {
            of(left.room()).remove(left.name());
          } else if (event instanceof MemberRenamed renamed) {
            of(renamed.room()).remove(renamed.oldName());
          }
        });
    return events
        .completion()
        .compose(v -> client.join(NAME, rooms.isEmpty() ? null : rooms.get(0)))
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

  private Map<String, Streak> of(String room) {
    return streaks.computeIfAbsent(room, r -> new HashMap<>());
  }

  /** Counts a chat line; the {@value #REPEATS}th same line in a row mutes its author. */
  private void said(String room, String name, String text) {
    Map<String, Streak> inRoom = of(room);
    Streak last = inRoom.get(name);
    int count = last != null && last.text().equals(text) ? last.count() + 1 : 1;
    if (count < REPEATS) {
      inRoom.put(name, new Streak(text, count));
      return;
    }
    inRoom.remove(name);
    client
        .mute(room, name, MUTE_MINUTES)
        .onSuccess(muted -> LOG.info("muted {} in {} for repeating a line", muted, room))
        .onFailure(e -> LOG.warn("could not mute {} in {}: {}", name, room, e.getMessage()));
  }

  @Override
  public Future<?> stop() {
    Future<Void> left = member == null ? Future.succeededFuture() : member.leave("stopped");
    return left.eventually(events::close);
  }

  /**
   * Runs Parley with {@code conf/config.json} and the bot in one process.
   *
   * @param args the rooms the bot watches; the default room if none
   */
  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    Parley.deploy(vertx, ParleyConfig.defaults())
        .compose(parley -> vertx.deployVerticle(new ModerationBot(List.of(args))))
        .onSuccess(id -> System.out.println("the moderator is in its rooms"))
        .onFailure(
            err -> {
              System.err.println("cannot start: " + err.getMessage());
              vertx.close();
            });
  }
}
