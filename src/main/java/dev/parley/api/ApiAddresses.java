package dev.parley.api;

import dev.parley.protocol.NameRules;
import dev.parley.protocol.RoomNames;
import dev.parley.values.ErrorCode;

/**
 * The public event-bus addresses of a Parley room. Bodies are {@code JsonObject}s; the fields of
 * each are documented in {@code docs/event-bus.md}. Requests are answered with a JSON reply, or
 * with a failure whose {@code failureCode()} is an {@link ErrorCode} and whose message says what
 * was wrong. Every address is registered cluster-wide by the node that hosts the rooms.
 */
public final class ApiAddresses {
  /**
   * The events of every room, each published in the order of its room's group: arrived, left,
   * message, renamed, and the policy changes topic, op, ban and mute. Each names its room; {@link
   * #events(String)} gives one room's.
   */
  public static final String EVENTS = "parley.api.events";

  /** Request: a service joins a room (the default one unless it names one) as a bus member. */
  public static final String JOIN = "parley.api.join";

  /** Request: a bus member enters one more room under its name. */
  public static final String ENTER = "parley.api.enter";

  /** Request: the rooms that have members, with their member counts. */
  public static final String ROOMS = "parley.api.rooms";

  /** Request: a bus member says a chat line in one of its rooms. */
  public static final String SAY = "parley.api.say";

  /** Request: a bus member sends a private message. */
  public static final String MSG = "parley.api.msg";

  /** Request: a bus member leaves one room, or every room and its name. */
  public static final String LEAVE = "parley.api.leave";

  /** Request: the roster of one room. */
  public static final String WHO = "parley.api.who";

  /**
   * Request: remove a member, with a reason: from the server, or from one room ({@code room}), from
   * which a line session goes to the default room.
   */
  public static final String KICK = "parley.api.kick";

  /**
   * Request: ban an account, a connected guest's address, an address or a CIDR block from a room
   * (from the server for the default room), as a server operator.
   */
  public static final String BAN = "parley.api.ban";

  /** Request: lift a ban of a room. */
  public static final String UNBAN = "parley.api.unban";

  /** Request: the bans of a room still in force. */
  public static final String BANS = "parley.api.bans";

  /** Request: keep a member from speaking in a room, for some minutes or until unmuted. */
  public static final String MUTE = "parley.api.mute";

  /** Request: let a muted member speak again in a room. */
  public static final String UNMUTE = "parley.api.unmute";

  /** Request: read a room's topic, set it, or clear it. */
  public static final String TOPIC = "parley.api.topic";

  /** Request: make an account an operator of a room. */
  public static final String OP = "parley.api.op";

  /** Request: make an account no longer an operator of a room. */
  public static final String DEOP = "parley.api.deop";

  /**
   * Request: register an account from a password hash ({@code dev.parley.accounts.PasswordHash});
   * the password itself never travels.
   */
  public static final String ACCOUNT_REGISTER = "parley.api.account.register";

  /** Request: set an account's password hash. */
  public static final String ACCOUNT_PASSWORD = "parley.api.account.password";

  /** Request: delete an account. */
  public static final String ACCOUNT_DELETE = "parley.api.account.delete";

  /**
   * Request: a room's history (fields {@code room}, {@code limit}, {@code before}), answered with
   * its lines (seq, time in epoch milliseconds, name, text), oldest first.
   */
  public static final String HISTORY = "parley.api.history";

  private static final String MEMBER_PREFIX = "parley.api.member.";

  private static final String ROOM_EVENTS_PREFIX = "parley.api.events.";

  private ApiAddresses() {}

  /**
   * Where the room sends what is meant for one bus member alone: private messages and the notice
   * that it was kicked.
   *
   * @param memberId the bus member's id
   * @return {@code parley.api.member.<id>}
   */
  public static String member(String memberId) {
    return MEMBER_PREFIX + memberId;
  }

  /**
   * Where one room's events are published, in the same order as on {@link #EVENTS}: a consumer of
   * one room does not receive the traffic of the others. Names that collide as room names ({@code
   * #Ops}, {@code #ｏｐｓ}, {@code #оps} with a Cyrillic {@code о}) give the same address: it ends
   * with the confusable skeleton of the name's case fold.
   *
   * @param room a room name, with or without its {@code #}
   * @return {@code parley.api.events.<skeleton>}
   * @throws IllegalArgumentException if the room name is not valid (the message says why)
   */
  public static String events(String room) {
    NameRules.Verdict verdict = RoomNames.check(room.strip());
    if (!verdict.valid()) {
      throw new IllegalArgumentException(verdict.error());
    }
    return ROOM_EVENTS_PREFIX + RoomNames.key(verdict.name()).foldedSkeleton();
  }
}
