package dev.parley.irc;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One IRC message (RFC 1459 section 2.3.1 and the Modern IRC documents' message format): tags, an
 * optional source, a command (a word or a three-digit numeric) and its parameters, the last of
 * which may contain spaces. The one place where IRC messages are parsed and formatted; it knows
 * nothing of rooms. Immutable and thread-safe.
 *
 * @param tags the message tags, in order (values unescaped; an empty value for a tag without one)
 * @param source the source without its {@code :}, or {@code null} for none
 * @param command the command, in upper case as received (numerics as three digits)
 * @param params the parameters, the trailing one included without its {@code :}
 */
public record IrcMessage(
    Map<String, String> tags, String source, String command, List<String> params) {
  /** Copies the tags and parameters. */
  public IrcMessage {
    tags = Map.copyOf(tags);
    params = List.copyOf(params);
  }

  /**
   * A message without tags.
   *
   * @param source the source, or {@code null}
   * @param command the command
   * @param params its parameters
   * @return the message
   */
  public static IrcMessage of(String source, String command, String... params) {
    return new IrcMessage(Map.of(), source, command, List.of(params));
  }

  /**
   * Whether the first {@code length} bytes are well-formed UTF-8.
   *
   * @param bytes a line as read
   * @param length how many of its bytes to check
   * @return false when a byte sequence is not UTF-8
   */
  public static boolean isUtf8(byte[] bytes, int length) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * Parses one line, without its line end.
   *
   * @param line the line, as UTF-8 text
   * @return the message, or {@code null} when the line has no command (empty, or only tags and a
   *     source)
   */
  public static IrcMessage parse(String line) {
    int at = 0;
    int length = line.length();
    Map<String, String> tags = new LinkedHashMap<>();
    if (at < length && line.charAt(at) == '@') {
      int end = indexOfSpace(line, at);
      for (String tag : line.substring(at + 1, end).split(";")) {
        if (tag.isEmpty()) {
          continue;
        }
        int equals = tag.indexOf('=');
        tags.put(
            equals < 0 ? tag : tag.substring(0, equals),
            equals < 0 ? "" : unescape(tag.substring(equals + 1)));
      }
      at = skipSpaces(line, end);
    }
    String source = null;
    if (at < length && line.charAt(at) == ':') {
      int end = indexOfSpace(line, at);
      source = line.substring(at + 1, end);
      at = skipSpaces(line, end);
    }
    if (at >= length) {
      return null;
    }
    int end = indexOfSpace(line, at);
    String command = line.substring(at, end).toUpperCase(java.util.Locale.ROOT);
    at = skipSpaces(line, end);
    List<String> params = new ArrayList<>();
    while (at < length) {
      if (line.charAt(at) == ':') {
        params.add(line.substring(at + 1));
        break;
      }
      end = indexOfSpace(line, at);
      params.add(line.substring(at, end));
      at = skipSpaces(line, end);
    }
    return new IrcMessage(tags, source, command, params);
  }

  /**
   * The parameter at {@code index}.
   *
   * @return the parameter, or {@code ""} when there are fewer
   */
  public String param(int index) {
    return index < params.size() ? params.get(index) : "";
  }

  /**
   * This message with tags added (replacing tags of the same names).
   *
   * @param added the tags to add, in order
   * @return a new message
   */
  public IrcMessage withTags(Map<String, String> added) {
    Map<String, String> all = new LinkedHashMap<>(tags);
    all.putAll(added);
    return new IrcMessage(all, source, command, params);
  }

  /**
   * Whether the last parameter is a text, written after a colon even when it is one word: that of a
   * numeric and of the commands whose last parameter is a message, as most servers write them.
   */
  private static final Set<String> TEXT_LAST =
      Set.of("PRIVMSG", "NOTICE", "PONG", "QUIT", "PART", "KICK", "TOPIC", "ERROR", "CAP");

  private boolean textLast() {
    return TEXT_LAST.contains(command)
        || (command.length() == 3 && Character.isDigit(command.charAt(0)));
  }

  /**
   * The message as one line, without its line end. The last parameter gets a {@code :} when it is
   * empty, contains a space or starts with {@code :}, or is the text of a numeric or of a command
   * that ends with one (after a first parameter, or alone for QUIT and ERROR); the others must not.
   *
   * @return the line
   */
  public String encode() {
    StringBuilder out = new StringBuilder(64);
    if (!tags.isEmpty()) {
      out.append('@');
      boolean first = true;
      for (Map.Entry<String, String> tag : tags.entrySet()) {
        if (!first) {
          out.append(';');
        }
        first = false;
        out.append(tag.getKey());
        if (!tag.getValue().isEmpty()) {
          out.append('=').append(escape(tag.getValue()));
        }
      }
      out.append(' ');
    }
    if (source != null) {
      out.append(':').append(source).append(' ');
    }
    out.append(command);
    for (int i = 0; i < params.size(); i++) {
      String param = params.get(i);
      out.append(' ');
      if (i == params.size() - 1
          && (param.isEmpty()
              || param.indexOf(' ') >= 0
              || param.startsWith(":")
              || ((i > 0 || command.equals("QUIT") || command.equals("ERROR")) && textLast()))) {
        out.append(':');
      }
      out.append(param);
    }
    return out.toString();
  }

  private static int indexOfSpace(String line, int from) {
    int space = line.indexOf(' ', from);
    return space < 0 ? line.length() : space;
  }

  private static int skipSpaces(String line, int from) {
    int at = from;
    while (at < line.length() && line.charAt(at) == ' ') {
      at++;
    }
    return at;
  }

  /**
   * Unescapes a tag value (IRCv3 message-tags: {@code \:} {@code \s} {@code \\} {@code \r} {@code
   * \n}).
   */
  static String unescape(String value) {
    if (value.indexOf('\\') < 0) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\\') {
        out.append(c);
      } else if (i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(
            switch (next) {
              case ':' -> ';';
              case 's' -> ' ';
              case 'r' -> '\r';
              case 'n' -> '\n';
              default -> next;
            });
      }
    }
    return out.toString();
  }

  /** Escapes a tag value. */
  static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case ';' -> out.append("\\:");
        case ' ' -> out.append("\\s");
        case '\\' -> out.append("\\\\");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
