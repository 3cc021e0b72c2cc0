package dev.parley.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The lines of PROTOCOL.md section 13 (operators and moderation), in one place, as {@link Replies}
 * holds those of sections 1 to 11. Lines are returned without their line end; texts that a refusal
 * carries as its message (without {@code "! "}) end in {@code Text}. Pure and thread-safe.
 */
public final class ModerationReplies {
  /** A topic's greatest length, in bytes of UTF-8. */
  public static final int TOPIC_MAX_BYTES = 300;

  /** The argument of {@code /topic} that clears the topic. */
  public static final String CLEAR_TOPIC = "-";

  private static final DateTimeFormatter UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private ModerationReplies() {}

  /**
   * The member opened a room whose list of operators was empty.
   *
   * @return {@code * you are an operator of #ROOM}
   */
  public static String youAreOperator(String room) {
    return "* you are an operator of " + room;
  }

  /**
   * {@code /op NAME}, to the room.
   *
   * @return {@code * NAME is now an operator of #ROOM}
   */
  public static String opped(String name, String room) {
    return "* " + name + " is now an operator of " + room;
  }

  /**
   * {@code /deop NAME}, to the room.
   *
   * @return {@code * NAME is no longer an operator of #ROOM}
   */
  public static String deopped(String name, String room) {
    return "* " + name + " is no longer an operator of " + room;
  }

  /**
   * {@code /topic} without text, in a room with a topic.
   *
   * @return {@code * topic of #ROOM: TEXT}
   */
  public static String topicOf(String room, String text) {
    return "* topic of " + room + ": " + text;
  }

  /**
   * {@code /topic} without text, in a room without one.
   *
   * @return {@code * #ROOM has no topic}
   */
  public static String noTopic(String room) {
    return "* " + room + " has no topic";
  }

  /**
   * An operator set the topic, to the room.
   *
   * @return {@code * NAME set the topic: TEXT}
   */
  public static String topicSet(String by, String text) {
    return "* " + by + " set the topic: " + text;
  }

  /**
   * An operator cleared the topic ({@code /topic -}), to the room.
   *
   * @return {@code * NAME cleared the topic}
   */
  public static String topicCleared(String by) {
    return "* " + by + " cleared the topic";
  }

  /**
   * On entering a room that has a topic, just before the roster line.
   *
   * @return {@code * topic: TEXT}
   */
  public static String topic(String text) {
    return "* topic: " + text;
  }

  /**
   * A topic over the limit.
   *
   * @return {@code a topic has at most 300 bytes}
   */
  public static String topicTooLongText() {
    return "a topic has at most " + TOPIC_MAX_BYTES + " bytes";
  }

  /**
   * The reason of a kick or a ban given without one.
   *
   * @return {@code by OP}
   */
  public static String byOperator(String op) {
    return "by " + op;
  }

  /**
   * A {@code /join} to a room that bans the member.
   *
   * @return {@code you are banned from #ROOM: WHY}
   */
  public static String bannedFromText(String room, String why) {
    return "you are banned from " + room + ": " + why;
  }

  /**
   * A banned address connects, or a banned account logs in, to the server (a ban of the default
   * room); the connection closes.
   *
   * @return {@code ! you are banned from this server: WHY}
   */
  public static String bannedFromServer(String why) {
    return Replies.error(bannedFromServerText(why));
  }

  /**
   * See {@link #bannedFromServer}.
   *
   * @return {@code you are banned from this server: WHY}
   */
  public static String bannedFromServerText(String why) {
    return "you are banned from this server: " + why;
  }

  /**
   * {@code /ban}, to the operator who banned.
   *
   * @return {@code * TARGET is banned from #ROOM}
   */
  public static String banned(String target, String room) {
    return "* " + target + " is banned from " + room;
  }

  /**
   * {@code /unban TARGET}.
   *
   * @return {@code * TARGET is no longer banned from #ROOM}
   */
  public static String unbanned(String target, String room) {
    return "* " + target + " is no longer banned from " + room;
  }

  /**
   * {@code /unban} of a target that no ban of the room names.
   *
   * @return {@code TARGET is not banned from #ROOM}
   */
  public static String notBannedText(String target, String room) {
    return target + " is not banned from " + room;
  }

  /**
   * One ban as {@code /bans} lists it.
   *
   * @param untilMillis when it ends, milliseconds since the Unix epoch; 0 for no end
   * @param why the reason given, empty for none
   * @return {@code TARGET (by OP until YYYY-MM-DD HH:MM UTC: WHY)}, {@code until …} left out for a
   *     ban without end and {@code : WHY} for one without reason
   */
  public static String ban(String target, String by, long untilMillis, String why) {
    return target
        + " (by "
        + by
        + (untilMillis == 0
            ? ""
            : " until " + UNTIL.format(Instant.ofEpochMilli(untilMillis)) + " UTC")
        + (why.isEmpty() ? "" : ": " + why)
        + ")";
  }

  /**
   * {@code /bans}.
   *
   * @param bans the bans, each as {@link #ban} gives it
   * @return {@code * bans of #ROOM (K): …}
   */
  public static String bans(String room, List<String> bans) {
    return "* bans of "
        + room
        + " ("
        + bans.size()
        + "):"
        + (bans.isEmpty() ? "" : " ")
        + String.join(", ", bans);
  }

  /**
   * {@code /mute NAME}, to the room.
   *
   * @return {@code * NAME was muted by OP}
   */
  public static String muted(String name, String by) {
    return "* " + name + " was muted by " + by;
  }

  /**
   * {@code /unmute NAME}, to the room.
   *
   * @return {@code * NAME may speak again}
   */
  public static String unmuted(String name) {
    return "* " + name + " may speak again";
  }

  /**
   * A muted member's chat line, which reaches nobody.
   *
   * @return {@code ! you are muted in #ROOM}
   */
  public static String youAreMuted(String room) {
    return Replies.error(youAreMutedText(room));
  }

  /**
   * See {@link #youAreMuted}.
   *
   * @return {@code you are muted in #ROOM}
   */
  public static String youAreMutedText(String room) {
    return "you are muted in " + room;
  }

  /**
   * {@code /unmute} of a member who is not muted.
   *
   * @return {@code NAME is not muted in #ROOM}
   */
  public static String notMutedText(String name, String room) {
    return name + " is not muted in " + room;
  }

  /**
   * An operator's command from someone who is not an operator of the room.
   *
   * @return {@code only operators of #ROOM may do that}
   */
  public static String onlyOperatorsText(String room) {
    return "only operators of " + room + " may do that";
  }

  /**
   * {@code /op} of a name that is not an account: a guest is never an operator.
   *
   * @return {@code NAME is not registered}
   */
  public static String notRegisteredText(String name) {
    return name + " is not registered";
  }

  /**
   * {@code /deop} of an account that is not an operator of the room.
   *
   * @return {@code NAME is not an operator of #ROOM}
   */
  public static String notOperatorText(String name, String room) {
    return name + " is not an operator of " + room;
  }

  /**
   * {@code /op} or {@code /deop} in the default room, whose operators are the server operators.
   *
   * @return {@code the operators of #ROOM are the server's operators}
   */
  public static String defaultRoomOperatorsText(String room) {
    return "the operators of " + room + " are the server's operators";
  }
}
