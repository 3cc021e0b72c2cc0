package dev.parley.irc;

import dev.parley.bus.Addresses;
import dev.parley.bus.ModerationMessages.Act;
import dev.parley.bus.ModerationMessages.Action;
import dev.parley.bus.RoomSayRequest;
import dev.parley.placement.RoomGroups;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.RoomNames;
import dev.parley.session.Refusals;
import dev.parley.session.RoomAsk;
import dev.parley.session.SessionHost;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * An IRC session's requests to the rooms: the room requests of its room's group and the event-bus
 * API's JSON requests, each waiting for a moving group ({@link RoomAsk}). Answers complete on the
 * session's event loop; confined to it.
 */
final class IrcRequests {
  /** How many times a chat line is sent in all while its room does not answer. */
  static final int SAY_TRIES = 8;

  /**
   * How long, in milliseconds, each try of a chat line waits for its room: a line sent to a node
   * that died (the cluster routes to it for a moment after its death) is sent again after this.
   */
  static final long SAY_TRY_MILLIS = 1000;

  private static final DeliveryOptions SAY_TRY =
      new DeliveryOptions().setSendTimeout(SAY_TRY_MILLIS);

  private final IrcSession session;
  private final SessionHost host;
  private final RoomGroups groups;

  /** The number of this session's last chat line. */
  private long lastLine;

  /** The chat line waiting for its room's answer; one at a time, as commands wait in turn. */
  private Unanswered unanswered;

  private record Unanswered(int group, RoomSayRequest request, Promise<Long> answer) {}

  IrcRequests(IrcSession session, SessionHost host) {
    this.session = session;
    this.host = host;
    this.groups = host.roomGroups();
  }

  /** The group of a room, by its canonical name. */
  int groupOf(String room) {
    return groups.of(room);
  }

  /** Asks the room group of {@code room}. */
  <T> Future<T> room(String room, Object request) {
    return session.inOrder(
        RoomAsk.ask(host.vertx(), Addresses.room(groups.of(room)), request, null));
  }

  /** A JSON request of the public API, for this member. */
  Future<JsonObject> api(String address, JsonObject body) {
    return session.inOrder(
        RoomAsk.ask(host.vertx(), address, body.put("member", session.id()), null));
  }

  /**
   * A chat line of this member's in a room: the client's next command waits until the room has
   * ordered it, so that an echo or a refusal comes before the next command's answer. The line is
   * numbered; when its room does not answer (its node died, or a loaded node answered too late) it
   * is sent again with its number after {@value #SAY_TRY_MILLIS} ms, up to {@value #SAY_TRIES}
   * times, and at once to a node that opens the room's group meanwhile ({@link #roomReady}); the
   * room orders it once (PROTOCOL.md section 7: delivered once, or refused).
   *
   * @return the {@code message} event's sequence number, {@code -1} for a resend the room had
   *     ordered already; or the room's refusal (a {@code ReplyException})
   */
  Future<Long> say(String room, String text, boolean notice) {
    int group = groups.of(room);
    Unanswered line =
        new Unanswered(
            group,
            new RoomSayRequest(session.id(), room, ++lastLine, text, notice),
            Promise.promise());
    unanswered = line;
    send(line, SAY_TRIES);
    return session.inOrder(
        line.answer()
            .future()
            .onComplete(
                ar -> {
                  if (unanswered == line) {
                    unanswered = null;
                  }
                }));
  }

  /**
   * A room group opened on a node (a failover or a handover): the chat line waiting for an answer
   * from that group, if any, is sent to it again now instead of after its request's timeout.
   *
   * @param group the group that opened
   */
  void roomReady(int group) {
    Unanswered line = unanswered;
    if (line != null && line.group() == group && !line.answer().future().isComplete()) {
      send(line, 1);
    }
  }

  private void send(Unanswered line, int tries) {
    RoomAsk.<Long>askEach(host.vertx(), Addresses.room(line.group()), line.request(), SAY_TRY)
        .onComplete(
            ar -> {
              if (line.answer().future().isComplete()) {
                return;
              }
              if (ar.succeeded()) {
                line.answer().complete(ar.result());
              } else if (tries > 1 && wentUnanswered(ar.cause())) {
                send(line, tries - 1);
              } else {
                line.answer().fail(ar.cause());
              }
            });
  }

  /**
   * Whether a request went unanswered: it timed out, or the room group could not be reached ({@code
   * 503}).
   */
  private static boolean wentUnanswered(Throwable failure) {
    return failure instanceof ReplyException e
        && (e.failureType() == ReplyFailure.TIMEOUT
            || (e.failureType() == ReplyFailure.RECIPIENT_FAILURE
                && e.failureCode() == ErrorCode.UNAVAILABLE.code()));
  }

  /** A JSON question of the public API that names no member ({@code who}, {@code rooms}). */
  Future<JsonObject> query(String address, JsonObject body) {
    return session.inOrder(RoomAsk.ask(host.vertx(), address, body, null));
  }

  /** A moderation request of this member's, about {@code room}. */
  <T> Future<T> act(
      Action action, String room, String target, String account, String text, long minutes) {
    return room(
        room,
        new Act(
            action,
            session.id(),
            session.nick(),
            session.actingAccount(),
            target,
            account,
            text,
            minutes,
            room));
  }

  /**
   * A moderation request asked of every group: the first that answers it wins, else the most
   * telling refusal (any but "no such member").
   */
  <T> Future<T> actEverywhere(Action action, String target) {
    Act act =
        new Act(
            action, session.id(), session.nick(), session.actingAccount(), target, "", "", 0, "");
    List<Future<T>> asked = new ArrayList<>();
    for (int g = 0; g < groups.count(); g++) {
      asked.add(RoomAsk.ask(host.vertx(), Addresses.room(g), act, null));
    }
    return session.inOrder(
        Future.join(asked)
            .transform(
                all -> {
                  Throwable refusal = null;
                  for (Future<T> f : asked) {
                    if (f.succeeded()) {
                      return f;
                    }
                    if (refusal == null || code(f.cause()) != ErrorCode.NO_SUCH_MEMBER.code()) {
                      refusal = f.cause();
                    }
                  }
                  return Future.failedFuture(refusal);
                }));
  }

  /** A refusal's error code, or 503 for a failure that is not a room's refusal. */
  static int code(Throwable failure) {
    return failure instanceof ReplyException e && e.failureCode() > 0
        ? e.failureCode()
        : ErrorCode.UNAVAILABLE.code();
  }

  /** A refusal's text, as the room gave it. */
  static String text(Throwable failure) {
    return IrcReplies.parleyText(Refusals.line(failure));
  }

  /** The canonical name of a typed channel, or {@code null} when it is not a Parley room name. */
  static String canonical(String channel) {
    if (!channel.startsWith("#")) {
      return null;
    }
    NameRules.Verdict verdict = RoomNames.check(channel);
    return verdict.valid() ? verdict.name() : null;
  }
}
