package dev.parley.protocol;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;
import com.ibm.icu.text.Normalizer2;

/**
 * The rules for names of PROTOCOL.md section 5: 1 to 32 code points in NFC; letters of any script,
 * combining marks, decimal digits ({@code Nd}), {@code _}, {@code -} and {@code .}; the first a
 * letter or a digit. A name so built can never contain a space, {@code :}, {@code (}, {@code *} or
 * {@code !}, which keeps every server line unambiguous. Pure and thread-safe.
 */
public final class NameRules {
  /** The longest name, in Unicode code points after NFC. */
  public static final int MAX_CODE_POINTS = 32;

  private static final Normalizer2 NFC = Normalizer2.getNFCInstance();

  private NameRules() {}

  /**
   * The outcome of checking a name.
   *
   * @param name the name in NFC when valid, otherwise {@code null}
   * @param error the error text (without {@code "! "}) when invalid, otherwise {@code null}
   */
  public record Verdict(String name, String error) {
    /**
     * Whether the name is valid.
     *
     * @return true when {@link #name()} holds the accepted name
     */
    public boolean valid() {
      return error == null;
    }
  }

  /**
   * Checks a requested name.
   *
   * @param requested a cleaned and trimmed line; must not be empty
   * @return the name in NFC, or the reason it is refused
   */
  public static Verdict check(String requested) {
    String name = NFC.normalize(requested);
    int count = name.codePointCount(0, name.length());
    if (count > MAX_CODE_POINTS) {
      return new Verdict(null, Replies.nameTooLongText(MAX_CODE_POINTS));
    }
    int first = name.codePointAt(0);
    if (!UCharacter.isLetter(first) && !isDigit(first)) {
      return new Verdict(null, Replies.nameBadStartText());
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (!isAllowed(cp)) {
        return new Verdict(null, Replies.nameBadCharacterText());
      }
      i += Character.charCount(cp);
    }
    return new Verdict(name, null);
  }

  private static boolean isDigit(int cp) {
    return UCharacter.getType(cp) == UCharacterCategory.DECIMAL_DIGIT_NUMBER;
  }

  private static boolean isAllowed(int cp) {
    if (cp == '_' || cp == '-' || cp == '.') {
      return true;
    }
    int type = UCharacter.getType(cp);
    return UCharacter.isLetter(cp)
        || type == UCharacterCategory.NON_SPACING_MARK
        || type == UCharacterCategory.ENCLOSING_MARK
        || type == UCharacterCategory.COMBINING_SPACING_MARK
        || type == UCharacterCategory.DECIMAL_DIGIT_NUMBER;
  }
}
