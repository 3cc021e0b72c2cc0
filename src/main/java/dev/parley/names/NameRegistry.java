package dev.parley.names;

import dev.parley.protocol.NameKey;
import dev.parley.protocol.Replies;
import dev.parley.room.RoomException;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.core.shareddata.AsyncMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Who holds which name in the whole server (PROTOCOL.md sections 5 and 9): one holder per collision
 * key, the confusable skeleton of the name's case fold, in Vert.x's shared asynchronous map {@value
 * #NAMES} (a Hazelcast {@code IMap} in a cluster, a local map on one node). A name is taken with
 * {@code putIfAbsent} and given back only by its holder, or when the holder's node leaves the
 * cluster ({@link #forgetNode}). A bus member's id also leads to its name ({@value #MEMBERS}), so
 * that any room group can admit a bus member that another group admitted first.
 *
 * <p>Every method is asynchronous and MUST be called on a Vert.x context; none blocks.
 */
public final class NameRegistry {
  /** The shared map of names: collision key to holder. */
  public static final String NAMES = "parley.names";

  /**
   * Published, cluster-wide, each time a name is taken that nobody held ({@code {"name", "online":
   * true, "user"?}}) or given back ({@code "online": false}), with the name as its holder spells
   * it; a name that passes from one member to another (an account's login elsewhere, a change of
   * case) is neither. For IRC's MONITOR.
   */
  public static final String PRESENCE = "parley.names.presence";

  /**
   * The shared map of members that may be in many rooms (bus members, IRC clients): id to holder.
   */
  public static final String MEMBERS = "parley.members";

  /**
   * One holder of a name.
   *
   * @param memberId the session id of a line session, or the id of a bus member
   * @param nodeId the node the member is connected to (empty for a service of no known node)
   * @param kind how the member is connected
   * @param name the name as the member holds it, in NFC
   * @param user an IRC client's user name (from USER), or {@code null} for other members
   * @param realName an IRC client's real name (from USER), or {@code null} for other members
   * @param away an IRC client's away message (from AWAY), or {@code null} when it is not away
   * @param operator whether an IRC client proved with OPER that it speaks for a server operator
   */
  public record Holder(
      String memberId,
      String nodeId,
      MemberKind kind,
      String name,
      String user,
      String realName,
      String away,
      boolean operator) {
    /** A holder that is not an IRC client, or one whose USER is not known. */
    public Holder(String memberId, String nodeId, MemberKind kind, String name) {
      this(memberId, nodeId, kind, name, null, null, null, false);
    }

    /** An IRC client that is not away. */
    public Holder(
        String memberId,
        String nodeId,
        MemberKind kind,
        String name,
        String user,
        String realName) {
      this(memberId, nodeId, kind, name, user, realName, null, false);
    }

    String encode() {
      JsonObject json =
          new JsonObject()
              .put("member", memberId)
              .put("node", nodeId)
              .put("kind", kind.name())
              .put("name", name);
      if (user != null) {
        json.put("user", user).put("real", realName);
      }
      if (away != null) {
        json.put("away", away);
      }
      if (operator) {
        json.put("oper", true);
      }
      return json.encode();
    }

    static Holder decode(String encoded) {
      JsonObject json = new JsonObject(encoded);
      return new Holder(
          json.getString("member"),
          json.getString("node"),
          MemberKind.valueOf(json.getString("kind")),
          json.getString("name"),
          json.getString("user"),
          json.getString("real"),
          json.getString("away"),
          json.getBoolean("oper", false));
    }
  }

  private final AsyncMap<String, String> names;
  private final AsyncMap<String, String> members;
  private final EventBus bus;

  private NameRegistry(
      AsyncMap<String, String> names, AsyncMap<String, String> members, EventBus bus) {
    this.names = names;
    this.members = members;
    this.bus = bus;
  }

  /**
   * Opens the registry of a Vert.x instance, clustered or not.
   *
   * @return the registry, once both maps are open
   */
  public static Future<NameRegistry> open(Vertx vertx) {
    Future<AsyncMap<String, String>> names = vertx.sharedData().getAsyncMap(NAMES);
    Future<AsyncMap<String, String>> members = vertx.sharedData().getAsyncMap(MEMBERS);
    return Future.all(names, members)
        .map(v -> new NameRegistry(names.result(), members.result(), vertx.eventBus()));
  }

  private static String key(String name) {
    return NameKey.of(name).foldedSkeleton();
  }

  /**
   * Takes a name for a member; taking a name the same member holds already succeeds.
   *
   * @param holder the member and the name, a valid name in NFC
   * @return true when the member took the name now, false when it held it already; fails with a
   *     {@link RoomException} ({@link ErrorCode#NAME_TAKEN}, PROTOCOL.md's text) when another
   *     member holds it or a name too like it
   */
  public Future<Boolean> claim(Holder holder) {
    String encoded = holder.encode();
    return names
        .putIfAbsent(key(holder.name()), encoded)
        .compose(
            previous -> {
              if (previous != null) {
                Holder other = Holder.decode(previous);
                if (!other.memberId().equals(holder.memberId())) {
                  return Future.failedFuture(taken(holder.name(), other.name()));
                }
              }
              if (previous == null) {
                presence(holder, true);
              }
              Future<Void> indexed =
                  holder.kind().multiRoom()
                      ? members.put(holder.memberId(), encoded)
                      : Future.succeededFuture();
              return indexed.map(previous == null);
            });
  }

  /**
   * Takes a name for a member logged in to the account of that name, from whichever member holds it
   * now (PROTOCOL.md section 12, "one holder").
   *
   * @param holder the member and its account's name
   * @return the member that held the name before, or {@code null} when none (or this member did);
   *     fails with a {@link RoomException} when a bus member holds it, or the name is taken by one
   *     that collides with it under another spelling and is not this account's
   */
  public Future<Holder> takeOver(Holder holder) {
    String key = key(holder.name());
    String encoded = holder.encode();
    return names
        .putIfAbsent(key, encoded)
        .compose(
            previous -> {
              if (previous == null) {
                presence(holder, true);
                return Future.succeededFuture(null);
              }
              Holder other = Holder.decode(previous);
              if (other.memberId().equals(holder.memberId())) {
                return Future.succeededFuture(null);
              }
              if (other.kind() == MemberKind.BUS) {
                return Future.failedFuture(taken(holder.name(), other.name()));
              }
              return names
                  .replaceIfPresent(key, previous, encoded)
                  .compose(
                      replaced ->
                          replaced
                              ? Future.succeededFuture(other)
                              // Another member took it meanwhile: try again.
                              : takeOver(holder));
            });
  }

  private static RoomException taken(String name, String holderName) {
    return new RoomException(
        ErrorCode.NAME_TAKEN,
        holderName.equals(name)
            ? Replies.nameTakenText(name)
            : Replies.nameTooLikeText(name, holderName));
  }

  /**
   * Gives a name back, if {@code memberId} holds it; otherwise does nothing.
   *
   * @return completes once the name is free of this member
   */
  public Future<Void> release(String name, String memberId) {
    String key = key(name);
    return names
        .get(key)
        .compose(
            current -> {
              if (current == null || !Holder.decode(current).memberId().equals(memberId)) {
                return Future.succeededFuture();
              }
              Holder held = Holder.decode(current);
              Future<Boolean> removed =
                  names
                      .removeIfPresent(key, current)
                      .onSuccess(
                          gone -> {
                            if (gone) {
                              presence(held, false);
                            }
                          });
              // The member's entry goes with its name, not with an old name it renamed from.
              return held.kind().multiRoom()
                  ? removed.compose(r -> members.removeIfPresent(memberId, current)).mapEmpty()
                  : removed.mapEmpty();
            });
  }

  /**
   * Replaces the entry of a name its member holds with {@code holder} (an IRC client's away message
   * changed); nothing changes when another member holds the name now.
   *
   * @param holder the member, the name it holds and what it says of itself now
   * @return true when the entry was replaced
   */
  public Future<Boolean> update(Holder holder) {
    String key = key(holder.name());
    String encoded = holder.encode();
    return names
        .get(key)
        .compose(
            found -> {
              if (found == null || !Holder.decode(found).memberId().equals(holder.memberId())) {
                return Future.succeededFuture(false);
              }
              return names
                  .replaceIfPresent(key, found, encoded)
                  .compose(
                      replaced ->
                          replaced && holder.kind().multiRoom()
                              ? members.put(holder.memberId(), encoded).map(true)
                              : Future.succeededFuture(replaced));
            });
  }

  /**
   * The holder of a name, or of a name that collides with it.
   *
   * @param name a valid name
   * @return the holder, or {@code null} when nobody holds it
   */
  public Future<Holder> holder(String name) {
    return names.get(key(name)).map(found -> found == null ? null : Holder.decode(found));
  }

  /**
   * How many names are held: every member of the server (cluster-wide), each once.
   *
   * @return the count
   */
  public Future<Integer> count() {
    return names.size();
  }

  /**
   * Every holder of a name, cluster-wide: one read of the whole map, for the few questions that
   * match names against a mask (IRC's WHO).
   *
   * @return the holders, in no order
   */
  public Future<List<Holder>> holders() {
    return names
        .values()
        .map(
            values -> {
              List<Holder> all = new ArrayList<>(values.size());
              for (String value : values) {
                all.add(Holder.decode(value));
              }
              return all;
            });
  }

  /**
   * A bus member by its id.
   *
   * @return the member and its name, or {@code null} for an unknown id
   */
  public Future<Holder> member(String memberId) {
    return members.get(memberId).map(found -> found == null ? null : Holder.decode(found));
  }

  /**
   * Gives back every name held by the members of a node that left the cluster. Any node may call
   * it, as often as it likes: an entry is removed only if it is still the dead node's.
   *
   * @return completes once the node's names are free
   */
  public Future<Void> forgetNode(String nodeId) {
    return Future.join(forget(names, nodeId), forget(members, nodeId)).mapEmpty();
  }

  private Future<Void> forget(AsyncMap<String, String> map, String nodeId) {
    return map.entries()
        .compose(
            entries -> {
              List<Future<Boolean>> removed = new ArrayList<>();
              for (Map.Entry<String, String> e : entries.entrySet()) {
                Holder holder = Holder.decode(e.getValue());
                if (holder.nodeId().equals(nodeId)) {
                  Future<Boolean> gone = map.removeIfPresent(e.getKey(), e.getValue());
                  if (map == names) {
                    gone.onSuccess(
                        g -> {
                          if (g) {
                            presence(holder, false);
                          }
                        });
                  }
                  removed.add(gone);
                }
              }
              return Future.join(removed).mapEmpty();
            });
  }

  /** Publishes on {@value #PRESENCE} that a name is now held, or free. */
  private void presence(Holder holder, boolean online) {
    JsonObject event = new JsonObject().put("name", holder.name()).put("online", online);
    if (holder.user() != null) {
      event.put("user", holder.user());
    }
    bus.publish(PRESENCE, event);
  }
}
