package dev.parley.rooms;

import dev.parley.api.ApiAddresses;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.RoomNames;
import dev.parley.room.Ban;
import dev.parley.room.Moderation;
import dev.parley.room.Moderation.Actor;
import dev.parley.room.Moderation.PolicyEdit;
import dev.parley.room.RoomException;
import dev.parley.room.Rooms;
import dev.parley.room.Topic;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One room group's part of the moderation requests of the event-bus API (PROTOCOL.md section 13,
 * "event-bus API"): {@code kick}, {@code ban}, {@code unban}, {@code bans}, {@code mute}, {@code
 * unmute}, {@code topic}, {@code op} and {@code deop}, handed on by {@link ApiFront} to {@link
 * RoomApi}'s consumer. The requester acts as a server operator: an {@link Actor} that is a service,
 * named by the request's {@code by} ({@value #SERVICE} when absent). A change of policy goes
 * through the group's {@link ModerationDesk#change}, so it is saved before it is made and the room
 * orders its event; a store that is away fails it with {@link ErrorCode#NOT_SAVED} and changes
 * nothing. The stored account that {@code ban}'s target or {@code op}'s account names, which only
 * the node's accounts know, comes in the header {@value #ACCOUNT_HEADER}. Confined to the {@link
 * RoomVerticle}'s context.
 */
final class ModerationApi {
  /**
   * The header in which the front gives the stored name of the account a {@code ban} or {@code op}
   * names; absent when there is no such account.
   */
  static final String ACCOUNT_HEADER = "parley-account";

  /** Who acts when a request has no {@code by}. */
  static final String SERVICE = "service";

  /** The public addresses this class answers. */
  static final Set<String> ACTIONS =
      Set.of(
          ApiAddresses.KICK,
          ApiAddresses.BAN,
          ApiAddresses.UNBAN,
          ApiAddresses.BANS,
          ApiAddresses.MUTE,
          ApiAddresses.UNMUTE,
          ApiAddresses.TOPIC,
          ApiAddresses.OP,
          ApiAddresses.DEOP);

  /** The most minutes a ban or mute may last, as for the line commands (nine digits). */
  private static final long MAX_MINUTES = 999_999_999L;

  private final Rooms rooms;
  private final Moderation moderation;
  private final ModerationDesk desk;
  private final int maxTextBytes;

  /**
   * @param rooms the group's rooms
   * @param desk the group's moderation desk, through which every change goes
   * @param maxTextBytes the most bytes of a reason ({@code limits.maxLineBytes})
   */
  ModerationApi(Rooms rooms, ModerationDesk desk, int maxTextBytes) {
    this.rooms = rooms;
    this.moderation = rooms.moderation();
    this.desk = desk;
    this.maxTextBytes = maxTextBytes;
  }

  /**
   * Answers one request.
   *
   * @param action its public address, one of {@link #ACTIONS}
   * @param body its body
   * @param account the header {@value #ACCOUNT_HEADER}, or {@code null}
   * @return the reply; fails with a {@link RoomException}
   * @throws RoomException when the body is refused before anything is done
   */
  Future<JsonObject> handle(String action, Object body, String account) {
    return switch (action) {
      case ApiAddresses.KICK -> Future.succeededFuture(kick(body));
      case ApiAddresses.BAN -> ban(body, account);
      case ApiAddresses.UNBAN -> unban(body);
      case ApiAddresses.BANS -> Future.succeededFuture(bans(body));
      case ApiAddresses.MUTE -> mute(body, true);
      case ApiAddresses.UNMUTE -> mute(body, false);
      case ApiAddresses.TOPIC -> topic(body);
      case ApiAddresses.OP -> op(body, account, true);
      case ApiAddresses.DEOP -> op(body, null, false);
      default -> throw new RoomException(ErrorCode.BAD_REQUEST, "not a request of the API");
    };
  }

  /**
   * Without {@code room}, as before: the member leaves the server. With it, the member is kicked
   * out of that room (a line session enters the default room) and {@code reason} may be left out.
   */
  private JsonObject kick(Object body) {
    JsonRequest request = JsonRequest.of(body, "name", "reason", "room", "by");
    String name = required(request, "name");
    String room = room(request, false);
    Actor actor = actor(request);
    String reason = request.text("reason", room == null, maxTextBytes);
    if (room == null) {
      return new JsonObject().put("name", rooms.kick(name, reason));
    }
    try {
      return new JsonObject().put("name", moderation.kick(actor, name, room, reason));
    } catch (RoomException e) {
      if (e.code() == ErrorCode.NOT_A_MEMBER) {
        throw new RoomException(
            ErrorCode.NO_SUCH_MEMBER,
            AccountReplies.nobodyCalledText(name) + " in " + moderation.roomName(room));
      }
      throw e;
    }
  }

  private Future<JsonObject> ban(Object body, String account) {
    JsonRequest request = JsonRequest.of(body, "room", "target", "minutes", "why", "by");
    String room = room(request, true);
    String target = required(request, "target");
    long minutes = request.number("minutes", 0, MAX_MINUTES, 0);
    String why = request.text("why", false, maxTextBytes);
    Actor actor = actor(request);
    return change(() -> moderation.ban(actor, room, target, account, minutes, why, ""))
        .map(
            edit ->
                new JsonObject()
                    .put("room", edit.after().room())
                    .put("target", edit.target())
                    .put("until", edit.untilMillis()));
  }

  private Future<JsonObject> unban(Object body) {
    JsonRequest request = JsonRequest.of(body, "room", "target", "by");
    String room = room(request, true);
    String target = required(request, "target");
    Actor actor = actor(request);
    return change(() -> moderation.unban(actor, room, target, ""))
        .map(edit -> new JsonObject().put("room", edit.after().room()).put("target", target));
  }

  private JsonObject bans(Object body) {
    JsonRequest request = JsonRequest.of(body, "room");
    String room = room(request, true);
    JsonArray bans = new JsonArray();
    for (Ban ban : moderation.bans(new Actor(SERVICE, "", true), room)) {
      bans.add(
          new JsonObject()
              .put("target", ban.target())
              .put("kind", ban.kind().word())
              .put("by", ban.by())
              .put("at", ban.atMillis())
              .put("until", ban.untilMillis())
              .put("why", ban.why()));
    }
    return new JsonObject().put("room", moderation.roomName(room)).put("bans", bans);
  }

  private Future<JsonObject> mute(Object body, boolean mute) {
    JsonRequest request =
        mute
            ? JsonRequest.of(body, "room", "name", "minutes", "by")
            : JsonRequest.of(body, "room", "name", "by");
    String room = room(request, true);
    String name = required(request, "name");
    long minutes = mute ? request.number("minutes", 0, MAX_MINUTES, 0) : 0;
    Actor actor = actor(request);
    return change(
            () ->
                mute
                    ? moderation.mute(actor, room, name, minutes, "")
                    : moderation.unmute(actor, room, name, ""))
        .map(
            edit -> {
              JsonObject reply =
                  new JsonObject().put("room", edit.after().room()).put("name", edit.target());
              return mute ? reply.put("until", edit.untilMillis()) : reply;
            });
  }

  /** Reads the topic ({@code text} absent or empty), sets it, or clears it ({@code -}). */
  private Future<JsonObject> topic(Object body) {
    JsonRequest request = JsonRequest.of(body, "room", "text", "by");
    String room = room(request, true);
    String text = request.text("text", false, Integer.MAX_VALUE);
    Actor actor = actor(request);
    if (text.isEmpty()) {
      return Future.succeededFuture(topicOf(room));
    }
    return change(() -> moderation.topic(actor, room, text, "")).map(edit -> topicOf(room));
  }

  private JsonObject topicOf(String room) {
    Topic topic = moderation.topic(room);
    return new JsonObject()
        .put("room", moderation.roomName(room))
        .put("text", topic == null ? "" : topic.text())
        .put("by", topic == null ? "" : topic.by())
        .put("time", topic == null ? 0L : topic.atMillis());
  }

  /** {@code op} (the stored account in {@code stored}) or {@code deop}. */
  private Future<JsonObject> op(Object body, String stored, boolean op) {
    JsonRequest request = JsonRequest.of(body, "room", "account", "by");
    String room = room(request, true);
    String account = required(request, "account");
    Actor actor = actor(request);
    return desk.change(
            () ->
                op
                    ? moderation.op(actor, room, account, stored, "")
                    : moderation.deop(actor, room, account, ""))
        .recover(ModerationApi::notSaved)
        .map(
            edit ->
                new JsonObject()
                    .put("room", edit == null ? moderation.roomName(room) : edit.after().room())
                    .put("account", edit == null ? stored : edit.target()));
  }

  /**
   * Makes a change through the desk. A change that leaves the policy as it was ({@code null} from
   * the domain) is not made; the requests that may meet one ({@code op}) handle it themselves.
   */
  private Future<PolicyEdit> change(Supplier<PolicyEdit> propose) {
    return desk.change(propose)
        .recover(ModerationApi::notSaved)
        .compose(
            edit ->
                edit == null
                    ? Future.failedFuture(
                        new RoomException(ErrorCode.BAD_REQUEST, "nothing to change"))
                    : Future.succeededFuture(edit));
  }

  /** A refusal as it is; the store's failure as {@link ErrorCode#NOT_SAVED}. */
  private static <T> Future<T> notSaved(Throwable failure) {
    return Future.failedFuture(
        failure instanceof RoomException
            ? failure
            : new RoomException(ErrorCode.NOT_SAVED, AccountReplies.notSavedText()));
  }

  /** The request's room, a valid name with its {@code #}; {@code null} when absent and optional. */
  private static String room(JsonRequest request, boolean required) {
    String room = request.stripped("room", required);
    if (room == null) {
      return null;
    }
    NameRules.Verdict verdict = RoomNames.check(room);
    if (!verdict.valid()) {
      throw new RoomException(ErrorCode.INVALID_NAME, verdict.error());
    }
    return verdict.name();
  }

  /** A required string field without its outer white space, not empty. */
  private static String required(JsonRequest request, String field) {
    String text = request.stripped(field, true);
    if (text.isEmpty()) {
      throw new RoomException(ErrorCode.BAD_REQUEST, "field \"" + field + "\" must not be empty");
    }
    return text;
  }

  /** The service that acts, named by {@code by}: a valid name, {@value #SERVICE} when absent. */
  private static Actor actor(JsonRequest request) {
    if (request.string("by", false) == null) {
      return new Actor(SERVICE, "", true);
    }
    NameRules.Verdict verdict = NameRules.check(required(request, "by"));
    if (!verdict.valid()) {
      throw new RoomException(ErrorCode.INVALID_NAME, "field \"by\": " + verdict.error());
    }
    return new Actor(verdict.name(), "", true);
  }
}
