package dev.parley.room;

import dev.parley.api.ApiAddresses;
import dev.parley.api.ChatMessage;
import dev.parley.api.ErrorCode;
import dev.parley.api.MemberArrived;
import dev.parley.api.MemberKind;
import dev.parley.api.MemberLeft;
import dev.parley.api.MemberRenamed;
import dev.parley.api.ParleyEvent;
import dev.parley.api.PrivateMessage;
import dev.parley.config.ParleyConfig;
import dev.parley.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room verticle: exactly one per room. It owns the {@link Room}, confined to its event-loop
 * context, and reaches the rest of the system only over the event bus: sessions' requests on {@link
 * RoomAddresses#ROOM}, the public JSON API on {@link ApiAddresses}, every event published twice (as
 * a record on {@link RoomAddresses#EVENTS} for the chat servers, as JSON on {@link
 * ApiAddresses#EVENTS} for services), and the periodic idle sweep every {@code idle.sweepSeconds}.
 */
public final class RoomVerticle extends VerticleBase implements Room.Output {
  private static final Logger LOG = LoggerFactory.getLogger(RoomVerticle.class);

  private final ParleyConfig config;
  private final TimeSource time;
  private Room room;
  private EventBus bus;
  private long sweepTimer = -1;

  /**
   * Creates the room.
   *
   * @param config the node's settings (room name, idle timeout and sweep period, line limit)
   * @param time the time source for idle decisions and event timestamps
   */
  public RoomVerticle(ParleyConfig config, TimeSource time) {
    this.config = config;
    this.time = time;
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    RoomCodecs.register(bus);
    room = new Room(config, time, this);
    sweepTimer = vertx.setPeriodic(config.idle().sweep().toMillis(), id -> room.sweepIdle());
    return Future.all(
        bus.consumer(RoomAddresses.ROOM, this::onRequest).completion(),
        new RoomApi(room, config.limits().maxLineBytes()).register(bus));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }

  private void onRequest(Message<Object> message) {
    Object body = message.body();
    try {
      if (body instanceof SayRequest say) {
        room.say(say.sessionId(), say.lineId(), say.text());
      } else if (body instanceof ActivityNotice activity) {
        room.touch(activity.sessionId());
      } else if (body instanceof JoinRequest join) {
        message.reply(room.join(join.sessionId(), join.nodeId(), join.name(), join.kind()));
      } else if (body instanceof WhoRequest who) {
        message.reply(new RosterReply(room.roster(who.sessionId())));
      } else if (body instanceof NickRequest nick) {
        message.reply(room.rename(nick.sessionId(), nick.name()));
      } else if (body instanceof PrivateRequest request) {
        message.reply(room.privateMessage(request.sessionId(), request.target(), request.text()));
      } else if (body instanceof LeaveRequest leave) {
        room.leave(leave.sessionId(), leave.reason());
      } else {
        message.fail(ErrorCode.BAD_REQUEST.code(), "not a room request");
      }
    } catch (RoomException e) {
      message.fail(e.code().code(), e.getMessage());
    }
  }

  @Override
  public void publish(RoomEvent event) {
    bus.publish(RoomAddresses.EVENTS, event);
    bus.publish(ApiAddresses.EVENTS, toPublic(event).toJson());
  }

  private ParleyEvent toPublic(RoomEvent event) {
    String name = config.server().name();
    String run = room.run();
    if (event instanceof Chat chat) {
      return new ChatMessage(name, run, chat.seq(), chat.time(), chat.name(), chat.text());
    } else if (event instanceof Arrived arrived) {
      return new MemberArrived(
          name, run, arrived.seq(), arrived.time(), arrived.name(), arrived.kind());
    } else if (event instanceof Left left) {
      return new MemberLeft(name, run, left.seq(), left.time(), left.name(), left.reason());
    }
    Renamed renamed = (Renamed) event;
    return new MemberRenamed(
        name, run, renamed.seq(), renamed.time(), renamed.oldName(), renamed.newName());
  }

  @Override
  public void privateLine(Member to, String from, String text) {
    if (to.kind == MemberKind.TCP) {
      bus.send(RoomAddresses.session(to.sessionId), new PrivateLine(from, text));
    } else {
      bus.send(
          ApiAddresses.member(to.sessionId),
          new JsonObject().put("type", PrivateMessage.TYPE).put("from", from).put("text", text));
    }
  }

  @Override
  public void evicted(Member member, String notice, String kickReason) {
    LOG.info("{} removed from the room: {}", member.name, notice);
    if (member.kind == MemberKind.TCP) {
      bus.send(RoomAddresses.session(member.sessionId), new Evicted(notice));
    } else {
      bus.send(
          ApiAddresses.member(member.sessionId),
          new JsonObject().put("type", PrivateMessage.KICKED_TYPE).put("reason", kickReason));
    }
  }
}
