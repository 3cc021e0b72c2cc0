package dev.parley.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Every line of text that Parley sends to a client, in one place. Lines are returned without their
 * line end; {@link EncodedLine} adds the CRLF. The texts are those of the contract, PROTOCOL.md,
 * and of {@code docs/protocol.md}, which describes the protocol to users: change them only on
 * purpose. All methods are pure and thread-safe.
 */
public final class Replies {
  /** The departure reason of a member whose node died. */
  public static final String REASON_CONNECTION_LOST = "connection lost";

  /** The departure reason of a member that was silent for the idle timeout. */
  public static final String REASON_IDLE = "idle";

  /** The departure reason of a member whose outbound queue stayed full. */
  public static final String REASON_TOO_SLOW = "too slow";

  /** The departure reason of a member whose server shut down. */
  public static final String REASON_SHUTDOWN = "server shutdown";

  /** Why a request to the room failed when the room did not answer (it is moving, or gone). */
  public static final String ROOM_UNAVAILABLE = "the room is not available right now, try again";

  /** What guest names start with: {@code guest} and then a number (PROTOCOL.md section 3). */
  public static final String GUEST_PREFIX = "guest";

  /** How many lines {@code /history} without a number shows. */
  public static final int HISTORY_DEFAULT = 20;

  private static final DateTimeFormatter HOUR_MINUTE =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private Replies() {}

  /**
   * The greeting, the first line of every accepted connection.
   *
   * @param serverName the configured {@code server.name}
   * @return {@code * welcome to NAME, what is your name?}
   */
  public static String welcome(String serverName) {
    return "* welcome to " + serverName + ", what is your name?";
  }

  /**
   * The prompt repeated after a name was refused.
   *
   * @return {@code * what is your name?}
   */
  public static String askName() {
    return "* what is your name?";
  }

  /**
   * Tells a newcomer its name.
   *
   * @param name the accepted name
   * @return {@code * you are NAME}
   */
  public static String youAre(String name) {
    return "* you are " + name;
  }

  /**
   * The roster.
   *
   * @param names everyone in the room, in order of arrival
   * @return {@code * online (K): NAME1, NAME2, …}
   */
  public static String online(List<String> names) {
    return online(names, names.size());
  }

  /**
   * The roster of a large room on entering: the first names, and how many were left out.
   *
   * @param names the members listed, in order of arrival
   * @param total how many members the room has, at least {@code names.size()}
   * @return {@code * online (K): NAME1, NAME2, …} followed by {@code , … (N more)} when {@code
   *     total} exceeds the names listed
   */
  public static String online(List<String> names, int total) {
    String line = "* online (" + total + "): " + String.join(", ", names);
    return total > names.size() ? line + ", … (" + (total - names.size()) + " more)" : line;
  }

  /**
   * An arrival, for everyone but the newcomer.
   *
   * @param name the newcomer
   * @return {@code * NAME has arrived}
   */
  public static String arrived(String name) {
    return "* " + name + " has arrived";
  }

  /**
   * A departure.
   *
   * @param name the member who left
   * @param reason the reason, or {@code null} or empty for none
   * @return {@code * NAME has left} or {@code * NAME has left (REASON)}
   */
  public static String left(String name, String reason) {
    return reason == null || reason.isEmpty()
        ? "* " + name + " has left"
        : "* " + name + " has left (" + reason + ")";
  }

  /**
   * The departure reason of a kicked member.
   *
   * @param why the reason the kicker gave
   * @return {@code kicked: WHY}
   */
  public static String kickedReason(String why) {
    return "kicked: " + why;
  }

  /**
   * What a member receives when an IRC client invites it to a room.
   *
   * @param from the inviter
   * @param room the room
   * @return {@code * FROM invites you to #ROOM: /join #ROOM}
   */
  public static String invitedTo(String from, String room) {
    return "* " + from + " invites you to " + room + ": /join " + room;
  }

  /**
   * What a kicked member receives before its connection closes.
   *
   * @param why the reason the kicker gave
   * @return {@code * you were kicked: WHY}
   */
  public static String youWereKicked(String why) {
    return "* you were kicked: " + why;
  }

  /**
   * A chat line, for everyone in the room including its sender.
   *
   * @param name the sender
   * @param text the text, already cleaned and trimmed
   * @return {@code NAME: text}
   */
  public static String chat(String name, String text) {
    return name + ": " + text;
  }

  /**
   * A private message, for its recipient.
   *
   * @param from the sender
   * @param text the text
   * @return {@code (private) FROM: text}
   */
  public static String privateFrom(String from, String text) {
    return "(private) " + from + ": " + text;
  }

  /**
   * A private message, echoed to its sender.
   *
   * @param to the recipient
   * @param from the sender
   * @param text the text
   * @return {@code (private to TO) FROM: text}
   */
  public static String privateTo(String to, String from, String text) {
    return "(private to " + to + ") " + from + ": " + text;
  }

  /**
   * A rename, for everyone including the member renamed.
   *
   * @param oldName the name before
   * @param newName the name after
   * @return {@code * OLD is now known as NEW}
   */
  public static String renamed(String oldName, String newName) {
    return "* " + oldName + " is now known as " + newName;
  }

  /**
   * The answer to {@code /quit}, just before the connection closes.
   *
   * @return {@code * bye}
   */
  public static String bye() {
    return "* bye";
  }

  /**
   * The answer to {@code /help}: one line per command.
   *
   * @return one {@code * } line per command, eight in all
   */
  public static List<String> help() {
    return List.of(
        "* /who: list who is online (also: who online)",
        "* /nick NEW: change your name to NEW (also: rename|NEW)",
        "* /msg NAME text: send text to NAME alone",
        "* /quit [reason]: leave the server (also: quit, exit)",
        "* /join ROOM: move to ROOM, opening it if nobody is there",
        "* /rooms: list the rooms and how many are in each",
        "* /history [N]: show the last N lines of your room (20 without N)",
        "* /help: show these lines",
        "* /register PASSWORD: make your name an account (operators: /register NAME PASSWORD)",
        "* /password OLD NEW: change your account's password",
        "* /whois NAME: where NAME is, and whether NAME is registered",
        "* /op NAME: make the account NAME an operator of your room",
        "* /deop NAME: make NAME no longer an operator of your room",
        "* /topic [TEXT]: show your room's topic, or set it (/topic - clears it)",
        "* /kick NAME [WHY]: remove NAME from its room",
        "* /ban TARGET [MINUTES] [WHY]: ban an account, a guest's address or an address block",
        "* /unban TARGET: lift a ban of your room",
        "* /bans: list your room's bans",
        "* /mute NAME [MINUTES]: keep NAME from speaking in your room",
        "* /unmute NAME: let NAME speak again");
  }

  /**
   * Sent to a member or unnamed connection before it is closed for silence.
   *
   * @param timeoutSeconds the configured idle timeout, printed as configured
   * @return {@code * disconnected: idle for more than N s}
   */
  public static String idleDisconnect(String timeoutSeconds) {
    return "* disconnected: idle for more than " + timeoutSeconds + " s";
  }

  /**
   * Sent to every client when the server shuts down.
   *
   * @return {@code * server is shutting down}
   */
  public static String shuttingDown() {
    return "* server is shutting down";
  }

  /**
   * An over-long client line was discarded.
   *
   * @param maxBytes the configured {@code limits.maxLineBytes}
   * @return {@code ! line too long (max N bytes)}
   */
  public static String lineTooLong(int maxBytes) {
    return "! line too long (max " + maxBytes + " bytes)";
  }

  /**
   * Flood control dropped lines.
   *
   * @param linesPerSecond the configured {@code limits.linesPerSecond}
   * @return {@code ! slow down: at most N lines per second}
   */
  public static String slowDown(int linesPerSecond) {
    return "! slow down: at most " + linesPerSecond + " lines per second";
  }

  /**
   * Lines were dropped while the client's outbound queue was full.
   *
   * @param count how many lines this client missed, at least 1
   * @return {@code ! N messages were dropped because your connection was too slow}
   */
  public static String dropped(long count) {
    return count == 1
        ? "! 1 message was dropped because your connection was too slow"
        : "! " + count + " messages were dropped because your connection was too slow";
  }

  /**
   * The node is at {@code limits.maxConnections}.
   *
   * @return {@code ! server is full, try again later}
   */
  public static String serverFull() {
    return "! server is full, try again later";
  }

  /**
   * The client's address is at {@code limits.maxConnectionsPerAddress}.
   *
   * @return {@code ! too many connections from your address}
   */
  public static String tooManyFromAddress() {
    return "! too many connections from your address";
  }

  /**
   * The room did not answer a request (it is moving to another node, or the node is stopping).
   *
   * @return {@code ! the room is not available right now, try again}
   */
  public static String roomUnavailable() {
    return error(ROOM_UNAVAILABLE);
  }

  /**
   * A line that starts with {@code /} names no command.
   *
   * @param command the word after the slash
   * @return {@code ! unknown command /X, try /help}
   */
  public static String unknownCommand(String command) {
    return "! unknown command /" + command + ", try /help";
  }

  /**
   * A command was given a missing or bad argument.
   *
   * @param usage the expected form, such as {@code /nick NEW}
   * @return {@code ! usage: USAGE}
   */
  public static String usage(String usage) {
    return "! usage: " + usage;
  }

  /**
   * The error text (without {@code "! "}) of a name that is already in use, exactly.
   *
   * @param name the name asked for
   * @return {@code name "NAME" is taken}
   */
  public static String nameTakenText(String name) {
    return "name \"" + name + "\" is taken";
  }

  /**
   * The error text of a name that collides with another after case folding, NFKC or confusable
   * skeletons.
   *
   * @param name the name asked for
   * @param holder the name in use it collides with
   * @return {@code name "NAME" is too like "HOLDER", which is taken}
   */
  public static String nameTooLikeText(String name, String holder) {
    return "name \"" + name + "\" is too like \"" + holder + "\", which is taken";
  }

  /**
   * The error text of a rename to one's own name.
   *
   * @param name the current name
   * @return {@code you are already NAME}
   */
  public static String alreadyNamedText(String name) {
    return "you are already " + name;
  }

  /**
   * The error text of a private message to a name nobody has.
   *
   * @param name the name given
   * @return {@code no one called "NAME" is here}
   */
  public static String noSuchMemberText(String name) {
    return "no one called \"" + name + "\" is here";
  }

  /**
   * The error text of a name longer than the limit.
   *
   * @param maxCodePoints the limit, in Unicode code points
   * @return {@code name is too long (at most N characters)}
   */
  public static String nameTooLongText(int maxCodePoints) {
    return "name is too long (at most " + maxCodePoints + " characters)";
  }

  /**
   * The error text of a name whose first character is not a letter or digit.
   *
   * @return {@code name must start with a letter or a digit}
   */
  public static String nameBadStartText() {
    return "name must start with a letter or a digit";
  }

  /**
   * The error text of a name with a character that names may not hold.
   *
   * @return {@code name may contain only letters, digits, "_", "-" and "."}
   */
  public static String nameBadCharacterText() {
    return "name may contain only letters, digits, \"_\", \"-\" and \".\"";
  }

  /**
   * A room name that breaks the rules of section 9.
   *
   * @param requested the name as asked for
   * @param why what is wrong with it
   * @return {@code bad room name "REQUESTED": WHY}
   */
  public static String badRoomNameText(String requested, String why) {
    return "bad room name \"" + requested + "\": " + why;
  }

  /**
   * {@code /join} to the room the member is in.
   *
   * @param room the room
   * @return {@code you are already in #ROOM}
   */
  public static String alreadyInRoomText(String room) {
    return "you are already in " + room;
  }

  /**
   * {@code /join} to a room without members while {@code rooms.maxRooms} rooms have members.
   *
   * @return {@code too many rooms, join an existing one}
   */
  public static String tooManyRoomsText() {
    return "too many rooms, join an existing one";
  }

  /**
   * The first line a member receives in the room it moved to.
   *
   * @param room the room
   * @return {@code * now in #ROOM}
   */
  public static String nowIn(String room) {
    return "* now in " + room;
  }

  /**
   * The departure reason of a member that moved to another room.
   *
   * @param room the room it moved to
   * @return {@code joined #ROOM}
   */
  public static String joinedReason(String room) {
    return "joined " + room;
  }

  /**
   * The answer to {@code /rooms}.
   *
   * @param total how many rooms have members
   * @param rooms the rooms listed (at most 50), largest first, as {@code #ROOM (N)}
   * @return {@code * rooms (K): #ROOM1 (N1), #ROOM2 (N2), …}
   */
  public static String rooms(int total, List<String> rooms) {
    return "* rooms (" + total + "): " + String.join(", ", rooms);
  }

  /**
   * One room in the answer to {@code /rooms}.
   *
   * @param room the room
   * @param members its member count
   * @return {@code #ROOM (N)}
   */
  public static String roomCount(String room, int members) {
    return room + " (" + members + ")";
  }

  /**
   * The heading of a replay of history (PROTOCOL.md section 10).
   *
   * @param count how many lines follow
   * @return {@code * history (N):}
   */
  public static String historyHeading(int count) {
    return "* history (" + count + "):";
  }

  /**
   * One replayed history line.
   *
   * @param epochMillis when the room ordered it, milliseconds since the Unix epoch
   * @param name the sender's name then
   * @param text the text as delivered
   * @return {@code [HH:MM] NAME: text}, the time in UTC, 24-hour, zero-padded
   */
  public static String historyLine(long epochMillis, String name, String text) {
    return "[" + HOUR_MINUTE.format(Instant.ofEpochMilli(epochMillis)) + "] " + chat(name, text);
  }

  /**
   * The answer to {@code /history} with a number out of range or not a number.
   *
   * @param maxLines {@code history.maxLines}
   * @return {@code ! usage: /history [N], N from 1 to MAX}
   */
  public static String historyUsage(int maxLines) {
    return usage("/history [N], N from 1 to " + maxLines);
  }

  /**
   * Turns an error text into the {@code ! } line sent to the client.
   *
   * @param text the error text
   * @return {@code ! text}
   */
  public static String error(String text) {
    return "! " + text;
  }

  /**
   * Whether a name has the form of a guest name, {@code guestN} (any case, N decimal digits): such
   * names are given to guests and cannot be registered (PROTOCOL.md section 12).
   *
   * @param name a valid name
   * @return true for {@code guest} followed by one or more digits
   */
  public static boolean isGuestName(String name) {
    if (name.length() <= GUEST_PREFIX.length()
        || !name.regionMatches(true, 0, GUEST_PREFIX, 0, GUEST_PREFIX.length())) {
      return false;
    }
    for (int i = GUEST_PREFIX.length(); i < name.length(); i++) {
      if (name.charAt(i) < '0' || name.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
