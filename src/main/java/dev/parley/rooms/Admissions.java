package dev.parley.rooms;

import dev.parley.bus.NickReply;
import dev.parley.names.NameRegistry;
import dev.parley.names.NameRegistry.Holder;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.room.Entered;
import dev.parley.room.Member;
import dev.parley.room.PrivateSent;
import dev.parley.room.RoomException;
import dev.parley.room.Rooms;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import io.vertx.core.Future;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Names across room groups: a room group admits or renames a member only once the {@link
 * NameRegistry} has given it the name, gives the name back when the member leaves its rooms for
 * good, and finds the holder of a name that is not in its rooms for {@code /msg}. Within the group,
 * {@link Rooms} keeps its own rules; the registry adds the other groups' names. Confined to the
 * {@link RoomVerticle}'s context; its futures complete there.
 */
final class Admissions {
  private static final Logger LOG = LoggerFactory.getLogger(Admissions.class);

  /** How many guest names are tried when the next one is taken in another group. */
  private static final int GUEST_TRIES = 20;

  /** Sends a private line to a member of another group. */
  interface PrivateDelivery {
    void deliver(Holder to, String from, String text);
  }

  private final Rooms rooms;
  private final NameRegistry names;
  private final Consumer<Holder> takenOver;

  /**
   * @param takenOver tells a session of another group that its account logged in elsewhere
   */
  Admissions(Rooms rooms, NameRegistry names, Consumer<Holder> takenOver) {
    this.rooms = rooms;
    this.names = names;
    this.takenOver = takenOver;
  }

  /**
   * Admits a member into a room under a name taken in the registry first.
   *
   * @param requested the name asked for, {@code ""} for a guest name
   * @param room the room as typed, {@code null} for the default room
   * @return the join's reply; fails with a {@link RoomException} for a bad or taken name, a bad
   *     room or the room limit
   */
  Future<Entered> admit(
      String id, String node, String requested, MemberKind kind, long lastLineId, String room) {
    return admit(id, node, requested, kind, lastLineId, room, false, GUEST_TRIES, "", "");
  }

  /**
   * Admits a line session (see {@link #admit(String, String, String, MemberKind, long, String)}),
   * logged in to an account or a guest, from an address that bans may name.
   *
   * @param account the account it logged in to, whose name is {@code requested}: the name is taken
   *     over from whichever session holds it (told {@code logged in elsewhere}); empty for a guest
   * @param address the client's address, empty when unknown
   */
  Future<Entered> admit(
      String id,
      String node,
      String requested,
      MemberKind kind,
      long lastLineId,
      String room,
      boolean freesOne,
      String account,
      String address) {
    return admit(
        id, node, requested, kind, lastLineId, room, freesOne, GUEST_TRIES, account, address);
  }

  private Future<Entered> admit(
      String id,
      String node,
      String requested,
      MemberKind kind,
      long lastLineId,
      String room,
      boolean freesOne,
      int triesLeft,
      String account,
      String address) {
    if (!account.isEmpty()) {
      return admitAccount(id, node, requested, kind, lastLineId, room, freesOne, account, address);
    }
    String name;
    try {
      name = rooms.admissibleName(requested);
    } catch (RoomException e) {
      return Future.failedFuture(e);
    }
    return names
        .claim(new Holder(id, node, kind, name))
        .transform(
            claimed -> {
              if (claimed.failed()) {
                return requested.isEmpty()
                        && triesLeft > 1
                        && claimed.cause() instanceof RoomException
                    ? admit(
                        id,
                        node,
                        requested,
                        kind,
                        lastLineId,
                        room,
                        freesOne,
                        triesLeft - 1,
                        account,
                        address)
                    : Future.failedFuture(claimed.cause());
              }
              try {
                return Future.succeededFuture(
                    rooms.join(id, node, name, kind, lastLineId, room, freesOne, "", address));
              } catch (RoomException e) {
                return giveBack(claimed.result(), name, id, e);
              }
            });
  }

  /**
   * Admits a line session that moves from a room of another group, under the name it holds (see
   * {@link #admit(String, String, String, MemberKind, long, String, boolean, String, String)}).
   *
   * @param freesOne whether its move empties its room there
   */
  Future<Entered> admitMoving(
      String id,
      String node,
      String name,
      long lastLineId,
      String room,
      boolean freesOne,
      String account,
      String address) {
    return admit(id, node, name, MemberKind.TCP, lastLineId, room, freesOne, 1, account, address);
  }

  /**
   * A login: the account's name is taken over in the registry; the session that held it is told
   * {@code logged in elsewhere} and leaves (here at once, when it is a member of these rooms).
   */
  private Future<Entered> admitAccount(
      String id,
      String node,
      String account,
      MemberKind kind,
      long lastLineId,
      String room,
      boolean freesOne,
      String accountName,
      String address) {
    return names
        .takeOver(new Holder(id, node, kind, account))
        .compose(
            previous -> {
              if (previous != null) {
                LOG.info("{} logged in elsewhere: its other session leaves", account);
                if (!rooms.takeOver(previous.memberId())) {
                  takenOver.accept(previous);
                }
              }
              try {
                return Future.succeededFuture(
                    rooms.join(
                        id, node, account, kind, lastLineId, room, freesOne, accountName, address));
              } catch (RoomException e) {
                return names.release(account, id).transform(v -> Future.failedFuture(e));
              }
            });
  }

  private <T> Future<T> giveBack(boolean taken, String name, String id, RoomException refusal) {
    if (!taken) {
      return Future.failedFuture(refusal);
    }
    return names.release(name, id).transform(v -> Future.failedFuture(refusal));
  }

  /**
   * Puts a bus member in one more room. A bus member that another group admitted is admitted here
   * under the name the registry gives for its id.
   *
   * @return the entry's reply; fails with a {@link RoomException}
   */
  Future<Entered> enter(String memberId, String room) {
    if (isMember(memberId)) {
      try {
        return Future.succeededFuture(rooms.enter(memberId, room));
      } catch (RoomException e) {
        return Future.failedFuture(e);
      }
    }
    return names
        .member(memberId)
        .compose(
            holder ->
                holder == null
                    ? Future.failedFuture(
                        new RoomException(ErrorCode.NOT_A_MEMBER, "not a member of the room"))
                    : admit(memberId, holder.nodeId(), holder.name(), holder.kind(), 0, room));
  }

  private boolean isMember(String memberId) {
    return rooms.isMember(memberId);
  }

  /**
   * {@code /nick}: takes the new name in the registry, renames, then gives the old one back.
   *
   * @return the rename's reply; fails with a {@link RoomException}
   */
  Future<NickReply> rename(String sessionId, String requested) {
    Member member;
    String name;
    try {
      member = rooms.memberOf(sessionId);
      name = rooms.admissibleRename(sessionId, requested);
    } catch (RoomException e) {
      return Future.failedFuture(e);
    }
    String old = member.name();
    Holder renamed = new Holder(sessionId, member.nodeId(), member.kind(), name);
    return names
        .claim(renamed)
        .compose(
            taken -> {
              NickReply reply;
              try {
                reply = new NickReply(rooms.rename(sessionId, name));
              } catch (RoomException e) {
                return giveBack(taken, name, sessionId, e);
              }
              // Not taken now: the member held the name under another spelling (a change of
              // case), which it keeps, spelled anew.
              return (taken ? names.release(old, sessionId) : names.update(renamed).mapEmpty())
                  .map(reply);
            });
  }

  /**
   * {@code /msg}: to a member of these rooms, or else to the holder of the name in another group.
   *
   * @param deliver sends the line to the holder found in the registry
   * @return the reply; fails with a {@link RoomException} when nobody holds the name
   */
  Future<PrivateSent> privateMessage(
      String sessionId, String target, String text, PrivateDelivery deliver) {
    try {
      return Future.succeededFuture(rooms.privateMessage(sessionId, target, text));
    } catch (RoomException e) {
      if (e.code() != ErrorCode.NO_SUCH_MEMBER && e.code() != ErrorCode.NOT_A_MEMBER) {
        return Future.failedFuture(e);
      }
      NameRules.Verdict verdict = NameRules.check(target);
      if (!verdict.valid()) {
        return Future.failedFuture(e);
      }
      return fromElsewhere(sessionId, e, verdict.name(), text, deliver);
    }
  }

  /**
   * A private line to the holder of {@code target} in another group, from a member of these rooms,
   * or from a member in none of them that holds a name (an IRC client in no room).
   */
  private Future<PrivateSent> fromElsewhere(
      String sessionId,
      RoomException noSuchMember,
      String target,
      String text,
      PrivateDelivery deliver) {
    Future<String> from =
        isMember(sessionId)
            ? Future.succeededFuture(rooms.memberOf(sessionId).name())
            : names
                .member(sessionId)
                .compose(
                    holder ->
                        holder == null
                            ? Future.failedFuture(
                                new RoomException(
                                    ErrorCode.NOT_A_MEMBER, "not a member of the room"))
                            : Future.succeededFuture(holder.name()));
    return from.compose(
        name ->
            names
                .holder(target)
                .compose(
                    holder -> {
                      if (holder == null) {
                        return Future.failedFuture(
                            noSuchMember.code() == ErrorCode.NO_SUCH_MEMBER
                                ? noSuchMember
                                : new RoomException(
                                    ErrorCode.NO_SUCH_MEMBER, Replies.noSuchMemberText(target)));
                      }
                      deliver.deliver(holder, name, text);
                      return Future.succeededFuture(new PrivateSent(name, holder.name()));
                    }));
  }

  /** A member left every room of this group for good: its name is given back. */
  void removed(Member member) {
    names
        .release(member.name(), member.sessionId())
        .onFailure(
            e -> LOG.warn("could not give the name {} back: {}", member.name(), e.toString()));
  }
}
