package dev.parley.api;

import dev.parley.accounts.PasswordHash;
import dev.parley.protocol.AccountReplies;
import dev.parley.values.ErrorCode;
import dev.parley.values.RosterEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>The moderation and account requests ({@link #kick(String, String, String)}, {@link #ban},
 * {@link #mute}, {@link #setTopic}, {@link #op}, {@link #registerAccount}, …) act as a server
 * operator (PROTOCOL.md section 13), under the name {@code service} or the one given to {@link
 * #actingAs}: every room sees that name as the one who acted. They never fail with {@link
 * ErrorCode#NOT_OPERATOR}; a change of a room's policy is saved before it is made, and fails with
 * {@link ErrorCode#NOT_SAVED} (changing nothing) while the store is away. A password never travels
 * on the event bus: it is hashed here, on a worker thread, and only its hash is sent.
 */
public final class RoomClient {
  private final Vertx vertx;
  private final EventBus bus;
  private final String by;

  private RoomClient(Vertx vertx, String by) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.by = by;
  }

  /**
   * Creates a client.
   *
   * @param vertx a Vert.x instance that runs Parley, or is in the same cluster as one that does
   * @return the client
   */
  public static RoomClient create(Vertx vertx) {
    return new RoomClient(vertx, null);
  }

  /**
   * A client like this one whose moderation requests name {@code name} as the one who acted ({@code
   * * bob was muted by NAME}); this client is not changed.
   *
   * @param name a valid name (the name rules of {@code docs/protocol.md}); the room refuses
   *     anything else with {@link ErrorCode#INVALID_NAME}
   * @return the client
   */
  public RoomClient actingAs(String name) {
    return new RoomClient(vertx, name);
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
   * Kicks a member out of one room as a server operator (PROTOCOL.md section 13, {@code /kick}): it
   * receives {@code * you were kicked: WHY} and the room sees {@code * NAME has left (kicked:
   * WHY)}; a line session then enters the default room (from the default room its connection
   * closes), a bus member leaves that room only.
   *
   * @param name the member's name, matched the way names collide
   * @param room the room, with or without its {@code #}; {@code null} kicks the member off the
   *     server, as {@link #kick(String, String)} does ({@code why} is then required)
   * @param why the reason shown to everyone; {@code null} or empty for {@code by NAME}
   * @return the member's name as it was, or a failure with {@link ErrorCode#NO_SUCH_MEMBER} (nobody
   *     of that name is in the room), {@link ErrorCode#INVALID_NAME} (the room name, or the name
   *     acted as) or {@link ErrorCode#BAD_REQUEST}
   */
  public Future<String> kick(String name, String room, String why) {
    JsonObject request = acting(new JsonObject().put("name", name));
    putIf(request, "room", room);
    putIf(request, "reason", why);
    return RoomRequests.request(bus, ApiAddresses.KICK, request)
        .map(body -> body.getString("name"));
  }

  /**
   * Bans a target from a room (PROTOCOL.md section 13, {@code /ban}); a ban of the default room is
   * a ban of the server. The members it matches are kicked as {@link #kick(String, String, String)}
   * says, and the room publishes a {@code ban} event.
   *
   * @param room the room, with or without its {@code #}
   * @param target an account, the name of a connected guest (its address is banned), an address or
   *     a CIDR block
   * @param minutes how long, 1 to 999999999; 0 until {@link #unban}
   * @param why the reason, shown to whoever the ban keeps out; {@code null} or empty for none
   * @return what was banned (the account's name, the guest's address, or the address or block), or
   *     a failure with {@link ErrorCode#NO_SUCH_MEMBER} (the target matches nobody), {@link
   *     ErrorCode#INVALID_NAME}, {@link ErrorCode#BAD_REQUEST} or {@link ErrorCode#NOT_SAVED}
   */
  public Future<String> ban(String room, String target, long minutes, String why) {
    JsonObject request = acting(inRoom(room).put("target", target));
    if (minutes != 0) {
      request.put("minutes", minutes);
    }
    putIf(request, "why", why);
    return RoomRequests.request(bus, ApiAddresses.BAN, request)
        .map(body -> body.getString("target"));
  }

  /**
   * Lifts a ban of a room ({@code /unban}).
   *
   * @param room the room
   * @param target the target as the ban names it, or a member or account it names
   * @return completed once lifted, or a failure with {@link ErrorCode#BAD_REQUEST} (no such ban),
   *     {@link ErrorCode#INVALID_NAME} or {@link ErrorCode#NOT_SAVED}
   */
  public Future<Void> unban(String room, String target) {
    return RoomRequests.request(bus, ApiAddresses.UNBAN, acting(inRoom(room).put("target", target)))
        .mapEmpty();
  }

  /**
   * The bans of a room still in force ({@code /bans}).
   *
   * @param room the room
   * @return the bans, oldest first, or a failure with {@link ErrorCode#INVALID_NAME}
   */
  public Future<List<RoomBan>> bans(String room) {
    return RoomRequests.request(bus, ApiAddresses.BANS, inRoom(room))
        .map(
            reply -> {
              JsonArray listed = reply.getJsonArray("bans");
              List<RoomBan> bans = new ArrayList<>(listed.size());
              for (int i = 0; i < listed.size(); i++) {
                bans.add(RoomBan.fromJson(listed.getJsonObject(i)));
              }
              return bans;
            });
  }

  /**
   * Mutes a member in a room ({@code /mute}): the room sees {@code * NAME was muted by BY}, and the
   * member's chat lines there reach nobody until the mute ends.
   *
   * @param room the room
   * @param name the member's name, matched the way names collide
   * @param minutes how long, 1 to 999999999; 0 until {@link #unmute}
   * @return the member's name as it is, or a failure with {@link ErrorCode#NO_SUCH_MEMBER}, {@link
   *     ErrorCode#INVALID_NAME}, {@link ErrorCode#BAD_REQUEST} or {@link ErrorCode#NOT_SAVED}
   */
  public Future<String> mute(String room, String name, long minutes) {
    JsonObject request = acting(inRoom(room).put("name", name));
    if (minutes != 0) {
      request.put("minutes", minutes);
    }
    return RoomRequests.request(bus, ApiAddresses.MUTE, request)
        .map(body -> body.getString("name"));
  }

  /**
   * Lets a muted member speak again ({@code /unmute}): the room sees {@code * NAME may speak
   * again}.
   *
   * @param room the room
   * @param name the member's name
   * @return completed once done, or a failure with {@link ErrorCode#BAD_REQUEST} (not muted there),
   *     {@link ErrorCode#INVALID_NAME} or {@link ErrorCode#NOT_SAVED}
   */
  public Future<Void> unmute(String room, String name) {
    return RoomRequests.request(bus, ApiAddresses.UNMUTE, acting(inRoom(room).put("name", name)))
        .mapEmpty();
  }

  /**
   * A room's topic ({@code /topic}).
   *
   * @param room the room
   * @return the topic, empty when the room has none, or a failure with {@link
   *     ErrorCode#INVALID_NAME}
   */
  public Future<String> topic(String room) {
    return RoomRequests.request(bus, ApiAddresses.TOPIC, inRoom(room))
        .map(body -> body.getString("text"));
  }

  /**
   * Sets a room's topic, or clears it ({@code /topic TEXT}, {@code /topic -}): the room sees {@code
   * * BY set the topic: TEXT} ({@code * BY cleared the topic}).
   *
   * @param room the room
   * @param text the topic, cleaned as chat lines are, at most 300 bytes of UTF-8; {@code -} clears
   *     it
   * @return the topic now, empty once cleared, or a failure with {@link ErrorCode#BAD_REQUEST} (an
   *     empty or too long topic), {@link ErrorCode#INVALID_NAME} or {@link ErrorCode#NOT_SAVED}
   */
  public Future<String> setTopic(String room, String text) {
    if (text == null || text.isBlank()) {
      return refused("a topic must not be empty; \"-\" clears it");
    }
    return RoomRequests.request(bus, ApiAddresses.TOPIC, acting(inRoom(room).put("text", text)))
        .map(body -> body.getString("text"));
  }

  /**
   * Makes an account an operator of a room ({@code /op}): the room sees {@code * NAME is now an
   * operator of #ROOM}. Nothing changes when it is one already.
   *
   * @param room a room other than the default one, whose operators are the server's
   * @param account the account's name
   * @return completed once done, or a failure with {@link ErrorCode#NO_SUCH_MEMBER} (no such
   *     account), {@link ErrorCode#BAD_REQUEST} (the default room, or a member that has no
   *     account), {@link ErrorCode#INVALID_NAME} or {@link ErrorCode#NOT_SAVED}
   */
  public Future<Void> op(String room, String account) {
    return RoomRequests.request(bus, ApiAddresses.OP, acting(inRoom(room).put("account", account)))
        .mapEmpty();
  }

  /**
   * Makes an account no longer an operator of a room ({@code /deop}).
   *
   * @param room a room other than the default one
   * @param account the account's name
   * @return completed once done, or a failure with {@link ErrorCode#BAD_REQUEST} (not an operator
   *     of the room, or the default room), {@link ErrorCode#INVALID_NAME} or {@link
   *     ErrorCode#NOT_SAVED}
   */
  public Future<Void> deop(String room, String account) {
    return RoomRequests.request(
            bus, ApiAddresses.DEOP, acting(inRoom(room).put("account", account)))
        .mapEmpty();
  }

  /**
   * Registers an account, whatever {@code accounts.registration} says ({@code /register NAME
   * PASSWORD} of a server operator). The password is hashed with {@link PasswordHash} on a worker
   * thread (about 50 ms; never on an event loop) and only the hash is sent.
   *
   * @param name the account's name (the name rules of {@code docs/protocol.md}; not {@code guestN})
   * @param password 8 to 128 bytes of UTF-8
   * @return the account's name as registered, or a failure with {@link ErrorCode#NAME_TAKEN}
   *     (registered already), {@link ErrorCode#INVALID_NAME}, {@link ErrorCode#BAD_REQUEST} (the
   *     password's length, a guest name) or {@link ErrorCode#NOT_SAVED}
   */
  public Future<String> registerAccount(String name, String password) {
    return hashed(password)
        .compose(
            hash ->
                RoomRequests.request(
                    bus,
                    ApiAddresses.ACCOUNT_REGISTER,
                    new JsonObject().put("name", name).put("passwordHash", hash)))
        .map(body -> body.getString("name"));
  }

  /**
   * Sets an account's password, without the old one. Hashed here as {@link #registerAccount} says.
   *
   * @param name the account's name
   * @param password 8 to 128 bytes of UTF-8
   * @return completed once saved, or a failure with {@link ErrorCode#NO_SUCH_MEMBER} (no such
   *     account), {@link ErrorCode#INVALID_NAME}, {@link ErrorCode#BAD_REQUEST} (the password's
   *     length) or {@link ErrorCode#NOT_SAVED}
   */
  public Future<Void> setPassword(String name, String password) {
    return hashed(password)
        .compose(
            hash ->
                RoomRequests.request(
                    bus,
                    ApiAddresses.ACCOUNT_PASSWORD,
                    new JsonObject().put("name", name).put("passwordHash", hash)))
        .mapEmpty();
  }

  /**
   * Deletes an account. A member logged in to it stays connected under its name until it leaves.
   *
   * @param name the account's name
   * @return completed once deleted, or a failure with {@link ErrorCode#NO_SUCH_MEMBER} (no such
   *     account), {@link ErrorCode#INVALID_NAME} or {@link ErrorCode#NOT_SAVED}
   */
  public Future<Void> deleteAccount(String name) {
    return RoomRequests.request(
            bus, ApiAddresses.ACCOUNT_DELETE, new JsonObject().put("name", name))
        .mapEmpty();
  }

  /** Checks a password's length, then hashes it on a worker thread. */
  private Future<String> hashed(String password) {
    int bytes = password.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < AccountReplies.PASSWORD_MIN_BYTES || bytes > AccountReplies.PASSWORD_MAX_BYTES) {
      return refused(AccountReplies.passwordLengthText());
    }
    return vertx.executeBlocking(() -> PasswordHash.hash(password), false);
  }

  /** A request refused here, as the room would refuse it. */
  private static <T> Future<T> refused(String message) {
    return Future.failedFuture(
        new ReplyException(ReplyFailure.RECIPIENT_FAILURE, ErrorCode.BAD_REQUEST.code(), message));
  }

  private static JsonObject inRoom(String room) {
    return new JsonObject().put("room", room);
  }

  private JsonObject acting(JsonObject request) {
    putIf(request, "by", by);
    return request;
  }

  private static void putIf(JsonObject request, String field, String value) {
    if (value != null && !value.isEmpty()) {
      request.put(field, value);
    }
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
