package dev.parley.irc;

import dev.parley.lines.EventLines;
import dev.parley.protocol.Replies;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.HistoryLine;
import dev.parley.room.Left;
import dev.parley.room.PolicyChanged;
import dev.parley.room.Renamed;
import dev.parley.room.RoomEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place that turns a Parley room event into IRC messages (PROTOCOL.md section 14), as
 * {@code EventLines} turns it into a line: chat lines into PRIVMSGs (a {@code /me } line into a
 * CTCP ACTION, a line too long for one message into several, split at code points), arrivals into
 * JOIN, departures into PART ({@code joined #ROOM}), KICK ({@code kicked: WHY}) or QUIT (any other
 * reason), renames into NICK, topics into TOPIC, operators and bans into MODE, mutes into a server
 * NOTICE with the line members' text. Stateless and thread-safe.
 */
final class IrcRenderer {
  /** RFC 1459's limit on one message, CR LF included, in bytes (tags not counted). */
  static final int MAX_MESSAGE_BYTES = 512;

  private static final String ACTION_PREFIX = "/me ";
  private static final DateTimeFormatter SERVER_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter HOUR_MINUTE =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  private final String server;

  /**
   * @param server the server's name, the source of what no member said
   */
  IrcRenderer(String server) {
    this.server = server;
  }

  /** A member's source: {@code NAME!NAME@SERVER}. */
  String source(String name) {
    return name + "!" + name + "@" + server;
  }

  /**
   * The messages for one event, for a client that is in the event's room.
   *
   * @param event the event
   * @param time whether the client negotiated {@code server-time}: chat lines carry a {@code time}
   *     tag
   * @return the messages, none for an event IRC shows nothing of
   */
  List<IrcMessage> render(RoomEvent event, boolean time) {
    if (event instanceof Chat chat) {
      long millis = time ? chat.time() : -1;
      return chat.notice() && !chat.text().startsWith(ACTION_PREFIX)
          ? split(source(chat.name()), "NOTICE", chat.room(), "", chat.text(), timeTags(millis))
          : privmsgs(source(chat.name()), chat.room(), chat.text(), millis);
    } else if (event instanceof Arrived arrived) {
      return arrived.announced()
          ? List.of(IrcMessage.of(source(arrived.name()), "JOIN", arrived.room()))
          : List.of();
    } else if (event instanceof Left left) {
      return left.announced() ? List.of(departure(left)) : List.of();
    } else if (event instanceof Renamed renamed) {
      return List.of(IrcMessage.of(source(renamed.oldName()), "NICK", renamed.newName()));
    } else if (event instanceof PolicyChanged changed) {
      return List.of(policy(changed));
    }
    return List.of();
  }

  /** Whether a departure reaches IRC clients as a QUIT, seen once however many rooms it shares. */
  static boolean isQuit(Left left) {
    return !left.parted() && !left.reason().startsWith(Replies.joinedReason("")) && !isKick(left);
  }

  /** Whether a departure is a kick: {@code kicked: WHY}. */
  static boolean isKick(Left left) {
    String kicked = Replies.kickedReason("");
    return left.reason().startsWith(kicked.strip()) || left.reason().equals(kicked);
  }

  private IrcMessage departure(Left left) {
    if (isKick(left)) {
      String why = left.reason().substring(Math.min(left.reason().length(), kickPrefixLength()));
      return IrcMessage.of(server, "KICK", left.room(), left.name(), why.strip());
    }
    if (!isQuit(left)) {
      return left.reason().isEmpty()
          ? IrcMessage.of(source(left.name()), "PART", left.room())
          : IrcMessage.of(source(left.name()), "PART", left.room(), left.reason());
    }
    return IrcMessage.of(source(left.name()), "QUIT", left.reason());
  }

  private static int kickPrefixLength() {
    String kicked = Replies.kickedReason("");
    return kicked.length();
  }

  private IrcMessage policy(PolicyChanged changed) {
    String actor =
        changed.actor() == null || changed.actor().isEmpty() ? server : source(changed.actor());
    String room = changed.room();
    return switch (changed.change()) {
      case TOPIC_SET -> IrcMessage.of(actor, "TOPIC", room, changed.text());
      case TOPIC_CLEARED -> IrcMessage.of(actor, "TOPIC", room, "");
      case OPPED -> IrcMessage.of(actor, "MODE", room, "+o", changed.target());
      case FIRST_OPERATOR -> IrcMessage.of(server, "MODE", room, "+o", changed.target());
      case DEOPPED -> IrcMessage.of(actor, "MODE", room, "-o", changed.target());
      case BANNED -> IrcMessage.of(actor, "MODE", room, "+b", BanMasks.mask(changed.target()));
      case UNBANNED -> IrcMessage.of(actor, "MODE", room, "-b", BanMasks.mask(changed.target()));
      case MUTED, UNMUTED ->
          IrcMessage.of(server, "NOTICE", room, IrcReplies.parleyText(EventLines.line(changed)));
    };
  }

  /**
   * One history line: a PRIVMSG from its sender with a {@code time} tag (inside a batch), or a
   * server NOTICE {@code [HH:MM] NAME: text}.
   *
   * @param batch the batch's reference, or {@code null} for the NOTICE form
   */
  List<IrcMessage> history(HistoryLine line, String batch) {
    if (batch == null) {
      return split(
          server,
          "NOTICE",
          line.room(),
          "[" + HOUR_MINUTE.format(Instant.ofEpochMilli(line.time())) + "] " + line.name() + ": ",
          line.text(),
          Map.of());
    }
    List<IrcMessage> out = new ArrayList<>();
    for (IrcMessage m : privmsgs(source(line.name()), line.room(), line.text(), line.time())) {
      out.add(m.withTags(Map.of("batch", batch)));
    }
    return out;
  }

  /** A private line to {@code to}. */
  List<IrcMessage> privateLine(String from, String to, String text, long millis) {
    return privmsgs(source(from), to, text, millis);
  }

  /**
   * PRIVMSGs of one chat line: a CTCP ACTION for {@code /me TEXT}, split at code points when it
   * does not fit one message.
   *
   * @param millis the {@code time} tag's value, or -1 for none
   */
  List<IrcMessage> privmsgs(String source, String target, String text, long millis) {
    Map<String, String> tags = timeTags(millis);
    if (text.startsWith(ACTION_PREFIX)) {
      String action = text.substring(ACTION_PREFIX.length());
      List<IrcMessage> out = new ArrayList<>();
      for (String part : chunks(source, "PRIVMSG", target, "\u0001ACTION ", action, 1)) {
        out.add(
            new IrcMessage(
                tags, source, "PRIVMSG", List.of(target, "\u0001ACTION " + part + "\u0001")));
      }
      return out;
    }
    return split(source, "PRIVMSG", target, "", text, tags);
  }

  /** The {@code time} tag of {@code millis}, none for -1. */
  private static Map<String, String> timeTags(long millis) {
    return millis < 0 ? Map.of() : Map.of("time", SERVER_TIME.format(Instant.ofEpochMilli(millis)));
  }

  private static List<IrcMessage> split(
      String source,
      String command,
      String target,
      String prefix,
      String text,
      Map<String, String> tags) {
    List<IrcMessage> out = new ArrayList<>();
    for (String part : chunks(source, command, target, prefix, text, 0)) {
      out.add(new IrcMessage(tags, source, command, List.of(target, prefix + part)));
    }
    return out;
  }

  /**
   * The pieces of {@code text} that fit one message each after {@code prefix} (and {@code suffix}
   * bytes), cut between code points.
   */
  static List<String> chunks(
      String source, String command, String target, String prefix, String text, int suffix) {
    int overhead = bytes(":" + source + " " + command + " " + target + " :" + prefix) + suffix + 2;
    return pieces(text, Math.max(16, MAX_MESSAGE_BYTES - overhead));
  }

  /**
   * {@code text} cut between code points into pieces of at most {@code budget} bytes of UTF-8 each
   * (at least one piece, empty for an empty text).
   */
  static List<String> pieces(String text, int budget) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    int used = 0;
    int i = 0;
    while (i < text.length()) {
      int cp = text.codePointAt(i);
      int size = utf8Length(cp);
      if (used + size > budget) {
        parts.add(text.substring(start, i));
        start = i;
        used = 0;
      }
      used += size;
      i += Character.charCount(cp);
    }
    parts.add(text.substring(start));
    return parts;
  }

  private static int bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private static int utf8Length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
}
