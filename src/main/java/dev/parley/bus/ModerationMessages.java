package dev.parley.bus;

import dev.parley.room.Ban;
import java.util.List;

/**
 * The requests and answers of accounts and moderation between a session and the hosts of the room
 * groups (PROTOCOL.md sections 12 and 13), and what a host tells one session of them.
 */
public final class ModerationMessages {
  private ModerationMessages() {}

  /** What a member asks of the moderation of its rooms. */
  public enum Action {
    /** {@code /topic} without text: the topic of the member's room. */
    TOPIC,
    /** {@code /topic TEXT}, {@code /topic -}. */
    SET_TOPIC,
    /** {@code /op NAME}. */
    OP,
    /** {@code /deop NAME}. */
    DEOP,
    /** {@code /ban TARGET [MINUTES] [WHY]}. */
    BAN,
    /** {@code /unban TARGET}. */
    UNBAN,
    /** {@code /bans}. */
    BANS,
    /** {@code /mute NAME [MINUTES]}. */
    MUTE,
    /** {@code /unmute NAME}. */
    UNMUTE,
    /** {@code /kick NAME [WHY]}, asked of every group: the one that has NAME kicks it. */
    KICK,
    /** {@code /whois NAME}, asked of every group. */
    WHOIS,
    /** The member registered its name: it is logged in to the account from now on. */
    REGISTERED
  }

  /**
   * A member's request. Reply: {@link Answer}, {@link BanList} or {@link WhoisAnswer}, or a failure
   * whose code is a {@link dev.parley.values.ErrorCode} and whose message is the text of
   * PROTOCOL.md.
   *
   * @param action what is asked
   * @param sessionId the member's session
   * @param actor the member's name
   * @param account the account it is logged in to, empty for a guest
   * @param target the account, member or ban target the request is about, or empty
   * @param account2 the stored account {@code target} names, as the session found it in the store,
   *     or empty when none (for {@code /op} and {@code /ban})
   * @param text the topic, or the reason of a kick or ban, or empty
   * @param minutes how long a ban or mute lasts, 0 for until lifted
   * @param room the room it is about, or empty for the member's own room (a line session's only
   *     one); an IRC client names the channel
   */
  public record Act(
      Action action,
      String sessionId,
      String actor,
      String account,
      String target,
      String account2,
      String text,
      long minutes,
      String room) {}

  /**
   * A request done: the room it was about, and what the member is told of it.
   *
   * @param room the room
   * @param target what it was about (the name kicked, the target banned), or empty
   * @param text the topic asked for ({@code null} when the room has none), or empty
   */
  public record Answer(String room, String target, String text) {}

  /**
   * The bans of a room in force, for {@code /bans}.
   *
   * @param room the room
   * @param bans its bans, in the order they were made
   */
  public record BanList(String room, List<Ban> bans) {
    /** Copies the list. */
    public BanList {
      bans = List.copyOf(bans);
    }
  }

  /**
   * What the group that has the member says of it for {@code /whois} (the others fail with {@code
   * NO_SUCH_MEMBER}).
   *
   * @param name the member's name
   * @param room its room
   * @param registered whether it is logged in to an account
   * @param operatorOf {@code room} when it is an operator of it, else {@code null}
   * @param rooms every room of this group it is in, in order of entering (an IRC client's channels)
   * @param operatorRooms those of {@code rooms} it is an operator of
   */
  public record WhoisAnswer(
      String name,
      String room,
      boolean registered,
      String operatorOf,
      List<String> rooms,
      List<String> operatorRooms) {
    /** Copies the lists. */
    public WhoisAnswer {
      rooms = List.copyOf(rooms);
      operatorRooms = List.copyOf(operatorRooms);
    }
  }

  /**
   * A ban of the server (of the default room), made by the default room's group and sent to every
   * group: each kicks the members it matches, and their connections close.
   *
   * @param ban the ban
   */
  public record ServerBanned(Ban ban) {}

  /**
   * To one line session: the room refused its chat line {@code lineId} (a mute), which reached
   * nobody; the session is told {@code text} and takes the line as ordered.
   *
   * @param sessionId the session
   * @param lineId the line
   * @param text the {@code ! } line
   */
  public record LineRefused(String sessionId, long lineId, String text) {}

  /**
   * To one line session: it was kicked out of a room other than the default one; it is told {@code
   * notice} and enters the default room under its name (PROTOCOL.md section 13).
   *
   * @param sessionId the session
   * @param notice {@code * you were kicked: WHY}
   * @param leftSeq the sequence number of its departure
   */
  public record KickedOut(String sessionId, String notice, long leftSeq) {}

  /**
   * To one line session: another session logged in to the account whose name it holds; it is told
   * so, leaves its room with {@code logged in elsewhere} and closes (PROTOCOL.md section 12).
   *
   * @param sessionId the session
   */
  public record TakenOver(String sessionId) {}
}
