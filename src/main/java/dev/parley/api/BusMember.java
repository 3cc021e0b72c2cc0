package dev.parley.api;

import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A service that is a member of the server under one name, from {@link RoomClient#join}, in any
 * number of rooms at once ({@link #enter}, {@link #leave(String, String)}). Requests fail with a
 * {@code ReplyException} carrying an {@link ErrorCode}; after {@link #leave} or a kick they fail
 * with {@link ErrorCode#NOT_A_MEMBER}, and while the room does not answer with {@link
 * ErrorCode#UNAVAILABLE}. Handlers run on the context that joined. Not thread-safe: use a member
 * from that context only ({@link #rooms()} is kept from the replies it receives there).
 */
public final class BusMember {
  private final EventBus bus;
  private final String id;
  private MessageConsumer<JsonObject> inbox;
  private String name;
  private long joinedSeq;
  private List<String> roster = List.of();
  private final List<String> rooms = new ArrayList<>();
  private Handler<PrivateMessage> privateHandler;
  private Handler<String> kickHandler;

  BusMember(EventBus bus, String id) {
    this.bus = bus;
    this.id = id;
  }

  void inbox(MessageConsumer<JsonObject> inbox) {
    this.inbox = inbox;
  }

  BusMember joined(JsonObject reply) {
    name = reply.getString("name");
    RoomEntry entry = RoomEntry.fromJson(reply);
    joinedSeq = entry.seq();
    roster = entry.roster();
    rooms.add(entry.room());
    return this;
  }

  void onDirect(Message<JsonObject> message) {
    JsonObject body = message.body();
    String type = body.getString("type");
    if (PrivateMessage.TYPE.equals(type) && privateHandler != null) {
      privateHandler.handle(new PrivateMessage(body.getString("from"), body.getString("text")));
    } else if (PrivateMessage.KICKED_TYPE.equals(type)) {
      inbox.unregister();
      rooms.clear();
      if (kickHandler != null) {
        kickHandler.handle(body.getString("reason"));
      }
    }
  }

  /**
   * The member's id, which the JSON requests {@code say}, {@code msg} and {@code leave} carry.
   *
   * @return an opaque id
   */
  public String id() {
    return id;
  }

  /**
   * The name the room gave this member, in NFC.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The sequence number of this member's arrival event.
   *
   * @return the sequence number
   */
  public long joinedSeq() {
    return joinedSeq;
  }

  /**
   * The rooms this member is in, in order of entering, as their names were spelled when they were
   * opened; as this client last learned them (a kick empties it).
   *
   * @return a copy of the list
   */
  public List<String> rooms() {
    return List.copyOf(rooms);
  }

  /**
   * Enters one more room under this member's name, opening it if it has no members.
   *
   * @param room the room's name, with or without its {@code #}
   * @return the room as entered, or a failure with {@link ErrorCode#INVALID_NAME}, {@link
   *     ErrorCode#BAD_REQUEST} (already in it) or {@link ErrorCode#TOO_MANY_ROOMS}
   */
  public Future<RoomEntry> enter(String room) {
    return RoomRequests.request(
            bus, ApiAddresses.ENTER, new JsonObject().put("member", id).put("room", room))
        .map(RoomEntry::fromJson)
        .onSuccess(entry -> rooms.add(entry.room()));
  }

  /**
   * The roster of the first room when this member arrived.
   *
   * @return names in order of arrival, this member's included
   */
  public List<String> roster() {
    return roster;
  }

  /**
   * Says a chat line in this member's only room.
   *
   * @param text the text; control characters are removed and it is trimmed; at most {@code
   *     limits.maxLineBytes} bytes of UTF-8
   * @return the sequence number of the line's {@link ChatMessage} event, once the room has ordered
   *     it; a failure with {@link ErrorCode#BAD_REQUEST} when the member is in several rooms
   */
  public Future<Long> say(String text) {
    return say(null, text);
  }

  /**
   * Says a chat line in one of this member's rooms.
   *
   * @param room the room's name, matched the way room names collide; {@code null} for the only room
   * @param text the text, as for {@link #say(String)}
   * @return the sequence number of the line's event, or a failure with {@link
   *     ErrorCode#NOT_A_MEMBER} when the member is not in that room
   */
  public Future<Long> say(String room, String text) {
    JsonObject request = new JsonObject().put("member", id).put("text", text);
    if (room != null) {
      request.put("room", room);
    }
    return RoomRequests.request(bus, ApiAddresses.SAY, request).map(reply -> reply.getLong("seq"));
  }

  /**
   * Sends a private message.
   *
   * @param to the recipient's name, matched the way names collide
   * @param text the text
   * @return the recipient's name as it is in the room, or a failure with {@link
   *     ErrorCode#NO_SUCH_MEMBER}
   */
  public Future<String> tell(String to, String text) {
    return RoomRequests.request(
            bus,
            ApiAddresses.MSG,
            new JsonObject().put("member", id).put("to", to).put("text", text))
        .map(reply -> reply.getString("to"));
  }

  /**
   * Leaves one room, keeping the name (in no room at all, if it was the last); the others in that
   * room see {@code * NAME has left (REASON)}.
   *
   * @param room the room's name, matched the way room names collide
   * @param reason the reason, or {@code null} or empty for none
   * @return completed when the room has announced the departure; a failure with {@link
   *     ErrorCode#NOT_A_MEMBER} when the member is not in that room
   */
  public Future<Void> leave(String room, String reason) {
    JsonObject request = new JsonObject().put("member", id).put("room", room);
    if (reason != null && !reason.isEmpty()) {
      request.put("reason", reason);
    }
    return RoomRequests.request(bus, ApiAddresses.LEAVE, request)
        .<Void>mapEmpty()
        .onSuccess(
            v -> rooms.removeIf(r -> ApiAddresses.events(r).equals(ApiAddresses.events(room))));
  }

  /**
   * Leaves every room and gives the name up; the others see {@code * NAME has left (REASON)} in
   * each room.
   *
   * @param reason the reason, or {@code null} or empty for none
   * @return completed when the room has announced the departure
   */
  public Future<Void> leave(String reason) {
    JsonObject request = new JsonObject().put("member", id);
    if (reason != null && !reason.isEmpty()) {
      request.put("reason", reason);
    }
    return RoomRequests.request(bus, ApiAddresses.LEAVE, request)
        .<Void>mapEmpty()
        .onSuccess(v -> rooms.clear())
        .eventually(() -> inbox.unregister());
  }

  /**
   * Sets the handler of private messages to this member.
   *
   * @param handler the handler, or {@code null}
   * @return this member
   */
  public BusMember privateMessageHandler(Handler<PrivateMessage> handler) {
    privateHandler = handler;
    return this;
  }

  /**
   * Sets the handler called when this member is kicked, with the reason.
   *
   * @param handler the handler, or {@code null}
   * @return this member
   */
  public BusMember kickHandler(Handler<String> handler) {
    kickHandler = handler;
    return this;
  }
}
