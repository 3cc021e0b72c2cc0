package dev.parley.rooms;

import dev.parley.bus.Addresses;
import dev.parley.bus.ModerationMessages.Act;
import dev.parley.bus.ModerationMessages.Answer;
import dev.parley.bus.ModerationMessages.BanList;
import dev.parley.bus.ModerationMessages.ServerBanned;
import dev.parley.bus.ModerationMessages.WhoisAnswer;
import dev.parley.protocol.AccountReplies;
import dev.parley.room.Ban;
import dev.parley.room.Moderation;
import dev.parley.room.Moderation.Actor;
import dev.parley.room.Moderation.PolicyEdit;
import dev.parley.room.PolicyChanged;
import dev.parley.room.RoomException;
import dev.parley.room.Rooms;
import dev.parley.room.Topic;
import dev.parley.store.Store;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room group's part of moderation (PROTOCOL.md section 13): it answers the members' requests and
 * the event-bus API's, and makes the changes of its rooms' policies last. A change is saved to the
 * store before it is made: the store being away costs the change ({@code ! that cannot be saved
 * right now, try again}), never the chat. Changes are made one at a time, each proposed against the
 * policy the previous one left, so that two operators' changes never undo each other. Confined to
 * the {@link RoomVerticle}'s context.
 */
final class ModerationDesk {
  private static final Logger LOG = LoggerFactory.getLogger(ModerationDesk.class);

  private final Rooms rooms;
  private final Moderation moderation;
  private final Store store;
  private final EventBus bus;
  private final int group;
  private final int groups;
  private final ArrayDeque<Runnable> queued = new ArrayDeque<>();
  private boolean saving;

  ModerationDesk(Rooms rooms, Store store, EventBus bus, int group, int groups) {
    this.rooms = rooms;
    this.moderation = rooms.moderation();
    this.store = store;
    this.bus = bus;
    this.group = group;
    this.groups = groups;
  }

  /** Answers a member's request. */
  void handle(Message<Object> message, Act act) {
    Actor actor = new Actor(act.actor(), act.account(), false);
    String session = act.sessionId();
    try {
      switch (act.action()) {
        case TOPIC -> {
          String room = room(act);
          Topic topic = moderation.topic(room);
          message.reply(new Answer(room, "", topic == null ? null : topic.text()));
        }
        case SET_TOPIC ->
            change(message, () -> moderation.topic(actor, room(act), act.text(), session));
        case OP ->
            change(
                message,
                () ->
                    moderation.op(actor, room(act), act.target(), orNull(act.account2()), session));
        case DEOP ->
            change(message, () -> moderation.deop(actor, room(act), act.target(), session));
        case BAN ->
            change(
                message,
                () ->
                    moderation.ban(
                        actor,
                        room(act),
                        act.target(),
                        orNull(act.account2()),
                        act.minutes(),
                        act.text(),
                        session));
        case UNBAN ->
            change(message, () -> moderation.unban(actor, room(act), act.target(), session));
        case BANS -> {
          String room = room(act);
          message.reply(new BanList(room, moderation.bans(actor, room)));
        }
        case MUTE ->
            change(
                message,
                () -> moderation.mute(actor, room(act), act.target(), act.minutes(), session));
        case UNMUTE ->
            change(message, () -> moderation.unmute(actor, room(act), act.target(), session));
        case KICK -> {
          String name = moderation.kick(actor, act.target(), null, act.text());
          message.reply(new Answer("", name, ""));
        }
        case WHOIS -> {
          Moderation.Whois whois = moderation.whois(act.target());
          if (whois == null) {
            message.fail(
                ErrorCode.NO_SUCH_MEMBER.code(), AccountReplies.nobodyCalledText(act.target()));
          } else {
            message.reply(
                new WhoisAnswer(
                    whois.name(),
                    whois.room(),
                    whois.registered(),
                    whois.operatorOf(),
                    whois.rooms(),
                    whois.operatorRooms()));
          }
        }
        case REGISTERED -> {
          rooms.markRegistered(session);
          message.reply(new Answer("", act.account(), ""));
        }
      }
    } catch (RoomException e) {
      message.fail(e.code().code(), e.getMessage());
    }
  }

  /** The room an act is about: the one it names, or the member's own. */
  private String room(Act act) {
    return act.room().isEmpty() ? moderation.roomOf(act.sessionId()) : act.room();
  }

  private static String orNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  /**
   * Proposes a change at its turn, saves it, then makes it, and answers the request: {@link Answer}
   * with the room and target, or the refusal.
   */
  private void change(Message<Object> message, Supplier<PolicyEdit> propose) {
    change(propose)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                PolicyEdit edit = ar.result();
                message.reply(
                    edit == null
                        ? new Answer("", "", "")
                        : new Answer(edit.after().room(), edit.target(), edit.text()));
              } else if (ar.cause() instanceof RoomException e) {
                message.fail(e.code().code(), e.getMessage());
              } else {
                message.fail(ErrorCode.NOT_SAVED.code(), AccountReplies.notSavedText());
              }
            });
  }

  /**
   * Queues a change: at its turn it is proposed (a refusal fails the future), saved, then made.
   *
   * @return the change made, {@code null} when there was nothing to change; fails with a {@link
   *     RoomException}, or the store's failure (nothing changed)
   */
  Future<PolicyEdit> change(Supplier<PolicyEdit> propose) {
    Promise<PolicyEdit> done = Promise.promise();
    queued.addLast(
        () -> {
          PolicyEdit edit;
          try {
            edit = propose.get();
          } catch (RoomException e) {
            done.fail(e);
            next();
            return;
          }
          if (edit == null) {
            done.complete(null);
            next();
            return;
          }
          store
              .saveRoomPolicy(edit.after())
              .onComplete(
                  saved -> {
                    if (saved.succeeded()) {
                      apply(edit);
                      done.complete(edit);
                    } else {
                      LOG.warn(
                          "the store did not save the policy of {}: {}",
                          edit.after().room(),
                          saved.cause().toString());
                      done.fail(saved.cause());
                    }
                    next();
                  });
        });
    if (!saving) {
      next();
    }
    return done.future();
  }

  private void next() {
    Runnable work = queued.pollFirst();
    saving = work != null;
    if (work != null) {
      work.run();
    }
  }

  private void apply(PolicyEdit edit) {
    moderation.apply(edit);
    if (edit.change() == PolicyChanged.Change.BANNED
        && moderation.isServerBan(edit.after().room())) {
      Ban ban = edit.after().bans().get(edit.after().bans().size() - 1);
      for (int g = 0; g < groups; g++) {
        if (g != group) {
          bus.send(Addresses.room(g), new ServerBanned(ban));
        }
      }
    }
  }

  /**
   * A member that opened a room may become its first operator: the change is saved, then it is
   * told; a store that is away costs the room its first operator, not the member its entry.
   */
  void opened(String sessionId, String room) {
    change(() -> moderation.firstOperator(sessionId, room))
        .onFailure(e -> LOG.warn("{} has no first operator: {}", room, e.getMessage()));
  }

  /** A ban of the server from the default room's group: the members here it matches go. */
  void serverBanned(ServerBanned banned) {
    moderation.expel(banned.ban());
  }
}
