package dev.parley.irc;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The node's WHOWAS history (the Modern IRC documents): the nicks IRC clients gave up, by quitting
 * or by NICK, with their user names and real names, newest first, at most {@value #MAX_ENTRIES}.
 * Every node keeps the same history: a nick given up anywhere in the cluster is published to all of
 * them on {@value #GIVEN_UP}. The history lives in memory and starts empty with the node. One
 * instance per node; its state is confined to its event loop.
 */
public final class IrcWhowas extends VerticleBase {
  /** The most nicks the history keeps; the oldest goes first. */
  public static final int MAX_ENTRIES = 1000;

  /** Published, cluster-wide: a nick given up, as {@code {"nick","user","real","at"}}. */
  static final String GIVEN_UP = "parley.irc.whowas";

  /**
   * Asked on this node: {@code {"nick", "count"}}, answered with {@code {"entries": [...]}}, the
   * newest first, at most {@code count} of them (every one for 0 or less).
   */
  static final String ASK = "parley.irc.whowas.ask";

  private final Deque<JsonObject> entries = new ArrayDeque<>();

  /** Makes the history of one node. */
  public IrcWhowas() {}

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    return Future.join(
        bus.<JsonObject>consumer(GIVEN_UP, this::givenUp).completion(),
        bus.<JsonObject>localConsumer(ASK, this::ask).completion());
  }

  private void givenUp(Message<JsonObject> message) {
    entries.addFirst(message.body());
    if (entries.size() > MAX_ENTRIES) {
      entries.removeLast();
    }
  }

  private void ask(Message<JsonObject> message) {
    String nick = message.body().getString("nick", "");
    int count = message.body().getInteger("count", 0);
    JsonArray found = new JsonArray();
    for (JsonObject entry : entries) {
      if (count > 0 && found.size() == count) {
        break;
      }
      if (IrcNicks.same(nick, entry.getString("nick", ""))) {
        found.add(entry);
      }
    }
    message.reply(new JsonObject().put("entries", found));
  }

  /**
   * Tells every node's history that an IRC client gave up {@code nick}. Any thread.
   *
   * @param bus the node's event bus
   */
  static void givenUp(EventBus bus, String nick, String user, String realName, long atMillis) {
    bus.publish(
        GIVEN_UP,
        new JsonObject()
            .put("nick", nick)
            .put("user", user)
            .put("real", realName)
            .put("at", atMillis));
  }
}
