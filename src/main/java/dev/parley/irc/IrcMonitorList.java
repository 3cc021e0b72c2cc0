package dev.parley.irc;

import dev.parley.names.NameRegistry;
import dev.parley.protocol.NameRules;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One IRC client's MONITOR list (IRCv3 MONITOR): at most {@value #MAX_TARGETS} nicks, each a Parley
 * name, kept with the node's {@link IrcMonitor}, which hands this client the names watched here as
 * they are taken (730, {@code NICK!USER@HOST}) and given back (731). Made on the client's first
 * MONITOR, so that an idle client without one holds nothing; confined to the session's event loop.
 */
final class IrcMonitorList {
  /** The most nicks one client may watch (ISUPPORT {@code MONITOR}). */
  static final int MAX_TARGETS = 100;

  private final IrcSession session;

  /** Folded nick to the nick as the client typed it, in the order they were added. */
  private final Map<String, String> targets = new LinkedHashMap<>();

  private final MessageConsumer<JsonObject> inbox;

  IrcMonitorList(IrcSession session) {
    this.session = session;
    this.inbox =
        session
            .host()
            .vertx()
            .eventBus()
            .localConsumer(IrcMonitor.session(session.id()), m -> presence(m.body()));
  }

  /** {@code MONITOR +|-|C|L|S [TARGETS]}. */
  void monitor(IrcMessage m) {
    String what = m.param(0);
    List<String> typed = new ArrayList<>();
    for (String target : m.param(1).split(",")) {
      if (!target.isBlank()) {
        typed.add(target.strip());
      }
    }
    switch (what) {
      case "+" -> add(typed);
      case "-" -> remove(typed);
      case "C", "c" -> clear();
      case "L", "l" -> list();
      case "S", "s" -> status(List.copyOf(targets.values()));
      default -> session.numeric(IrcReplies.UNKNOWNCOMMAND, "MONITOR", IrcReplies.UNKNOWN_COMMAND);
    }
  }

  private void add(List<String> typed) {
    List<String> added = new ArrayList<>();
    for (int i = 0; i < typed.size(); i++) {
      String nick = typed.get(i);
      if (!NameRules.check(nick).valid()) {
        session.numeric(IrcReplies.ERRONEUSNICKNAME, nick, IrcReplies.NOT_A_NICK);
        continue;
      }
      String folded = IrcNicks.fold(nick);
      if (targets.containsKey(folded)) {
        continue;
      }
      if (targets.size() == MAX_TARGETS) {
        session.numeric(
            IrcReplies.MONLISTFULL,
            String.valueOf(MAX_TARGETS),
            String.join(",", typed.subList(i, typed.size())),
            IrcReplies.MONITOR_LIST_FULL);
        break;
      }
      targets.put(folded, nick);
      added.add(nick);
    }
    tell(new JsonObject().put("add", new JsonArray(new ArrayList<Object>(added))));
    status(added);
  }

  private void remove(List<String> typed) {
    List<Object> removed = new ArrayList<>();
    for (String nick : typed) {
      if (targets.remove(IrcNicks.fold(nick)) != null) {
        removed.add(nick);
      }
    }
    tell(new JsonObject().put("remove", new JsonArray(removed)));
  }

  private void clear() {
    targets.clear();
    tell(new JsonObject().put("clear", true));
  }

  private void list() {
    if (!targets.isEmpty()) {
      session.numeric(IrcReplies.MONLIST, String.join(",", targets.values()));
    }
    session.numeric(IrcReplies.ENDOFMONLIST, IrcReplies.END_OF_MONITOR_LIST);
  }

  /** 730 for those of {@code nicks} somebody holds, then 731 for the others. */
  private void status(List<String> nicks) {
    if (nicks.isEmpty()) {
      return;
    }
    List<Future<NameRegistry.Holder>> asked = new ArrayList<>();
    for (String nick : nicks) {
      asked.add(IrcNicks.holder(session.names(), nick).otherwise((NameRegistry.Holder) null));
    }
    session.inOrder(
        Future.join(asked)
            .onComplete(
                all -> {
                  List<String> online = new ArrayList<>();
                  List<String> offline = new ArrayList<>();
                  for (int i = 0; i < nicks.size(); i++) {
                    NameRegistry.Holder holder = asked.get(i).result();
                    if (holder == null) {
                      offline.add(nicks.get(i));
                    } else {
                      online.add(mask(holder.name(), holder.user()));
                    }
                  }
                  if (!online.isEmpty()) {
                    session.numeric(IrcReplies.MONONLINE, String.join(",", online));
                  }
                  if (!offline.isEmpty()) {
                    session.numeric(IrcReplies.MONOFFLINE, String.join(",", offline));
                  }
                }));
  }

  /** A name watched here was taken or given back, as {@link NameRegistry#PRESENCE} says. */
  private void presence(JsonObject event) {
    String name = event.getString("name", "");
    if (!targets.containsKey(IrcNicks.fold(name))) {
      return;
    }
    if (event.getBoolean("online", false)) {
      session.numeric(IrcReplies.MONONLINE, mask(name, event.getString("user")));
    } else {
      session.numeric(IrcReplies.MONOFFLINE, name);
    }
  }

  private String mask(String name, String user) {
    return name + "!" + (user == null ? name : user) + "@" + session.server();
  }

  /** The client has gone: the node's index forgets it. */
  void close() {
    inbox.unregister();
    tell(new JsonObject().put("clear", true));
  }

  private void tell(JsonObject change) {
    session
        .host()
        .vertx()
        .eventBus()
        .send(IrcMonitor.WATCH, change.put("session", session.id()), IrcMonitor.LOCAL);
  }
}
