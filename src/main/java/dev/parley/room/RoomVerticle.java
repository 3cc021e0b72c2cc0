package dev.parley.room;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.NameKey;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room: its roster, its one order of events, renames, private-message routing, guest names and
 * the periodic idle sweep. Exactly one runs per room. Its state is confined to its event-loop
 * context and reached only through {@link RoomAddresses#ROOM}; it publishes every {@link RoomEvent}
 * on {@link RoomAddresses#EVENTS} with a sequence number that increases by one per event.
 */
public final class RoomVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RoomVerticle.class);

  private final ParleyConfig config;
  private final TimeSource time;
  private final Roster roster = new Roster();
  private long seq;
  private long nextGuest = 1;
  private long sweepTimer = -1;

  /**
   * Creates the room.
   *
   * @param config the node's settings (idle timeout and sweep period)
   * @param time the time source for idle decisions and event timestamps
   */
  public RoomVerticle(ParleyConfig config, TimeSource time) {
    this.config = config;
    this.time = time;
  }

  @Override
  public Future<?> start() {
    RoomCodecs.register(vertx.eventBus());
    sweepTimer = vertx.setPeriodic(config.idle().sweep().toMillis(), id -> sweepIdle());
    return vertx.eventBus().consumer(RoomAddresses.ROOM, this::onRequest).completion();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    return Future.succeededFuture();
  }

  private void onRequest(Message<Object> message) {
    Object body = message.body();
    if (body instanceof SayRequest say) {
      say(say);
    } else if (body instanceof ActivityNotice activity) {
      Member member = roster.bySession(activity.sessionId());
      if (member != null) {
        member.lastActiveNanos = time.nanoTime();
      }
    } else if (body instanceof JoinRequest join) {
      join(message, join);
    } else if (body instanceof WhoRequest who) {
      who(message, who);
    } else if (body instanceof NickRequest nick) {
      nick(message, nick);
    } else if (body instanceof PrivateRequest request) {
      privateMessage(message, request);
    } else if (body instanceof LeaveRequest leave) {
      Member member = roster.bySession(leave.sessionId());
      if (member != null) {
        remove(member, leave.reason());
      }
    } else {
      message.fail(RoomError.BAD_REQUEST.code(), "not a room request");
    }
  }

  private void join(Message<Object> message, JoinRequest request) {
    if (roster.bySession(request.sessionId()) != null) {
      message.fail(RoomError.BAD_REQUEST.code(), "already a member");
      return;
    }
    String name;
    if (request.name().isEmpty()) {
      name = freeGuestName();
    } else {
      NameRules.Verdict verdict = NameRules.check(request.name());
      if (!verdict.valid()) {
        message.fail(RoomError.INVALID_NAME.code(), verdict.error());
        return;
      }
      name = verdict.name();
      String taken = collisionText(name, null);
      if (taken != null) {
        message.fail(RoomError.NAME_TAKEN.code(), taken);
        return;
      }
    }
    long now = time.nanoTime();
    Member member =
        new Member(
            request.sessionId(), request.nodeId(), request.kind(), name, time.epochMillis(), now);
    roster.add(member);
    Arrived event = new Arrived(++seq, time.epochMillis(), name, member.sessionId);
    message.reply(new JoinReply(event.seq(), name, roster.names()));
    publish(event);
  }

  private String freeGuestName() {
    while (true) {
      String candidate = "guest" + nextGuest++;
      if (roster.collision(NameKey.of(candidate), null) == null) {
        return candidate;
      }
    }
  }

  /** The error text if {@code name} collides with a member other than {@code self}, else null. */
  private String collisionText(String name, Member self) {
    Member holder = roster.collision(NameKey.of(name), self);
    if (holder == null) {
      return null;
    }
    return holder.name.equals(name)
        ? Replies.nameTakenText(name)
        : Replies.nameTooLikeText(name, holder.name);
  }

  private void say(SayRequest request) {
    Member member = roster.bySession(request.sessionId());
    if (member == null) {
      return;
    }
    member.lastActiveNanos = time.nanoTime();
    publish(
        new Chat(
            ++seq,
            time.epochMillis(),
            member.name,
            request.text(),
            member.sessionId,
            request.lineId()));
  }

  private void who(Message<Object> message, WhoRequest request) {
    long now = time.nanoTime();
    Member asking = roster.bySession(request.sessionId());
    if (asking != null) {
      asking.lastActiveNanos = now;
    }
    List<RosterReply.Entry> entries = new ArrayList<>();
    for (Member m : roster.members()) {
      entries.add(
          new RosterReply.Entry(
              m.name,
              m.arrivedAt,
              TimeUnit.NANOSECONDS.toSeconds(now - m.lastActiveNanos),
              m.kind));
    }
    message.reply(new RosterReply(entries));
  }

  private void nick(Message<Object> message, NickRequest request) {
    Member member = roster.bySession(request.sessionId());
    if (member == null) {
      message.fail(RoomError.NOT_A_MEMBER.code(), "not a member of the room");
      return;
    }
    member.lastActiveNanos = time.nanoTime();
    NameRules.Verdict verdict = NameRules.check(request.name());
    if (!verdict.valid()) {
      message.fail(RoomError.INVALID_NAME.code(), verdict.error());
      return;
    }
    String name = verdict.name();
    if (name.equals(member.name)) {
      message.fail(RoomError.NAME_TAKEN.code(), Replies.alreadyNamedText(name));
      return;
    }
    String taken = collisionText(name, member);
    if (taken != null) {
      message.fail(RoomError.NAME_TAKEN.code(), taken);
      return;
    }
    String oldName = member.name;
    roster.rename(member, name);
    message.reply(new NickReply(name));
    publish(new Renamed(++seq, time.epochMillis(), oldName, name, member.sessionId));
  }

  private void privateMessage(Message<Object> message, PrivateRequest request) {
    Member sender = roster.bySession(request.sessionId());
    if (sender == null) {
      message.fail(RoomError.NOT_A_MEMBER.code(), "not a member of the room");
      return;
    }
    sender.lastActiveNanos = time.nanoTime();
    NameRules.Verdict verdict = NameRules.check(request.target());
    Member target = verdict.valid() ? roster.collision(NameKey.of(verdict.name()), null) : null;
    if (target == null) {
      message.fail(RoomError.NO_SUCH_MEMBER.code(), Replies.noSuchMemberText(request.target()));
      return;
    }
    vertx
        .eventBus()
        .send(
            RoomAddresses.session(target.sessionId), new PrivateLine(sender.name, request.text()));
    message.reply(new PrivateReply(sender.name, target.name));
  }

  private void sweepIdle() {
    long now = time.nanoTime();
    long timeout = config.idle().timeout().toNanos();
    List<Member> idle = new ArrayList<>();
    for (Member m : roster.members()) {
      if (m.kind == MemberKind.TCP && now - m.lastActiveNanos > timeout) {
        idle.add(m);
      }
    }
    for (Member m : idle) {
      evict(m, Replies.idleDisconnect(config.idle().timeout().toString()), Replies.REASON_IDLE);
    }
  }

  private void evict(Member member, String notice, String reason) {
    LOG.info("{} removed from the room: {}", member.name, reason);
    vertx.eventBus().send(RoomAddresses.session(member.sessionId), new Evicted(notice));
    remove(member, reason);
  }

  private void remove(Member member, String reason) {
    roster.remove(member);
    publish(new Left(++seq, time.epochMillis(), member.name, reason, member.sessionId));
  }

  private void publish(RoomEvent event) {
    vertx.eventBus().publish(RoomAddresses.EVENTS, event);
  }
}
