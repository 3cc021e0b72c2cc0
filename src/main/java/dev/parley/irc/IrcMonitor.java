package dev.parley.irc;

import dev.parley.names.NameRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The node's index of IRCv3 MONITOR lists: which IRC sessions here watch which nicks (under
 * Parley's case fold), so that a name taken or given back anywhere in the cluster ({@link
 * NameRegistry#PRESENCE}) reaches only the sessions that watch it, on {@link #session}'s address.
 * Sessions change their entries with sends to {@value #WATCH}. One instance per node; its state is
 * confined to its event loop.
 */
public final class IrcMonitor extends VerticleBase {
  /**
   * Sent on this node: {@code {"session", "add": [NICK…]}}, {@code {"session", "remove": [NICK…]}}
   * or {@code {"session", "clear": true}}.
   */
  static final String WATCH = "parley.irc.monitor";

  /** Sends to the sessions and this index stay on this node. */
  static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final Map<String, Set<String>> watchers = new HashMap<>();
  private final Map<String, Set<String>> watched = new HashMap<>();

  /** Makes the index of one node. */
  public IrcMonitor() {}

  /** The address on which a session hears of the nicks it watches: a presence event's body. */
  static String session(String sessionId) {
    return WATCH + "." + sessionId;
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    return Future.join(
        bus.<JsonObject>consumer(NameRegistry.PRESENCE, this::presence).completion(),
        bus.<JsonObject>localConsumer(WATCH, this::watch).completion());
  }

  private void watch(Message<JsonObject> message) {
    JsonObject body = message.body();
    String sessionId = body.getString("session");
    if (body.getBoolean("clear", false)) {
      for (String nick : watched.getOrDefault(sessionId, Set.of())) {
        unwatch(nick, sessionId);
      }
      watched.remove(sessionId);
      return;
    }
    for (Object nick : body.getJsonArray("add", new JsonArray())) {
      String folded = IrcNicks.fold(String.valueOf(nick));
      watchers.computeIfAbsent(folded, k -> new HashSet<>()).add(sessionId);
      watched.computeIfAbsent(sessionId, k -> new HashSet<>()).add(folded);
    }
    for (Object nick : body.getJsonArray("remove", new JsonArray())) {
      String folded = IrcNicks.fold(String.valueOf(nick));
      unwatch(folded, sessionId);
      Set<String> own = watched.get(sessionId);
      if (own != null && own.remove(folded) && own.isEmpty()) {
        watched.remove(sessionId);
      }
    }
  }

  private void unwatch(String folded, String sessionId) {
    Set<String> sessions = watchers.get(folded);
    if (sessions != null && sessions.remove(sessionId) && sessions.isEmpty()) {
      watchers.remove(folded);
    }
  }

  private void presence(Message<JsonObject> message) {
    Set<String> sessions = watchers.get(IrcNicks.fold(message.body().getString("name", "")));
    if (sessions != null) {
      for (String sessionId : sessions) {
        vertx.eventBus().send(session(sessionId), message.body(), LOCAL);
      }
    }
  }
}
