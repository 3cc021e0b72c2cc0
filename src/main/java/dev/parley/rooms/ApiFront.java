package dev.parley.rooms;

import dev.parley.accounts.AccountException;
import dev.parley.accounts.Accounts;
import dev.parley.api.ApiAddresses;
import dev.parley.bus.Addresses;
import dev.parley.config.ParleyConfig;
import dev.parley.names.NameRegistry;
import dev.parley.placement.RoomGroups;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.protocol.RoomNames;
import dev.parley.room.RoomException;
import dev.parley.room.RoomList;
import dev.parley.room.Rooms;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The node's front of the public event-bus API ({@link ApiAddresses}): one consumer per request
 * address on every node, stateless, that hands each request on to the host of the room group it
 * concerns ({@link Addresses#api}), and answers what concerns every group (a bus member's rooms,
 * {@code rooms}, {@code kick}, {@code leave} and {@code history} without a room) by asking each
 * group and merging the answers. The moderation and account requests are its {@link
 * ModerationFront}'s. With one group (a single node) every request goes to it as it came. A group
 * whose host does not answer within {@value #TIMEOUT_MILLIS} ms makes the request fail with {@code
 * 503}. Confined to its context; it holds no state of the rooms.
 */
public final class ApiFront extends VerticleBase {
  private static final long TIMEOUT_MILLIS = 5000;
  private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(TIMEOUT_MILLIS);

  private final ParleyConfig config;
  private final RoomGroups groups;
  private final int defaultGroup;
  private final Accounts accounts;
  private NameRegistry names;
  private EventBus bus;

  /**
   * @param config the node's settings
   * @param groups how many room groups the cluster has
   * @param accounts the node's accounts, deployed before this front: they answer the account
   *     requests
   */
  public ApiFront(ParleyConfig config, int groups, Accounts accounts) {
    this.config = config;
    this.accounts = accounts;
    this.groups = new RoomGroups(groups);
    this.defaultGroup = this.groups.of(config.rooms().defaultRoom());
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    return NameRegistry.open(vertx)
        .compose(
            registry -> {
              names = registry;
              List<Future<Void>> registered =
                  new ArrayList<>(
                      new ModerationFront(bus, groups, config.rooms().defaultRoom(), accounts, ASK)
                          .register());
              registered.addAll(
                  List.of(
                      consume(ApiAddresses.JOIN, m -> byRoom(m, ApiAddresses.JOIN)),
                      consume(ApiAddresses.ENTER, m -> byRoom(m, ApiAddresses.ENTER)),
                      consume(ApiAddresses.WHO, m -> byRoom(m, ApiAddresses.WHO)),
                      consume(ApiAddresses.SAY, this::say),
                      consume(ApiAddresses.MSG, this::msg),
                      consume(ApiAddresses.ROOMS, this::rooms),
                      consume(ApiAddresses.LEAVE, this::leave),
                      consume(ApiAddresses.KICK, this::kick),
                      consume(ApiAddresses.HISTORY, this::history)));
              return Future.all(registered);
            });
  }

  private Future<Void> consume(String address, Consumer<Message<Object>> handler) {
    return bus.consumer(
            address,
            (Message<Object> m) -> {
              if (groups.count() == 1) {
                forward(m, 0, address);
              } else {
                handler.accept(m);
              }
            })
        .completion();
  }

  /**
   * The group of the request's {@code room}, or of the default room when it names none or a bad
   * one.
   */
  private int groupOf(Object body) {
    if (body instanceof JsonObject json && json.getValue("room") instanceof String room) {
      NameRules.Verdict verdict = RoomNames.check(room.strip());
      if (verdict.valid()) {
        return groups.of(verdict.name());
      }
    }
    return defaultGroup;
  }

  private static boolean namesRoom(Object body) {
    return body instanceof JsonObject json && json.getValue("room") != null;
  }

  private void byRoom(Message<Object> m, String address) {
    forward(m, groupOf(m.body()), address);
  }

  private Future<JsonObject> ask(int group, String address, Object body) {
    return bus.<JsonObject>request(
            Addresses.api(group),
            body,
            new DeliveryOptions(ASK).addHeader(Addresses.API_ACTION, address))
        .map(Message::body);
  }

  private void forward(Message<Object> m, int group, String address) {
    answer(m, ask(group, address, m.body()));
  }

  /** Replies with the answer, or fails the request as {@link #fail} does. */
  static void answer(Message<Object> m, Future<JsonObject> answered) {
    answered.onComplete(
        ar -> {
          if (ar.succeeded()) {
            m.reply(ar.result());
          } else {
            fail(m, ar.cause());
          }
        });
  }

  /**
   * Fails the request with the refusal's code and message: a group's, a {@link RoomException} or an
   * {@link AccountException}; anything else as {@code 503}.
   */
  static void fail(Message<Object> m, Throwable cause) {
    if (cause instanceof ReplyException e && e.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      m.fail(e.failureCode(), e.getMessage());
    } else if (cause instanceof RoomException e) {
      m.fail(e.code().code(), e.getMessage());
    } else if (cause instanceof AccountException e) {
      m.fail(e.code().code(), e.getMessage());
    } else {
      m.fail(ErrorCode.UNAVAILABLE.code(), Replies.ROOM_UNAVAILABLE);
    }
  }

  /** Asks every group. */
  private List<Future<JsonObject>> askAll(String address, Object body) {
    List<Future<JsonObject>> asked = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      asked.add(ask(g, address, body));
    }
    return asked;
  }

  /**
   * Asks every group, then hands their answers, in group order, to {@code merge}; a group that
   * fails fails the request.
   */
  private void mergeAll(
      Message<Object> m, String address, Object body, Consumer<List<JsonObject>> merge) {
    List<Future<JsonObject>> asked = askAll(address, body);
    Future.all(asked)
        .onComplete(
            done -> {
              if (done.failed()) {
                fail(m, done.cause());
                return;
              }
              List<JsonObject> answers = new ArrayList<>();
              for (Future<JsonObject> f : asked) {
                answers.add(f.result());
              }
              merge.accept(answers);
            });
  }

  /**
   * Asks every group; answers with the first success, or with the default group's failure when none
   * succeeded ({@code kick}: the name is in one group; {@code leave}: in any of them).
   */
  private void firstSuccess(Message<Object> m, String address) {
    List<Future<JsonObject>> asked = askAll(address, m.body());
    Future.join(asked)
        .onComplete(
            done -> {
              for (Future<JsonObject> f : asked) {
                if (f.succeeded()) {
                  m.reply(f.result());
                  return;
                }
              }
              fail(m, asked.get(defaultGroup).cause());
            });
  }

  /** A {@code say} without a room goes to the member's only room, wherever it is. */
  private void say(Message<Object> m) {
    if (namesRoom(m.body())) {
      byRoom(m, ApiAddresses.SAY);
      return;
    }
    String member =
        m.body() instanceof JsonObject json && json.getValue("member") instanceof String id
            ? id
            : null;
    if (member == null) {
      forward(m, defaultGroup, ApiAddresses.SAY);
      return;
    }
    mergeAll(
        m,
        RoomApi.ROOMS_OF,
        new JsonObject().put("member", member),
        answers -> {
          List<String> rooms = new ArrayList<>();
          for (JsonObject answer : answers) {
            answer.getJsonArray("rooms").forEach(r -> rooms.add((String) r));
          }
          if (rooms.size() > 1) {
            m.fail(ErrorCode.BAD_REQUEST.code(), "in " + rooms.size() + " rooms: name the room");
          } else if (rooms.isEmpty()) {
            forward(m, defaultGroup, ApiAddresses.SAY);
          } else {
            JsonObject body = ((JsonObject) m.body()).copy().put("room", rooms.get(0));
            answer(m, ask(groups.of(rooms.get(0)), ApiAddresses.SAY, body));
          }
        });
  }

  /** A private message goes straight to the holder of the name, wherever it is. */
  private void msg(Message<Object> m) {
    String member;
    String to;
    String text;
    try {
      JsonRequest request = JsonRequest.of(m.body(), "member", "to", "text");
      member = request.string("member", true);
      to = request.string("to", true);
      text = request.text("text", true, config.limits().maxLineBytes());
    } catch (RoomException e) {
      fail(m, e);
      return;
    }
    NameRules.Verdict verdict = NameRules.check(to);
    Future<NameRegistry.Holder> target =
        verdict.valid() ? names.holder(verdict.name()) : Future.succeededFuture(null);
    Future.all(names.member(member), target)
        .onComplete(
            done -> {
              if (done.failed()) {
                fail(m, done.cause());
                return;
              }
              NameRegistry.Holder from = done.result().resultAt(0);
              NameRegistry.Holder recipient = done.result().resultAt(1);
              if (from == null) {
                m.fail(ErrorCode.NOT_A_MEMBER.code(), "not a member of the room");
              } else if (recipient == null) {
                m.fail(ErrorCode.NO_SUCH_MEMBER.code(), Replies.noSuchMemberText(to));
              } else {
                MemberMail.privateLine(
                    bus,
                    recipient.kind(),
                    recipient.nodeId(),
                    recipient.memberId(),
                    from.name(),
                    text);
                m.reply(new JsonObject().put("to", recipient.name()));
              }
            });
  }

  /** Every group's rooms, largest first, at most {@value Rooms#LISTED_ROOMS}. */
  private void rooms(Message<Object> m) {
    mergeAll(
        m,
        ApiAddresses.ROOMS,
        m.body(),
        answers -> {
          List<RoomList> replies = new ArrayList<>();
          for (JsonObject answer : answers) {
            List<RoomList.RoomCount> counts = new ArrayList<>();
            for (Object r : answer.getJsonArray("rooms")) {
              JsonObject room = (JsonObject) r;
              counts.add(
                  new RoomList.RoomCount(room.getString("name"), room.getInteger("members")));
            }
            replies.add(new RoomList(answer.getInteger("total"), counts));
          }
          RoomList merged = RoomList.merge(replies, Rooms.LISTED_ROOMS);
          JsonArray rooms = new JsonArray();
          for (RoomList.RoomCount count : merged.rooms()) {
            rooms.add(new JsonObject().put("name", count.name()).put("members", count.members()));
          }
          m.reply(new JsonObject().put("total", merged.total()).put("rooms", rooms));
        });
  }

  /** {@code kick} with a room goes to its group; without one, to every group. */
  private void kick(Message<Object> m) {
    if (namesRoom(m.body())) {
      byRoom(m, ApiAddresses.KICK);
    } else {
      firstSuccess(m, ApiAddresses.KICK);
    }
  }

  /** {@code leave} without a room leaves every room, in every group. */
  private void leave(Message<Object> m) {
    if (namesRoom(m.body())) {
      byRoom(m, ApiAddresses.LEAVE);
    } else {
      firstSuccess(m, ApiAddresses.LEAVE);
    }
  }

  /** {@code history} without a room: the last lines of every group, merged by time. */
  private void history(Message<Object> m) {
    if (namesRoom(m.body())) {
      byRoom(m, ApiAddresses.HISTORY);
      return;
    }
    int limit;
    try {
      limit =
          (int)
              Math.min(
                  config.history().maxLines(),
                  JsonRequest.of(m.body(), "room", "limit", "before")
                      .number("limit", 1, Integer.MAX_VALUE, 20));
    } catch (RoomException e) {
      fail(m, e);
      return;
    }
    mergeAll(
        m,
        ApiAddresses.HISTORY,
        m.body(),
        answers -> {
          List<JsonObject> lines = new ArrayList<>();
          for (JsonObject answer : answers) {
            answer.getJsonArray("lines").forEach(l -> lines.add((JsonObject) l));
          }
          lines.sort(
              Comparator.comparingLong((JsonObject l) -> l.getLong("time"))
                  .thenComparingLong(l -> l.getLong("seq")));
          JsonArray last = new JsonArray();
          lines.subList(Math.max(0, lines.size() - limit), lines.size()).forEach(last::add);
          m.reply(
              new JsonObject()
                  .put("run", answers.get(defaultGroup).getString("run"))
                  .put("lines", last));
        });
  }
}
