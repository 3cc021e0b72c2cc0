package dev.parley.room;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.ModerationReplies;
import dev.parley.protocol.Replies;
import dev.parley.time.TimeSource;
import dev.parley.values.ErrorCode;
import dev.parley.values.MemberKind;
import dev.parley.values.RosterEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The rooms of one room group and their rules (PROTOCOL.md sections 3 to 6 and 9): the members (a
 * line session in one room, a bus member in any number of rooms), with names unique across all
 * rooms; each room's roster in order of arrival; one order of events for the group's rooms ({@link
 * EventOrder}); moves between rooms, the room limit and the large-room rule; renames,
 * private-message routing, guest names, kicks and idle eviction; each room's history (section 10),
 * replayed on entering and on request. Refusals are thrown as {@link RoomException}s. Free of
 * Vert.x: confined to the verticle that holds it; not thread-safe.
 */
public final class Rooms {
  /** What the room's decisions cause outside it. */
  public interface Output {
    /** An event in the room's order, to publish. */
    void publish(RoomEvent event);

    /** A private message for one member. */
    void privateLine(Member to, String from, String text);

    /** A member was removed by the room; it receives {@code notice}, or the kick's reason. */
    void evicted(Member member, String notice, String reason, String kickReason);

    /**
     * A line session was kicked out of a room other than the default one (PROTOCOL.md section 13):
     * it receives {@code notice} and enters the default room again under its name, which it keeps.
     *
     * @param leftSeq the sequence number of its departure ({@code kicked: WHY})
     */
    default void kickedOut(Member member, String notice, long leftSeq) {}

    /**
     * A member's chat line reached nobody ({@code ! } line {@code text}); the member is told, and
     * takes it as ordered.
     *
     * @param lineId the line's id
     */
    default void refused(Member member, long lineId, String text) {}

    /**
     * A member left every room of this order and no longer holds its name here, for any reason but
     * a move to a room of another order. Nothing by default.
     */
    default void removed(Member member) {}
  }

  private final ParleyConfig config;
  private final TimeSource time;
  private final Output output;

  /** How many names a roster on entering a large room lists. */
  public static final int LARGE_ROSTER_NAMES = 100;

  /** How many rooms {@code /rooms} lists. */
  public static final int LISTED_ROOMS = 50;

  private final Roster roster = new Roster();
  private final EventOrder order;
  private final RoomDirectory directory;
  private final RoomRoster defaultRoom;
  private final RoomViews views;
  private final IntSupplier roomsElsewhere;
  private final Policies policies;
  private final Moderation moderation;

  /**
   * Creates the room from a snapshot: a fresh room for {@link RoomSnapshot#EMPTY}, otherwise the
   * continuation of the room the snapshot was taken of (same run, sequence numbers continue).
   */
  public Rooms(ParleyConfig config, TimeSource time, Output output, RoomSnapshot from) {
    this(config, time, output, from, () -> 0);
  }

  /**
   * Creates the rooms of one group of a cluster's rooms (see {@link #Rooms(ParleyConfig,
   * TimeSource, Output, RoomSnapshot)}).
   *
   * @param roomsElsewhere how many rooms with members the other groups have now, for {@code
   *     rooms.maxRooms}; called on the rooms' context
   */
  public Rooms(
      ParleyConfig config,
      TimeSource time,
      Output output,
      RoomSnapshot from,
      IntSupplier roomsElsewhere) {
    this.roomsElsewhere = roomsElsewhere;
    this.config = config;
    this.time = time;
    this.output = output;
    this.order =
        new EventOrder(
            time, output, from, config.history().maxLines(), config.history().maxAge().toMillis());
    this.directory = new RoomDirectory(config.rooms().defaultRoom());
    this.defaultRoom = directory.defaultRoom();
    this.policies =
        new Policies(config.accounts().operators(), config.rooms().defaultRoom(), from.policies());
    this.views = new RoomViews(config, time, order, directory, policies);
    this.moderation =
        new Moderation(time, output, roster, directory, order, policies, this::kickOut);
    long now = time.nanoTime();
    for (RoomSnapshot.Entry e : from.members()) {
      Member member = roster.bySession(e.sessionId());
      if (member == null) {
        member = new Member(e.sessionId(), e.nodeId(), e.kind(), e.name(), e.arrivedAt(), now);
        member.lastLineId = e.lastLineId();
        member.account = e.account();
        member.address = e.address();
        roster.add(member);
      }
      // A bus member's rows, one per room, each hold the number of its last line in that room.
      member.lastLineId = Math.max(member.lastLineId, e.lastLineId());
      directory.enter(member, directory.findOrOpen(e.room()));
    }
  }

  /** The rooms' operators, topics, bans and mutes, and the commands that change them. */
  public Moderation moderation() {
    return moderation;
  }

  /**
   * The state of the rooms now: every member, room by room, each room's members in order of arrival
   * (a bus member once for each of its rooms); every room's history.
   */
  public RoomSnapshot snapshot() {
    List<RoomSnapshot.Entry> entries = new ArrayList<>();
    for (RoomRoster room : directory.rooms()) {
      for (Member m : room.members()) {
        entries.add(
            new RoomSnapshot.Entry(
                m.sessionId,
                m.nodeId,
                m.kind,
                m.name,
                m.arrivedAt,
                m.lastLineId,
                room.name(),
                m.account,
                m.address));
      }
    }
    return new RoomSnapshot(order.run(), order.seq(), entries, order.lines(), policies.all());
  }

  /** How many rooms have members. */
  public int occupied() {
    return directory.occupied();
  }

  /** The sequence number of the last event. */
  public long seq() {
    return order.seq();
  }

  /**
   * Removes, as {@code connection lost}, the members that live on a node not in {@code liveNodes};
   * members whose node is unknown (empty) stay.
   */
  public void removeMembersOfNodesNotIn(Set<String> liveNodes) {
    for (Member m : Evictions.ofNodesNotIn(roster.members(), liveNodes)) {
      remove(m, Replies.REASON_CONNECTION_LOST);
    }
  }

  /**
   * Removes the TCP members of {@code nodeId} whose sessions are not in {@code liveSessions}: they
   * left while the room was moving and their departure was lost with it.
   */
  public void removeSessionsOfNodeNotIn(String nodeId, Set<String> liveSessions) {
    for (Member m : Evictions.sessionsOfNodeNotIn(roster.members(), nodeId, liveSessions)) {
      remove(m, "");
    }
  }

  /** The id of this room's order of events. */
  public String run() {
    return order.run();
  }

  /**
   * Admits a member into the default room.
   *
   * @param lastLineId the id of the session's last line before this room: its next line is {@code
   *     lastLineId + 1}
   * @throws RoomException if the session is a member already, or the name is invalid or taken
   */
  public Entered join(
      String sessionId, String nodeId, String requested, MemberKind kind, long lastLineId) {
    return join(sessionId, nodeId, requested, kind, lastLineId, null);
  }

  /**
   * Admits a member into a room: a line session into the default room, a bus member into any.
   *
   * @param room the room as typed, with or without its {@code #}; {@code null} for the default room
   * @throws RoomException if the session is a member already, the name is invalid or taken, the
   *     room name is bad, or {@code rooms.maxRooms} rooms have members and this one has none
   */
  public Entered join(
      String sessionId,
      String nodeId,
      String requested,
      MemberKind kind,
      long lastLineId,
      String room) {
    return join(sessionId, nodeId, requested, kind, lastLineId, room, false);
  }

  /**
   * Admits a member into a room (see {@link #join(String, String, String, MemberKind, long,
   * String)}).
   *
   * @param freesOne whether the member comes from a room of another group that its move empties:
   *     that room no longer counts for {@code rooms.maxRooms}
   */
  public Entered join(
      String sessionId,
      String nodeId,
      String requested,
      MemberKind kind,
      long lastLineId,
      String room,
      boolean freesOne) {
    return join(sessionId, nodeId, requested, kind, lastLineId, room, freesOne, "", "");
  }

  /**
   * Admits a member into a room (see {@link #join(String, String, String, MemberKind, long,
   * String)}), logged in to an account or not, from an address that bans may name.
   *
   * @param account the account the member logged in to (its name is then {@code requested}), or
   *     empty for a guest
   * @param address the client's address, empty when unknown
   * @throws RoomException also if a ban of the room keeps the member out ({@link ErrorCode#BANNED},
   *     or {@link ErrorCode#BANNED_FROM_SERVER} for the default room's)
   */
  public Entered join(
      String sessionId,
      String nodeId,
      String requested,
      MemberKind kind,
      long lastLineId,
      String room,
      boolean freesOne,
      String account,
      String address) {
    if (roster.bySession(sessionId) != null) {
      throw new RoomException(ErrorCode.BAD_REQUEST, "already a member");
    }
    String name =
        requested.isEmpty() ? roster.freeGuestName() : roster.acceptableName(requested, null);
    RoomRoster target =
        room == null ? defaultRoom : directory.toEnter(room, null, freesOne, maxRooms());
    moderation.checkNotBanned(target.name(), account, address);
    Member member = new Member(sessionId, nodeId, kind, name, time.epochMillis(), time.nanoTime());
    member.lastLineId = lastLineId;
    member.account = account;
    member.address = address;
    roster.add(member);
    return views.entered(member, arrive(member, target), target);
  }

  /**
   * Puts a bus member or an IRC client in one more room under its name, opening the room when it
   * has no members.
   *
   * @param room the room as typed, with or without its {@code #}
   * @throws RoomException if the member is a line session, is in that room already, the room name
   *     is bad, a ban of the room keeps it out, or {@code rooms.maxRooms} rooms have members and
   *     this one has none
   */
  public Entered enter(String memberId, String room) {
    Member member = member(memberId);
    if (!member.kind.multiRoom()) {
      throw new RoomException(ErrorCode.BAD_REQUEST, "a line session changes rooms with /join");
    }
    RoomRoster target = directory.toEnter(room, member, false, maxRooms());
    moderation.checkNotBanned(target.name(), member.account, member.address);
    return views.entered(member, arrive(member, target), target);
  }

  private int maxRooms() {
    return config.rooms().maxRooms() - roomsElsewhere.getAsInt();
  }

  /**
   * The name a new member would get here: the requested one if it is valid and free in these rooms,
   * or the next free guest name for {@code ""}. Changes nothing but the guest count.
   *
   * @throws RoomException if the name is invalid or taken
   */
  public String admissibleName(String requested) {
    return requested.isEmpty() ? roster.freeGuestName() : roster.acceptableName(requested, null);
  }

  /**
   * The name a member would get by {@code /nick}, if valid and free in these rooms.
   *
   * @throws RoomException if the session is not a member, or the name is invalid, its own or taken
   */
  public String admissibleRename(String sessionId, String requested) {
    return roster.acceptableName(requested, member(sessionId));
  }

  /**
   * A member, marked active.
   *
   * @throws RoomException if the session is not a member
   */
  public Member memberOf(String sessionId) {
    return member(sessionId);
  }

  /**
   * Whether a session or bus member is a member of these rooms; does not mark it active.
   *
   * @param memberId the member's id
   * @return true when it is in one of these rooms
   */
  public boolean isMember(String memberId) {
    return roster.bySession(memberId) != null;
  }

  /**
   * A room's name as the server spells it.
   *
   * @param room the room as typed, {@code null} for the default room
   * @return the name, or {@code null} when the room has no members here
   * @throws RoomException if the name is bad
   */
  public String nameOf(String room) {
    RoomRoster found = room == null ? defaultRoom : directory.named(room);
    return found == null ? null : found.name();
  }

  /**
   * The names of the members of a room who are its operators (section 13), in roster order.
   *
   * @param room the room as typed, {@code null} for the default room
   * @return the operators' names; none when the room has no members here
   * @throws RoomException if the name is bad
   */
  public List<String> operatorsIn(String room) {
    RoomRoster found = room == null ? defaultRoom : directory.named(room);
    return found == null ? List.of() : moderation.operatorsIn(found.name());
  }

  /**
   * The names of the rooms a member is in here, in order of entering; none for an unknown member.
   */
  public List<String> roomsOf(String memberId) {
    Member member = roster.bySession(memberId);
    if (member == null) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (RoomRoster room : member.rooms) {
      names.add(room.name());
    }
    return names;
  }

  /**
   * A line session moves to a room of another order: it leaves its room here ({@code joined #ROOM})
   * and these rooms forget it, but its name stays taken (by its new order).
   *
   * @param target the room it moved to, as that room is spelled
   * @return the sequence number of its departure
   * @throws RoomException if the session is not a member
   */
  public long departForMove(String sessionId, String target) {
    Member member = member(sessionId);
    Left left = depart(member, member.room(), Replies.joinedReason(target));
    roster.remove(member);
    return left.seq();
  }

  /**
   * Moves a member to another room, opening it when it has no members: its old room sees it leave
   * ({@code joined #ROOM}), its new room sees it arrive.
   *
   * @param requested the room as typed, with or without its {@code #}
   * @throws RoomException if the name is bad, the member is in that room already, or {@code
   *     rooms.maxRooms} rooms have members and this one has none
   */
  public Moved move(String sessionId, String requested) {
    Member member = member(sessionId);
    RoomRoster from = member.room();
    if (member.kind != MemberKind.TCP || from == null) {
      throw new RoomException(ErrorCode.BAD_REQUEST, "a bus member enters and leaves rooms");
    }
    RoomRoster target = directory.toEnter(requested, member, from.size() == 1, maxRooms());
    moderation.checkNotBanned(target.name(), member.account, member.address);
    Left left = depart(member, from, Replies.joinedReason(target.name()));
    Arrived arrived = arrive(member, target);
    return views.moved(left, arrived, target);
  }

  /**
   * The rooms that have members, largest first, equal counts by case-folded name, code point by
   * code point; at most {@value #LISTED_ROOMS}.
   */
  public RoomList rooms(String askingSession) {
    touch(askingSession);
    return views.listing();
  }

  /**
   * The last lines of the asking member's room.
   *
   * @param limit at most this many, from 1 to {@code history.maxLines}
   * @throws RoomException if the session is not a member
   */
  public RecentLines history(String sessionId, int limit) {
    Member member = member(sessionId);
    return new RecentLines(order.last(member.room().name(), limit));
  }

  /**
   * The last lines of any room, open or closed, or of every room, for services.
   *
   * @param room a valid room name, or {@code null} for the lines of every room in one list
   * @param limit at most this many
   * @param beforeSeq 0 for the last lines; otherwise only the lines of the current order ({@link
   *     #run()}) with a smaller sequence number
   * @return the lines, oldest first (by sequence number within an order)
   */
  public List<HistoryLine> history(String room, int limit, long beforeSeq) {
    return order.last(room, limit, beforeSeq);
  }

  /** Forgets the history lines past {@code history.maxAgeSeconds}. */
  public void expireHistory() {
    order.expire();
  }

  private Arrived arrive(Member member, RoomRoster room) {
    directory.enter(member, room);
    return order.arrived(member, room, room.size() <= config.rooms().quietAbove());
  }

  private Left depart(Member member, RoomRoster room, String reason) {
    return depart(member, room, reason, false);
  }

  private Left depart(Member member, RoomRoster room, String reason, boolean parted) {
    boolean announced = room.size() <= config.rooms().quietAbove();
    directory.exit(member, room);
    return order.left(member, room, reason, announced, parted);
  }

  private Member member(String sessionId) {
    Member member = roster.bySession(sessionId);
    if (member == null) {
      throw new RoomException(ErrorCode.NOT_A_MEMBER, "not a member of the room");
    }
    member.lastActiveNanos = time.nanoTime();
    return member;
  }

  /** Marks a member active; unknown sessions are ignored. */
  public void touch(String sessionId) {
    Member member = roster.bySession(sessionId);
    if (member != null) {
      member.lastActiveNanos = time.nanoTime();
    }
  }

  /**
   * Orders a chat line. A session numbers its lines 1, 2, 3...; a line that is not the next one of
   * its session (a resend of a line already ordered, or a line whose predecessor was lost) is
   * ignored, so that resending every unacknowledged line delivers each exactly once and in order.
   * Line id 0 (bus members) is never deduplicated.
   *
   * @return the event, or {@code null} when the line was ignored
   */
  public Chat say(String sessionId, long lineId, String text) {
    Member member = member(sessionId);
    if (lineId > 0) {
      if (lineId != member.lastLineId + 1) {
        return null;
      }
      member.lastLineId = lineId;
    }
    RoomRoster room = member.room();
    if (policies.muteOf(room.name(), member.name, time.epochMillis()) != null) {
      output.refused(member, lineId, ModerationReplies.youAreMuted(room.name()));
      return null;
    }
    return order.chat(member, room, lineId, text, false);
  }

  /**
   * Orders a bus member's chat line in one of its rooms, unnumbered: {@link #say(String, String,
   * String, long, boolean)} with line id 0, not a NOTICE.
   */
  public Chat say(String memberId, String room, String text) {
    return say(memberId, room, text, 0, false);
  }

  /**
   * Orders a bus member's chat line in one of its rooms.
   *
   * @param room the room as typed; {@code null} for the member's only room
   * @param lineId 0, or the line's number: numbers grow with each line of the member's, and a line
   *     whose number is not above the last one ordered is a resend and is ignored, so that a line
   *     sent again after a request that got no answer is ordered once (a moving room keeps the last
   *     number with its members)
   * @param notice whether an IRC client sent it as a NOTICE ({@link Chat#notice})
   * @return the event, or {@code null} for a resend ignored
   * @throws RoomException if the member is not in that room, or {@code room} is null and the member
   *     is in no room or in several
   */
  public Chat say(String memberId, String room, String text, long lineId, boolean notice) {
    Member member = member(memberId);
    RoomRoster in = directory.of(member, room);
    if (lineId > 0) {
      if (lineId <= member.lastLineId) {
        return null;
      }
      member.lastLineId = lineId;
    }
    if (policies.muteOf(in.name(), member.name, time.epochMillis()) != null) {
      throw new RoomException(ErrorCode.MUTED, ModerationReplies.youAreMutedText(in.name()));
    }
    return order.chat(member, in, lineId, text, notice);
  }

  /**
   * Renames a member: each of its rooms orders a {@link Renamed} event.
   *
   * @return the new name, in NFC
   * @throws RoomException if the session is not a member, or the name is invalid, its own or taken
   */
  public String rename(String sessionId, String requested) {
    Member member = member(sessionId);
    String name = roster.acceptableName(requested, member);
    String oldName = member.name;
    roster.rename(member, name);
    for (RoomRoster room : member.rooms) {
      order.renamed(member, room, oldName);
    }
    return name;
  }

  /**
   * Everyone in the asking member's room, in order of arrival; the default room's members for a
   * service that is not a member.
   */
  public List<RosterEntry> roster(String askingSession) {
    touch(askingSession);
    Member asking = roster.bySession(askingSession);
    return views.entries(asking != null && asking.room() != null ? asking.room() : defaultRoom);
  }

  /**
   * Everyone in a room, in order of arrival, for services.
   *
   * @param room the room as typed; {@code null} for the default room
   * @return the members, none for a room that has none
   * @throws RoomException if the room name is bad
   */
  public List<RosterEntry> rosterOf(String room) {
    RoomRoster found = room == null ? defaultRoom : directory.named(room);
    return found == null ? List.of() : views.entries(found);
  }

  public PrivateSent privateMessage(String sessionId, String target, String text) {
    Member sender = member(sessionId);
    Member recipient = roster.find(target);
    output.privateLine(recipient, sender.name, text);
    return new PrivateSent(sender.name, recipient.name);
  }

  /**
   * Takes a bus member or an IRC client out of one room; it keeps its name, even in no room (an IRC
   * client in no room of these rooms is no longer theirs: its name is held in the registry).
   *
   * @param room the room as typed
   * @return the sequence number of its departure
   * @throws RoomException if the member is not in that room
   */
  public long leaveRoom(String memberId, String room, String reason) {
    Member member = member(memberId);
    Left left = depart(member, directory.of(member, room), reason, true);
    forgetIfRoomless(member);
    return left.seq();
  }

  /** An IRC client that is in none of these rooms any more is no longer a member here. */
  private void forgetIfRoomless(Member member) {
    if (member.kind == MemberKind.IRC && member.rooms.isEmpty()) {
      roster.remove(member);
    }
  }

  /**
   * A member of these rooms whose account logged in from another session: it is told so, leaves
   * every room with {@code logged in elsewhere}, and its connection closes (PROTOCOL.md section
   * 12). Its name is the other session's already.
   *
   * @return false if the session is not a member here
   */
  public boolean takeOver(String sessionId) {
    Member member = roster.bySession(sessionId);
    if (member == null) {
      return false;
    }
    output.evicted(
        member,
        AccountReplies.loggedInElsewhere(),
        AccountReplies.REASON_LOGGED_IN_ELSEWHERE,
        AccountReplies.REASON_LOGGED_IN_ELSEWHERE);
    roster.remove(member);
    for (RoomRoster room : List.copyOf(member.rooms)) {
      depart(member, room, AccountReplies.REASON_LOGGED_IN_ELSEWHERE);
    }
    return true;
  }

  /**
   * A member registered its name (PROTOCOL.md section 12): it is logged in to that account now.
   *
   * @throws RoomException if the session is not a member
   */
  public void markRegistered(String sessionId) {
    Member member = member(sessionId);
    member.account = member.name;
  }

  /** Removes a member from every room and frees its name; false if the session was not a member. */
  public boolean leave(String sessionId, String reason) {
    Member member = roster.bySession(sessionId);
    if (member == null) {
      return false;
    }
    remove(member, reason);
    return true;
  }

  public String kick(String name, String why) {
    Member member = roster.find(name);
    output.evicted(member, Replies.youWereKicked(why), Replies.kickedReason(why), why);
    remove(member, Replies.kickedReason(why));
    return member.name;
  }

  /** Evicts the TCP members silent for longer than the idle timeout. */
  public void sweepIdle() {
    List<Member> idle =
        Evictions.idle(roster.members(), time.nanoTime(), config.idle().timeout().toNanos());
    String notice = Replies.idleDisconnect(config.idle().timeout().toString());
    for (Member m : idle) {
      output.evicted(m, notice, Replies.REASON_IDLE, null);
      remove(m, Replies.REASON_IDLE);
    }
  }

  /**
   * Kicks a member out of one room (PROTOCOL.md section 13): a line session leaves its room with
   * {@code kicked: WHY} and is told to enter the default room, keeping its name; a bus member or an
   * IRC client leaves that room only; from the default room, a line session is removed and its
   * connection closes; with no room (a ban of the server), the member is removed from every room
   * and its connection closes.
   */
  private void kickOut(Member member, RoomRoster room, String why) {
    String reason = Replies.kickedReason(why);
    if (room == null) {
      // Banned from the server: an IRC client leaves every room here and its connection closes.
      output.evicted(member, Replies.youWereKicked(why), reason, why);
      remove(member, reason);
    } else if (member.kind.multiRoom()) {
      depart(member, room, reason);
      forgetIfRoomless(member);
    } else if (room == defaultRoom) {
      output.evicted(member, Replies.youWereKicked(why), reason, why);
      remove(member, reason);
    } else {
      Left left = depart(member, room, reason);
      roster.remove(member);
      output.kickedOut(member, Replies.youWereKicked(why), left.seq());
    }
  }

  private void remove(Member member, String reason) {
    roster.remove(member);
    for (RoomRoster room : List.copyOf(member.rooms)) {
      depart(member, room, reason);
    }
    output.removed(member);
  }
}
