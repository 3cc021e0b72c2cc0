package dev.parley.rooms;

import dev.parley.api.ApiAddresses;
import dev.parley.api.ChatMessage;
import dev.parley.api.RosterJson;
import dev.parley.bus.Addresses;
import dev.parley.config.ParleyConfig;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.RoomNames;
import dev.parley.room.Chat;
import dev.parley.room.Entered;
import dev.parley.room.HistoryLine;
import dev.parley.room.RoomException;
import dev.parley.room.RoomList;
import dev.parley.room.Rooms;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import dev.parley.values.RosterEntry;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * One room group's part of the public event-bus API: JSON requests that the node's {@link ApiFront}
 * hands on to {@link Addresses#api}, checked field by field, turned into calls on the {@link
 * Rooms}, answered in JSON; the moderation requests are {@link ModerationApi}'s. A refused or
 * malformed request gets a failure reply with an error code; no request can raise an exception
 * inside the rooms. Confined to the {@link RoomVerticle}'s context.
 */
final class RoomApi {
  /** The group's own request: the rooms a bus member is in here ({@code {"member": ID}}). */
  static final String ROOMS_OF = "parley.api.rooms-of";

  private final Rooms room;
  private final Admissions admissions;
  private final Admissions.PrivateDelivery delivery;
  private final ModerationApi moderation;
  private final int maxTextBytes;
  private final int maxLines;

  RoomApi(
      Rooms room,
      Admissions admissions,
      ParleyConfig config,
      Admissions.PrivateDelivery delivery,
      ModerationApi moderation) {
    this.room = room;
    this.admissions = admissions;
    this.delivery = delivery;
    this.moderation = moderation;
    this.maxTextBytes = config.limits().maxLineBytes();
    this.maxLines = config.history().maxLines();
  }

  /**
   * Registers the API's consumer of one group, adding it to {@code registered}: one for every
   * request, which names its public address in a header ({@link Addresses#API_ACTION}); completes
   * when it is registered.
   */
  Future<?> register(EventBus bus, int group, List<MessageConsumer<?>> registered) {
    Map<String, Function<Object, Future<JsonObject>>> handlers =
        Map.of(
            ApiAddresses.JOIN,
            this::join,
            ApiAddresses.ENTER,
            this::enter,
            ApiAddresses.ROOMS,
            sync(this::rooms),
            ApiAddresses.SAY,
            sync(this::say),
            ApiAddresses.MSG,
            this::msg,
            ApiAddresses.LEAVE,
            sync(this::leave),
            ApiAddresses.WHO,
            sync(this::who),
            ApiAddresses.HISTORY,
            sync(this::history),
            ROOMS_OF,
            sync(this::roomsOf));
    MessageConsumer<Object> consumer =
        bus.consumer(
            Addresses.api(group),
            message -> {
              String action = message.headers().get(Addresses.API_ACTION);
              Function<Object, Future<JsonObject>> handler = handlers.get(action);
              if (handler == null && action != null && ModerationApi.ACTIONS.contains(action)) {
                String account = message.headers().get(ModerationApi.ACCOUNT_HEADER);
                answer(message, body -> moderation.handle(action, body, account));
              } else if (handler == null) {
                message.fail(ErrorCode.BAD_REQUEST.code(), "not a request of the API");
              } else {
                answer(message, handler);
              }
            });
    registered.add(consumer);
    return consumer.completion();
  }

  private static Function<Object, Future<JsonObject>> sync(Function<Object, JsonObject> handler) {
    return body -> Future.succeededFuture(handler.apply(body));
  }

  private static void answer(
      Message<Object> message, Function<Object, Future<JsonObject>> handler) {
    Future<JsonObject> answered;
    try {
      answered = handler.apply(message.body());
    } catch (RoomException e) {
      answered = Future.failedFuture(e);
    }
    reply(message, answered);
  }

  /**
   * Replies with the result once it completes, or fails the request with the refusal's code ({@code
   * 503} for anything but a {@link RoomException}).
   */
  static void reply(Message<Object> message, Future<?> result) {
    result.onComplete(
        ar -> {
          if (ar.succeeded()) {
            message.reply(ar.result());
          } else if (ar.cause() instanceof RoomException e) {
            message.fail(e.code().code(), e.getMessage());
          } else {
            message.fail(ErrorCode.UNAVAILABLE.code(), String.valueOf(ar.cause().getMessage()));
          }
        });
  }

  private Future<JsonObject> join(Object body) {
    JsonRequest request = JsonRequest.of(body, "name", "member", "node", "room");
    String name = request.string("name", true);
    String member = request.string("member", false);
    String node = request.string("node", false);
    String roomName = request.stripped("room", false);
    String id = member == null || member.isBlank() ? UUID.randomUUID().toString() : member;
    return admissions
        .admit(id, node == null ? "" : node, name.strip(), MemberKind.BUS, 0, roomName)
        .map(joined -> entered(joined).put("member", id).put("name", joined.name()));
  }

  private Future<JsonObject> enter(Object body) {
    JsonRequest request = JsonRequest.of(body, "member", "room");
    String member = request.string("member", true);
    return admissions.enter(member, request.stripped("room", true)).map(RoomApi::entered);
  }

  private JsonObject roomsOf(Object body) {
    String member = JsonRequest.of(body, "member").string("member", true);
    return new JsonObject().put("rooms", new JsonArray(room.roomsOf(member)));
  }

  private static JsonObject entered(Entered joined) {
    return new JsonObject()
        .put("room", joined.room())
        .put("seq", joined.seq())
        .put("roster", new JsonArray(joined.roster()))
        .put("members", joined.total());
  }

  private JsonObject rooms(Object body) {
    JsonRequest.of(body);
    RoomList reply = room.rooms("");
    JsonArray listed = new JsonArray();
    for (RoomList.RoomCount count : reply.rooms()) {
      listed.add(new JsonObject().put("name", count.name()).put("members", count.members()));
    }
    return new JsonObject().put("total", reply.total()).put("rooms", listed);
  }

  private JsonObject say(Object body) {
    JsonRequest request = JsonRequest.of(body, "member", "text", "room", "line");
    String member = request.string("member", true);
    String text = request.text("text", true, maxTextBytes);
    String roomName = request.stripped("room", false);
    long line = request.number("line", 1, Long.MAX_VALUE, 0);
    Chat said = room.say(member, roomName, text, line, false);
    return said == null
        ? new JsonObject().put("repeated", true)
        : new JsonObject().put("seq", said.seq());
  }

  private Future<JsonObject> msg(Object body) {
    JsonRequest request = JsonRequest.of(body, "member", "to", "text");
    String member = request.string("member", true);
    String to = request.string("to", true);
    String text = request.text("text", true, maxTextBytes);
    return admissions
        .privateMessage(member, to, text, delivery)
        .map(reply -> new JsonObject().put("to", reply.target()));
  }

  private JsonObject leave(Object body) {
    JsonRequest request = JsonRequest.of(body, "member", "reason", "room");
    String member = request.string("member", true);
    String reason = request.text("reason", false, maxTextBytes);
    String roomName = request.stripped("room", false);
    if (roomName != null) {
      room.leaveRoom(member, roomName, reason);
    } else if (!room.leave(member, reason)) {
      throw new RoomException(ErrorCode.NOT_A_MEMBER, "not a member of the room");
    }
    return new JsonObject();
  }

  private JsonObject who(Object body) {
    String roomName = JsonRequest.of(body, "room").stripped("room", false);
    JsonArray members = new JsonArray();
    for (RosterEntry entry : room.rosterOf(roomName)) {
      members.add(RosterJson.toJson(entry));
    }
    JsonObject reply =
        new JsonObject()
            .put("members", members)
            .put("operators", new JsonArray(room.operatorsIn(roomName)));
    String name = room.nameOf(roomName);
    return name == null ? reply : reply.put("room", name);
  }

  private JsonObject history(Object body) {
    JsonRequest request = JsonRequest.of(body, "room", "limit", "before");
    String requested = request.string("room", false);
    String roomName = null;
    if (requested != null) {
      NameRules.Verdict verdict = RoomNames.check(requested.strip());
      if (!verdict.valid()) {
        throw new RoomException(ErrorCode.INVALID_NAME, verdict.error());
      }
      roomName = verdict.name();
    }
    int limit = (int) Math.min(maxLines, request.number("limit", 1, Integer.MAX_VALUE, 20));
    long before = request.number("before", 1, Long.MAX_VALUE, 0);
    JsonArray lines = new JsonArray();
    for (HistoryLine line : room.history(roomName, limit, before)) {
      lines.add(
          new ChatMessage(
                  line.room(), line.run(), line.seq(), line.time(), line.name(), line.text())
              .toJson());
    }
    return new JsonObject().put("run", room.run()).put("lines", lines);
  }
}
