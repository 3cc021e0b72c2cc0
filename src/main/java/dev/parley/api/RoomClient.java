package dev.parley.api;

import dev.parley.values.ErrorCode;
import dev.parley.values.RosterEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A typed client of Parley's rooms over the event bus, one client for every room (requests that
 * concern one room take its name; without one they mean the default room, {@code rooms.default}),
 * for services, bots and archivers in the same JVM or on any node of the cluster; it builds and
 * reads the JSON of {@code docs/event-bus.md}. Failed requests fail their future with a {@link
 * ReplyException} whose {@code failureCode()} is an {@link ErrorCode}'s code; {@link
 * ErrorCode#UNAVAILABLE} when the room did not answer (no node hosts it right now, or no reply
 * within the event bus's send timeout). Thread-safe; callbacks run on the calling context.
 */
public final class RoomClient {
  private final Vertx vertx;
  private final EventBus bus;

  private RoomClient(Vertx vertx) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
  }

  /**
   * Creates a client.
   *
   * @param vertx a Vert.x instance that runs Parley, or is in the same cluster as one that does
   * @return the client
   */
  public static RoomClient create(Vertx vertx) {
    return new RoomClient(vertx);
  }

  /**
   * Joins the room as a bus member. The member appears in rosters, arrivals and departures like
   * anyone else and is never disconnected for idleness; it leaves with {@link BusMember#leave},
   * when it is kicked, or when its cluster node goes away.
   *
   * @param name the name asked for; it follows the name rules of {@code docs/protocol.md}
   * @return the member, or a failure with {@link ErrorCode#INVALID_NAME} or {@link
   *     ErrorCode#NAME_TAKEN}
   */
  public Future<BusMember> join(String name) {
    return join(name, null);
  }

  /**
   * Joins a room as a bus member; {@link BusMember#enter} puts it in more rooms under the same
   * name.
   *
   * @param name the name asked for, unique across the server
   * @param room the room to join, opened if it has no members; {@code null} for the default room
   * @return the member, or a failure with {@link ErrorCode#INVALID_NAME} (name or room name),
   *     {@link ErrorCode#NAME_TAKEN} or {@link ErrorCode#TOO_MANY_ROOMS}
   */
  public Future<BusMember> join(String name, String room) {
    String id = UUID.randomUUID().toString();
    BusMember member = new BusMember(bus, id);
    MessageConsumer<JsonObject> inbox = bus.consumer(ApiAddresses.member(id), member::onDirect);
    member.inbox(inbox);
    JsonObject request = new JsonObject().put("name", name).put("member", id);
    if (room != null) {
      request.put("room", room);
    }
    String node = Nodes.id(vertx);
    if (node != null) {
      request.put("node", node);
    }
    return inbox
        .completion()
        .compose(v -> RoomRequests.request(bus, ApiAddresses.JOIN, request))
        .map(member::joined)
        .onFailure(err -> inbox.unregister());
  }

  /**
   * The roster of the default room.
   *
   * @return everyone in the room, in order of arrival
   */
  public Future<List<RosterEntry>> who() {
    return who(null);
  }

  /**
   * The roster of a room.
   *
   * @param room the room's name, matched the way room names collide; {@code null} for the default
   *     room
   * @return everyone in the room, in order of arrival (none for a room without members), or a
   *     failure with {@link ErrorCode#INVALID_NAME}
   */
  public Future<List<RosterEntry>> who(String room) {
    JsonObject request = new JsonObject();
    if (room != null) {
      request.put("room", room);
    }
    return RoomRequests.request(bus, ApiAddresses.WHO, request)
        .map(
            reply -> {
              JsonArray members = reply.getJsonArray("members");
              List<RosterEntry> entries = new ArrayList<>(members.size());
              for (int i = 0; i < members.size(); i++) {
                entries.add(RosterJson.fromJson(members.getJsonObject(i)));
              }
              return entries;
            });
  }

  /**
   * Removes a member: it receives {@code * you were kicked: WHY} (a bus member gets a {@code
   * kicked} message), and the others see {@code * NAME has left (kicked: WHY)}.
   *
   * @param name the member's name, matched the way names collide (case, width, look-alikes)
   * @param reason why, shown to everyone; not empty
   * @return the member's name as it was in the room, or a failure with {@link
   *     ErrorCode#NO_SUCH_MEMBER} or {@link ErrorCode#BAD_REQUEST}
   */
  public Future<String> kick(String name, String reason) {
    return RoomRequests.request(
            bus, ApiAddresses.KICK, new JsonObject().put("name", name).put("reason", reason))
        .map(body -> body.getString("name"));
  }

  /**
   * Chat lines from history (docs/event-bus.md, {@code history}), oldest first.
   *
   * @param room a room name, or {@code null} for the lines of every room, in one list
   * @param limit at most this many lines, 1 or more (the room gives at most {@code
   *     history.maxLines})
   * @param beforeSeq 0 for the last lines; otherwise only lines of the room's current order with a
   *     smaller sequence number, such as the lines in a gap before an event
   * @return the lines as {@code message} events, or a failure with {@link ErrorCode#BAD_REQUEST},
   *     {@link ErrorCode#INVALID_NAME} or {@link ErrorCode#UNAVAILABLE}
   */
  public Future<List<ChatMessage>> history(String room, int limit, long beforeSeq) {
    JsonObject request = new JsonObject().put("limit", limit);
    if (room != null) {
      request.put("room", room);
    }
    if (beforeSeq > 0) {
      request.put("before", beforeSeq);
    }
    return RoomRequests.request(bus, ApiAddresses.HISTORY, request)
        .map(
            reply -> {
              JsonArray lines = reply.getJsonArray("lines");
              List<ChatMessage> messages = new ArrayList<>(lines.size());
              for (int i = 0; i < lines.size(); i++) {
                messages.add((ChatMessage) ParleyEvent.fromJson(lines.getJsonObject(i)));
              }
              return messages;
            });
  }

  /**
   * The rooms that have members, largest first, equal counts by case-folded name; at most 50.
   *
   * @return the rooms, or a failure with {@link ErrorCode#UNAVAILABLE}
   */
  public Future<List<RoomCount>> rooms() {
    return RoomRequests.request(bus, ApiAddresses.ROOMS, new JsonObject())
        .map(
            reply -> {
              JsonArray listed = reply.getJsonArray("rooms");
              List<RoomCount> rooms = new ArrayList<>(listed.size());
              for (int i = 0; i < listed.size(); i++) {
                JsonObject room = listed.getJsonObject(i);
                rooms.add(new RoomCount(room.getString("name"), room.getInteger("members")));
              }
              return rooms;
            });
  }

  /**
   * Subscribes to the events of every room. The rooms of one room group share one order (one run,
   * consecutive sequence numbers); a single node has one group, a cluster several, whose orders
   * this stream interleaves.
   *
   * @return a stream of typed events; call {@link EventStream#handler} to start receiving
   */
  public EventStream events() {
    return new EventStream(bus.consumer(ApiAddresses.EVENTS));
  }

  /**
   * Subscribes to one room's events, without the traffic of the others. Their sequence numbers rise
   * but are not consecutive: the rooms of the room's group share one order.
   *
   * @param room the room's name, with or without its {@code #}
   * @return a stream of typed events; call {@link EventStream#handler} to start receiving
   * @throws IllegalArgumentException if the room name is not valid
   */
  public EventStream events(String room) {
    return new EventStream(bus.consumer(ApiAddresses.events(room)));
  }
}
