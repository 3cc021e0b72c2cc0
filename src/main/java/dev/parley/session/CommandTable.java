package dev.parley.session;

import dev.parley.protocol.Replies;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the command in a member's line: {@code /word argument}, or one of the plain-word forms kept
 * for clients of older chat rooms, which count only as the whole line ({@code who online}, {@code
 * rename|NEW}, {@code quit}, {@code exit}). {@code //text} is chat, not a command.
 */
final class CommandTable {
  /**
   * One command of the table, with the checks shared by all commands.
   *
   * @param command what runs once the checks pass
   * @param arguments what may follow the command word
   * @param usage the form shown in {@code ! usage: …} when the argument does not fit
   * @param beforeName whether it may be used at the name prompt (only {@code /quit})
   */
  record Spec(Command command, Arguments arguments, String usage, boolean beforeName) {}

  /**
   * A command found in a line.
   *
   * @param spec the command and its checks
   * @param argument the text after the command word, trimmed
   */
  record Invocation(Spec spec, String argument) {
    /** Whether the command may be used before the client has a name. */
    boolean usableBeforeName() {
      return spec.beforeName();
    }

    /** Checks the argument, then runs the command or answers with its usage line. */
    void run(Session session) {
      if (spec.arguments().accept(argument)) {
        spec.command().run(session, argument);
      } else {
        session.send(Replies.usage(spec.usage()));
      }
    }
  }

  private static final Spec WHO = new Spec(new WhoCommand(), Arguments.NONE, "/who", false);
  private static final Spec NICK =
      new Spec(new NickCommand(), Arguments.ONE_WORD, "/nick NEW", false);
  private static final Spec QUIT = new Spec(new QuitCommand(), Arguments.ANY, "/quit", true);
  private static final Map<String, Spec> BY_WORD =
      Map.ofEntries(
          Map.entry("who", WHO),
          Map.entry("nick", NICK),
          Map.entry(
              "msg", new Spec(new MsgCommand(), Arguments.WORD_AND_TEXT, "/msg NAME text", false)),
          Map.entry("quit", QUIT),
          Map.entry("join", new Spec(new JoinCommand(), Arguments.ONE_WORD, "/join ROOM", false)),
          Map.entry("rooms", new Spec(new RoomsCommand(), Arguments.NONE, "/rooms", false)),
          Map.entry(
              "history", new Spec(new HistoryCommand(), Arguments.ANY, "/history [N]", false)),
          Map.entry("help", new Spec(new HelpCommand(), Arguments.ANY, "/help", false)),
          Map.entry(
              "register",
              new Spec(
                  new AccountCommands.Register(), Arguments.SOME, "/register PASSWORD", false)),
          Map.entry(
              "password",
              new Spec(new AccountCommands.Password(), Arguments.SOME, "/password OLD NEW", false)),
          Map.entry(
              "whois",
              new Spec(new ModerationCommands.Whois(), Arguments.ONE_WORD, "/whois NAME", false)),
          Map.entry(
              "topic",
              new Spec(new ModerationCommands.Topic(), Arguments.ANY, "/topic [TEXT]", false)),
          Map.entry(
              "kick",
              new Spec(new ModerationCommands.Kick(), Arguments.SOME, "/kick NAME [WHY]", false)),
          Map.entry(
              "ban",
              new Spec(
                  new ModerationCommands.BanCommand(),
                  Arguments.SOME,
                  "/ban TARGET [MINUTES] [WHY]",
                  false)),
          Map.entry(
              "unban",
              new Spec(new ModerationCommands.Unban(), Arguments.ONE_WORD, "/unban TARGET", false)),
          Map.entry(
              "bans", new Spec(new ModerationCommands.Bans(), Arguments.NONE, "/bans", false)),
          Map.entry(
              "mute",
              new Spec(
                  new ModerationCommands.MuteCommand(true),
                  Arguments.SOME,
                  "/mute NAME [MINUTES]",
                  false)),
          Map.entry(
              "unmute",
              new Spec(
                  new ModerationCommands.MuteCommand(false),
                  Arguments.ONE_WORD,
                  "/unmute NAME",
                  false)),
          Map.entry(
              "op",
              new Spec(
                  new ModerationCommands.Operator(true), Arguments.ONE_WORD, "/op NAME", false)),
          Map.entry(
              "deop",
              new Spec(
                  new ModerationCommands.Operator(false),
                  Arguments.ONE_WORD,
                  "/deop NAME",
                  false)));

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
      Spec spec = BY_WORD.get(word.toLowerCase(Locale.ROOT));
      return new Invocation(
          spec != null
              ? spec
              : new Spec(new UnknownCommand(word), Arguments.ANY, "/" + word, false),
          argument);
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
