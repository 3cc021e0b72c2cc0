package dev.parley.api;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A service that is a member of the room, from {@link RoomClient#join}. Requests fail with a {@code
 * ReplyException} carrying an {@link ErrorCode}; after {@link #leave} or a kick they fail with
 * {@link ErrorCode#NOT_A_MEMBER}, and while the room does not answer with {@link
 * ErrorCode#UNAVAILABLE}. Handlers run on the context that joined.
 */
public final class BusMember {
  private final EventBus bus;
  private final String id;
  private MessageConsumer<JsonObject> inbox;
  private String name;
  private long joinedSeq;
  private List<String> roster = List.of();
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
    joinedSeq = reply.getLong("seq");
    JsonArray names = reply.getJsonArray("roster");
    List<String> list = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      list.add(names.getString(i));
    }
    roster = List.copyOf(list);
    return this;
  }

  void onDirect(Message<JsonObject> message) {
    JsonObject body = message.body();
    String type = body.getString("type");
    if (PrivateMessage.TYPE.equals(type) && privateHandler != null) {
      privateHandler.handle(new PrivateMessage(body.getString("from"), body.getString("text")));
    } else if (PrivateMessage.KICKED_TYPE.equals(type)) {
      inbox.unregister();
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
   * The roster when this member arrived.
   *
   * @return names in order of arrival, this member's included
   */
  public List<String> roster() {
    return roster;
  }

  /**
   * Says a chat line to the room.
   *
   * @param text the text; control characters are removed and it is trimmed; at most {@code
   *     limits.maxLineBytes} bytes of UTF-8
   * @return the sequence number of the line's {@link ChatMessage} event, once the room has ordered
   *     it
   */
  public Future<Long> say(String text) {
    return RoomRequests.request(
            bus, ApiAddresses.SAY, new JsonObject().put("member", id).put("text", text))
        .map(reply -> reply.getLong("seq"));
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
   * Leaves the room; the others see {@code * NAME has left (REASON)}.
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
