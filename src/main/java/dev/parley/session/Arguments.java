package dev.parley.session;

/**
 * What a command takes after its word. {@link CommandTable} checks it once, before the command
 * runs, and answers {@code ! usage: …} when it does not fit. Pure.
 */
enum Arguments {
  /** Nothing: {@code /who}, {@code /rooms}. */
  NONE,
  /** Anything or nothing, as the command reads it: {@code /quit [reason]}, {@code /help}. */
  ANY,
  /** Exactly one word: {@code /nick NEW}, {@code /join ROOM}. */
  ONE_WORD,
  /** A word, then text: {@code /msg NAME text}. */
  WORD_AND_TEXT,
  /** Something, as the command reads it: {@code /kick NAME [WHY]}, {@code /register PASSWORD}. */
  SOME;

  /**
   * Whether an argument fits.
   *
   * @param argument the text after the command word, trimmed
   * @return true when the command may run with it
   */
  boolean accept(String argument) {
    return switch (this) {
      case NONE -> argument.isEmpty();
      case ANY -> true;
      case ONE_WORD ->
          !argument.isEmpty() && argument.codePoints().noneMatch(Character::isWhitespace);
      case WORD_AND_TEXT -> argument.codePoints().anyMatch(Character::isWhitespace);
      case SOME -> !argument.isEmpty();
    };
  }
}
