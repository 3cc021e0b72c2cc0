package dev.parley.session;

import java.util.Locale;
import java.util.Map;

/**
 * Finds the command in a member's line: {@code /word argument}, or one of the plain-word forms kept
 * for clients of older chat rooms, which count only as the whole line ({@code who online}, {@code
 * rename|NEW}, {@code quit}, {@code exit}). {@code //text} is chat, not a command.
 */
final class CommandTable {
  /**
   * A command found in a line.
   *
   * @param command what to run
   * @param argument the text after the command word, trimmed
   */
  record Invocation(Command command, String argument) {}

  private static final Command WHO = new WhoCommand();
  private static final Command NICK = new NickCommand();
  private static final Command QUIT = new QuitCommand();

  private static final Map<String, Command> BY_WORD =
      Map.of(
          "who",
          WHO,
          "nick",
          NICK,
          "msg",
          new MsgCommand(),
          "quit",
          QUIT,
          "join",
          new JoinCommand(),
          "rooms",
          new RoomsCommand(),
          "help",
          new HelpCommand());

  private static final String RENAME_PREFIX = "rename|";

  private CommandTable() {}

  /**
   * Finds the command in a line.
   *
   * @param line a member's line, cleaned and trimmed, not empty
   * @return the command, or {@code null} when the line is chat
   */
  static Invocation find(String line) {
    if (line.startsWith("/") && !line.startsWith("//")) {
      int end = 1;
      while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
        end++;
      }
      String word = line.substring(1, end);
      String argument = line.substring(end).strip();
      Command command = BY_WORD.get(word.toLowerCase(Locale.ROOT));
      return new Invocation(command != null ? command : new UnknownCommand(word), argument);
    }
    if (line.equals("who online")) {
      return new Invocation(WHO, "");
    }
    if (line.startsWith(RENAME_PREFIX)) {
      return new Invocation(NICK, line.substring(RENAME_PREFIX.length()).strip());
    }
    if (line.equals("quit") || line.equals("exit")) {
      return new Invocation(QUIT, "");
    }
    return null;
  }
}
