package dev.parley.room;

import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.ModerationReplies;
import dev.parley.protocol.NameKey;
import dev.parley.protocol.NameRules;
import dev.parley.time.TimeSource;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The moderation of one group's rooms (PROTOCOL.md section 13): who may act as an operator, topics,
 * operators, bans, mutes, kicks and {@code /whois}. A change of a room's policy is first proposed
 * ({@link PolicyEdit}, checked against the rules and the actor's rights, changing nothing), then,
 * once the store has saved it, {@linkplain #apply applied}: the room's policy changes and the room
 * orders a {@link PolicyChanged} event. Kicks change no policy and happen at once. Refusals are
 * thrown as {@link RoomException}s with the texts of PROTOCOL.md. Free of Vert.x; confined with the
 * {@link Rooms} that holds it, not thread-safe.
 */
public final class Moderation {
  /**
   * Who acts: a member (by its name and the account it is logged in to, empty for a guest), or a
   * service on the event bus, which acts as a server operator.
   *
   * @param name the name shown as the one who acted
   * @param account the actor's account, empty for a guest or a service
   * @param service whether the actor is a service (a server operator)
   */
  public record Actor(String name, String account, boolean service) {}

  /**
   * A proposed change of a room's policy: nothing has changed yet.
   *
   * @param after the room's whole policy once the change is made: what the store saves
   * @param change what changes
   * @param actor who changes it
   * @param target the account, member or ban target concerned; empty for a topic
   * @param text the topic, or a ban's reason; empty otherwise
   * @param untilMillis when a ban or mute ends, 0 for no end
   * @param sessionId the session told of a first operator, or the actor's; empty for a service
   */
  public record PolicyEdit(
      RoomPolicy after,
      PolicyChanged.Change change,
      String actor,
      String target,
      String text,
      long untilMillis,
      String sessionId) {}

  /**
   * What {@code /whois} says of a member of these rooms.
   *
   * @param name the member's name
   * @param room its (first) room
   * @param registered whether it is logged in to an account
   * @param operatorOf {@code room} when it is an operator of it, else {@code null}
   * @param rooms every room here it is in, in order of entering
   * @param operatorRooms those of {@code rooms} it is an operator of
   */
  public record Whois(
      String name,
      String room,
      boolean registered,
      String operatorOf,
      List<String> rooms,
      List<String> operatorRooms) {}

  /** Kicks a member out of a room (see {@code Rooms#kickOut}). */
  interface KickOut {
    void kick(Member member, RoomRoster room, String why);
  }

  private final TimeSource time;
  private final Roster roster;
  private final RoomDirectory directory;
  private final EventOrder order;
  private final Policies policies;
  private final KickOut kickOut;

  Moderation(
      TimeSource time,
      Rooms.Output output,
      Roster roster,
      RoomDirectory directory,
      EventOrder order,
      Policies policies,
      KickOut kickOut) {
    this.time = time;
    this.roster = roster;
    this.directory = directory;
    this.order = order;
    this.policies = policies;
    this.kickOut = kickOut;
  }

  // ---- checks the rooms make

  /**
   * Refuses a member that a ban of the room keeps out.
   *
   * @throws RoomException {@link ErrorCode#BANNED}, or {@link ErrorCode#BANNED_FROM_SERVER} for the
   *     default room's bans
   */
  void checkNotBanned(String room, String account, String address) {
    Ban ban = policies.banOf(room, account, address, time.epochMillis());
    if (ban == null) {
      return;
    }
    String why = why(ban);
    if (policies.isDefault(room)) {
      throw new RoomException(
          ErrorCode.BANNED_FROM_SERVER, ModerationReplies.bannedFromServerText(why));
    }
    throw new RoomException(ErrorCode.BANNED, ModerationReplies.bannedFromText(room, why));
  }

  private static String why(Ban ban) {
    return ban.why().isEmpty() ? ModerationReplies.byOperator(ban.by()) : ban.why();
  }

  /** The topic of a room shown on entering it, or {@code null}. */
  String topicText(String room) {
    Topic topic = policies.of(room).topic();
    return topic == null ? null : topic.text();
  }

  // ---- reading

  /**
   * The room a member's room-scoped command is about: its (first) room.
   *
   * @throws RoomException if the session is not a member here or is in no room
   */
  public String roomOf(String sessionId) {
    Member member = roster.bySession(sessionId);
    if (member == null || member.room() == null) {
      throw new RoomException(ErrorCode.NOT_A_MEMBER, "not a member of the room");
    }
    return member.room().name();
  }

  /**
   * A room's name as the rooms spell it: an open room's as it was opened ({@code #OPS} finds {@code
   * #ops}), any other as given.
   *
   * @param room a valid room name, with its {@code #}
   * @return the name
   */
  public String roomName(String room) {
    return canonical(room);
  }

  /**
   * The topic of a room.
   *
   * @return the topic, or {@code null} when it has none
   */
  public Topic topic(String room) {
    return policies.of(canonical(room)).topic();
  }

  /**
   * The bans of a room still in force, for an operator.
   *
   * @throws RoomException if the actor is not an operator of the room
   */
  public List<Ban> bans(Actor actor, String room) {
    String name = canonical(room);
    requireOperator(actor, name);
    long now = time.epochMillis();
    List<Ban> bans = new ArrayList<>();
    for (Ban ban : policies.of(name).bans()) {
      if (ban.untilMillis() == 0 || ban.untilMillis() > now) {
        bans.add(ban);
      }
    }
    return bans;
  }

  /** Whether an account may act as an operator of a room. */
  public boolean isOperator(String account, String room) {
    return policies.isOperator(account, canonical(room));
  }

  /** Whether a ban of {@code room} is a ban of the server (the default room's). */
  public boolean isServerBan(String room) {
    return policies.isDefault(canonical(room));
  }

  /** Whether an account is a server operator ({@code accounts.operators}). */
  public boolean isServerOperator(String account) {
    return policies.isServerOperator(account);
  }

  /**
   * What {@code /whois} says of a member of these rooms.
   *
   * @return the answer, or {@code null} when no member here has that name
   */
  public Whois whois(String name) {
    Member member = find(name);
    if (member == null || member.room() == null) {
      return null;
    }
    String room = member.room().name();
    List<String> rooms = new ArrayList<>();
    List<String> operatorRooms = new ArrayList<>();
    for (RoomRoster in : member.rooms) {
      rooms.add(in.name());
      if (policies.isOperator(member.account, in.name())) {
        operatorRooms.add(in.name());
      }
    }
    return new Whois(
        member.name,
        room,
        !member.account.isEmpty(),
        policies.isOperator(member.account, room) ? room : null,
        rooms,
        operatorRooms);
  }

  /**
   * The members of a room that may act as its operators (IRC's {@code @}), in order of arrival.
   *
   * @param room the room as typed
   * @return their names; none for a room that is not open
   */
  public List<String> operatorsIn(String room) {
    RoomRoster open = directory.find(room);
    List<String> names = new ArrayList<>();
    if (open != null) {
      for (Member member : open.members()) {
        if (policies.isOperator(member.account, open.name())) {
          names.add(member.name);
        }
      }
    }
    return names;
  }

  // ---- proposing changes

  /**
   * {@code /topic TEXT}, or {@code /topic -} to clear it.
   *
   * @throws RoomException if the actor is not an operator, or the topic is over 300 bytes
   */
  public PolicyEdit topic(Actor actor, String room, String text, String sessionId) {
    String name = canonical(room);
    requireOperator(actor, name);
    RoomPolicy now = policies.of(name);
    if (text.equals(ModerationReplies.CLEAR_TOPIC)) {
      return edit(
          with(now, now.operators(), null, now.bans(), now.mutes()),
          PolicyChanged.Change.TOPIC_CLEARED,
          actor,
          "",
          "",
          0,
          sessionId);
    }
    if (text.getBytes(StandardCharsets.UTF_8).length > ModerationReplies.TOPIC_MAX_BYTES) {
      throw new RoomException(ErrorCode.BAD_REQUEST, ModerationReplies.topicTooLongText());
    }
    Topic topic = new Topic(text, actor.name(), time.epochMillis());
    return edit(
        with(now, now.operators(), topic, now.bans(), now.mutes()),
        PolicyChanged.Change.TOPIC_SET,
        actor,
        "",
        text,
        0,
        sessionId);
  }

  /**
   * {@code /op NAME}: the account NAME becomes an operator of the room.
   *
   * @param account the account's name as stored, or {@code null} when there is no such account
   * @throws RoomException if the actor is not an operator, the room is the default one, NAME is no
   *     account, or is an operator already
   */
  public PolicyEdit op(
      Actor actor, String room, String requested, String account, String sessionId) {
    String name = canonical(room);
    requireOperator(actor, name);
    requireOwnOperators(name);
    if (account == null) {
      throw new RoomException(
          find(requested) != null ? ErrorCode.BAD_REQUEST : ErrorCode.NO_SUCH_MEMBER,
          find(requested) != null
              ? ModerationReplies.notRegisteredText(requested)
              : AccountReplies.nobodyCalledText(requested));
    }
    RoomPolicy now = policies.of(name);
    if (indexOf(now.operators(), account) >= 0) {
      return null;
    }
    List<String> operators = new ArrayList<>(now.operators());
    operators.add(account);
    return edit(
        with(now, operators, now.topic(), now.bans(), now.mutes()),
        PolicyChanged.Change.OPPED,
        actor,
        account,
        "",
        0,
        sessionId);
  }

  /**
   * {@code /deop NAME}.
   *
   * @throws RoomException if the actor is not an operator, the room is the default one, or NAME is
   *     not an operator of the room
   */
  public PolicyEdit deop(Actor actor, String room, String requested, String sessionId) {
    String name = canonical(room);
    requireOperator(actor, name);
    requireOwnOperators(name);
    RoomPolicy now = policies.of(name);
    int at = indexOf(now.operators(), requested);
    if (at < 0) {
      throw new RoomException(
          ErrorCode.BAD_REQUEST, ModerationReplies.notOperatorText(requested, name));
    }
    List<String> operators = new ArrayList<>(now.operators());
    String account = operators.remove(at);
    return edit(
        with(now, operators, now.topic(), now.bans(), now.mutes()),
        PolicyChanged.Change.DEOPPED,
        actor,
        account,
        "",
        0,
        sessionId);
  }

  /**
   * The first operator of a room: a logged-in member that opened a room whose list of operators is
   * empty.
   *
   * @return the change, or {@code null} when there is none to make (a guest, the default room, a
   *     room that has operators)
   */
  public PolicyEdit firstOperator(String sessionId, String room) {
    Member member = roster.bySession(sessionId);
    if (member == null || member.account.isEmpty() || !policies.hasNoOperators(room)) {
      return null;
    }
    RoomPolicy now = policies.of(room);
    return edit(
        with(now, List.of(member.account), now.topic(), now.bans(), now.mutes()),
        PolicyChanged.Change.FIRST_OPERATOR,
        new Actor(member.name, member.account, false),
        member.account,
        "",
        0,
        sessionId);
  }

  /**
   * {@code /ban TARGET [MINUTES] [WHY]}: TARGET is an address or CIDR block, the name of a member
   * here (its account, or a guest's address), or an account.
   *
   * @param account the stored account TARGET names, or {@code null} when none
   * @param minutes how long, 0 for until {@code /unban}
   * @throws RoomException if the actor is not an operator, or TARGET matches nobody
   */
  public PolicyEdit ban(
      Actor actor,
      String room,
      String target,
      String account,
      long minutes,
      String why,
      String sessionId) {
    String name = canonical(room);
    requireOperator(actor, name);
    Ban.Kind kind;
    String banned;
    AddressBlock block = AddressBlock.parse(target);
    Member member = block == null ? find(target) : null;
    if (block != null) {
      kind = block.isBlock() ? Ban.Kind.CIDR : Ban.Kind.ADDRESS;
      banned = target;
    } else if (member != null && !member.account.isEmpty()) {
      kind = Ban.Kind.ACCOUNT;
      banned = member.account;
    } else if (member != null && !member.address.isEmpty()) {
      kind = Ban.Kind.ADDRESS;
      banned = member.address;
    } else if (account != null) {
      kind = Ban.Kind.ACCOUNT;
      banned = account;
    } else {
      throw new RoomException(ErrorCode.NO_SUCH_MEMBER, AccountReplies.nobodyCalledText(target));
    }
    long now = time.epochMillis();
    long until = minutes == 0 ? 0 : now + TimeUnit.MINUTES.toMillis(minutes);
    RoomPolicy policy = policies.of(name);
    String key = Ban.key(kind, banned);
    List<Ban> bans = new ArrayList<>();
    for (Ban b : policy.bans()) {
      if (!Ban.key(b.kind(), b.target()).equals(key)) {
        bans.add(b);
      }
    }
    bans.add(new Ban(banned, kind, actor.name(), now, until, why));
    return edit(
        with(policy, policy.operators(), policy.topic(), bans, policy.mutes()),
        PolicyChanged.Change.BANNED,
        actor,
        banned,
        why,
        until,
        sessionId);
  }

  /**
   * {@code /unban TARGET}: TARGET as a ban names it, or a member or account it names.
   *
   * @throws RoomException if the actor is not an operator, or no ban of the room names TARGET
   */
  public PolicyEdit unban(Actor actor, String room, String target, String sessionId) {
    String name = canonical(room);
    requireOperator(actor, name);
    RoomPolicy policy = policies.of(name);
    List<Ban> bans = new ArrayList<>();
    Ban lifted = null;
    for (Ban b : policy.bans()) {
      if (lifted == null && names(b, target)) {
        lifted = b;
      } else {
        bans.add(b);
      }
    }
    if (lifted == null) {
      throw new RoomException(ErrorCode.BAD_REQUEST, ModerationReplies.notBannedText(target, name));
    }
    return edit(
        with(policy, policy.operators(), policy.topic(), bans, policy.mutes()),
        PolicyChanged.Change.UNBANNED,
        actor,
        target,
        "",
        0,
        sessionId);
  }

  private static boolean names(Ban ban, String target) {
    if (ban.kind() == Ban.Kind.ACCOUNT) {
      NameRules.Verdict verdict = NameRules.check(target);
      return verdict.valid() && sameAccount(verdict.name(), ban.target());
    }
    return ban.target().equalsIgnoreCase(target);
  }

  /**
   * {@code /mute NAME [MINUTES]}: a member of the room.
   *
   * @throws RoomException if the actor is not an operator, or nobody here is called NAME
   */
  public PolicyEdit mute(Actor actor, String room, String target, long minutes, String sessionId) {
    String name = canonical(room);
    requireOperator(actor, name);
    Member member = find(target);
    if (member == null) {
      throw new RoomException(ErrorCode.NO_SUCH_MEMBER, AccountReplies.nobodyCalledText(target));
    }
    long now = time.epochMillis();
    long until = minutes == 0 ? 0 : now + TimeUnit.MINUTES.toMillis(minutes);
    RoomPolicy policy = policies.of(name);
    List<Mute> mutes = new ArrayList<>();
    for (Mute m : policy.mutes()) {
      if (!Mute.key(m.target()).equals(Mute.key(member.name))) {
        mutes.add(m);
      }
    }
    mutes.add(new Mute(member.name, actor.name(), until));
    return edit(
        with(policy, policy.operators(), policy.topic(), policy.bans(), mutes),
        PolicyChanged.Change.MUTED,
        actor,
        member.name,
        "",
        until,
        sessionId);
  }

  /**
   * {@code /unmute NAME}.
   *
   * @throws RoomException if the actor is not an operator, or NAME is not muted in the room
   */
  public PolicyEdit unmute(Actor actor, String room, String target, String sessionId) {
    String name = canonical(room);
    requireOperator(actor, name);
    RoomPolicy policy = policies.of(name);
    List<Mute> mutes = new ArrayList<>();
    Mute lifted = null;
    for (Mute m : policy.mutes()) {
      if (lifted == null && Mute.key(m.target()).equals(Mute.key(target))) {
        lifted = m;
      } else {
        mutes.add(m);
      }
    }
    if (lifted == null) {
      throw new RoomException(ErrorCode.BAD_REQUEST, ModerationReplies.notMutedText(target, name));
    }
    return edit(
        with(policy, policy.operators(), policy.topic(), policy.bans(), mutes),
        PolicyChanged.Change.UNMUTED,
        actor,
        lifted.target(),
        "",
        0,
        sessionId);
  }

  // ---- changing

  /**
   * Makes a change the store has saved: the room's policy changes, the room orders its event, and a
   * ban kicks the members it matches (from the default room, their connections close).
   *
   * @param edit a change proposed by this object, saved
   */
  public void apply(PolicyEdit edit) {
    RoomPolicy after = edit.after();
    policies.put(after);
    order.policyChanged(edit);
    if (edit.change() == PolicyChanged.Change.BANNED) {
      Ban ban = after.bans().get(after.bans().size() - 1);
      String why = why(ban);
      RoomRoster room = directory.find(after.room());
      boolean server = policies.isDefault(after.room());
      for (Member member : List.copyOf(roster.members())) {
        boolean inRoom = room != null && member.rooms.contains(room);
        if ((server || inRoom) && banned(ban, member)) {
          if (server && member.kind.connection()) {
            expelFromServer(member, why);
          } else if (inRoom) {
            kickOut.kick(member, room, why);
          }
        }
      }
    }
  }

  /**
   * A ban of the server made by the default room's group: the members here that it matches are
   * kicked and their connections close.
   *
   * @return how many were
   */
  public int expel(Ban ban) {
    int count = 0;
    for (Member member : List.copyOf(roster.members())) {
      if (member.kind.connection() && banned(ban, member)) {
        expelFromServer(member, why(ban));
        count++;
      }
    }
    return count;
  }

  /** Kicked from the server: it leaves every room it is in, and its connection closes. */
  private void expelFromServer(Member member, String why) {
    kickOut.kick(member, member.kind == MemberKind.IRC ? null : directory.defaultRoom(), why);
  }

  private static boolean banned(Ban ban, Member member) {
    return switch (ban.kind()) {
      case ACCOUNT -> !member.account.isEmpty() && sameAccount(member.account, ban.target());
      case ADDRESS, CIDR -> {
        AddressBlock block = AddressBlock.parse(ban.target());
        yield block != null && block.contains(member.address);
      }
    };
  }

  /**
   * {@code /kick NAME [WHY]}, by an operator of NAME's room: NAME leaves its room with {@code
   * kicked: WHY} (WHY is {@code by OP} when not given).
   *
   * @param room the room to kick NAME out of; {@code null} for NAME's (first) room
   * @return the name kicked, as it was
   * @throws RoomException if no member here is called NAME ({@link ErrorCode#NO_SUCH_MEMBER}), or
   *     the actor is not an operator of its room
   */
  public String kick(Actor actor, String target, String room, String why) {
    Member member = find(target);
    if (member == null) {
      throw new RoomException(ErrorCode.NO_SUCH_MEMBER, AccountReplies.nobodyCalledText(target));
    }
    RoomRoster in = room == null ? member.room() : directory.of(member, room);
    if (in == null) {
      throw new RoomException(ErrorCode.NO_SUCH_MEMBER, AccountReplies.nobodyCalledText(target));
    }
    requireOperator(actor, in.name());
    kickOut.kick(member, in, why.isEmpty() ? ModerationReplies.byOperator(actor.name()) : why);
    return member.name;
  }

  // ---- helpers

  private static boolean sameAccount(String a, String b) {
    return NameKey.of(a).foldedSkeleton().equals(NameKey.of(b).foldedSkeleton());
  }

  private Member find(String name) {
    NameRules.Verdict verdict = NameRules.check(name);
    return verdict.valid() ? roster.collision(NameKey.of(verdict.name()), null) : null;
  }

  private String canonical(String room) {
    RoomRoster open = directory.find(room);
    return open != null ? open.name() : room;
  }

  private void requireOperator(Actor actor, String room) {
    if (!actor.service() && !policies.isOperator(actor.account(), room)) {
      throw new RoomException(ErrorCode.NOT_OPERATOR, ModerationReplies.onlyOperatorsText(room));
    }
  }

  private void requireOwnOperators(String room) {
    if (policies.isDefault(room)) {
      throw new RoomException(
          ErrorCode.BAD_REQUEST, ModerationReplies.defaultRoomOperatorsText(room));
    }
  }

  private static int indexOf(List<String> accounts, String name) {
    NameRules.Verdict verdict = NameRules.check(name);
    if (!verdict.valid()) {
      return -1;
    }
    String key = RoomPolicy.operatorKey(verdict.name());
    for (int i = 0; i < accounts.size(); i++) {
      if (RoomPolicy.operatorKey(accounts.get(i)).equals(key)) {
        return i;
      }
    }
    return -1;
  }

  private static RoomPolicy with(
      RoomPolicy policy, List<String> operators, Topic topic, List<Ban> bans, List<Mute> mutes) {
    return new RoomPolicy(policy.room(), operators, topic, bans, mutes);
  }

  private static PolicyEdit edit(
      RoomPolicy after,
      PolicyChanged.Change change,
      Actor actor,
      String target,
      String text,
      long until,
      String sessionId) {
    return new PolicyEdit(after, change, actor.name(), target, text, until, sessionId);
  }
}
