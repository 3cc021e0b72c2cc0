package dev.parley.irc;

import com.ibm.icu.text.Normalizer2;
import dev.parley.names.NameRegistry;
import dev.parley.protocol.NameRules;
import io.vertx.core.Future;

/**
 * Nicks as IRC clients type them: looked up in the name registry only when they are Parley names
 * (PROTOCOL.md section 5), and matched against WHO and WHOWAS masks ({@code *} any run, {@code ?}
 * one code point) under Parley's case fold, the {@code CASEMAPPING} the port advertises. Pure and
 * thread-safe, apart from the registry's own futures.
 */
final class IrcNicks {
  private static final Normalizer2 FOLD = Normalizer2.getNFKCCasefoldInstance();

  private IrcNicks() {}

  /**
   * The holder of a typed nick.
   *
   * @return the holder, or {@code null} when the nick is not a Parley name or nobody holds it; a
   *     registry that cannot answer fails the future
   */
  static Future<NameRegistry.Holder> holder(NameRegistry names, String typed) {
    if (typed.isEmpty() || !NameRules.check(typed).valid()) {
      return Future.succeededFuture();
    }
    return names.holder(NameRules.check(typed).name());
  }

  /** Whether two nicks are the same under Parley's case fold. */
  static boolean same(String a, String b) {
    return fold(a).equals(fold(b));
  }

  /** Whether {@code mask} holds a wildcard, so that it names no one nick. */
  static boolean isMask(String mask) {
    return mask.indexOf('*') >= 0 || mask.indexOf('?') >= 0;
  }

  /** Whether {@code name} matches {@code mask}, both under Parley's case fold. */
  static boolean matches(String mask, String name) {
    int[] m = fold(mask).codePoints().toArray();
    int[] n = fold(name).codePoints().toArray();
    // Iterative glob match with one backtracking point, as IRC servers match masks.
    int i = 0;
    int j = 0;
    int star = -1;
    int resume = 0;
    while (j < n.length) {
      if (i < m.length && (m[i] == '?' || m[i] == n[j])) {
        i++;
        j++;
      } else if (i < m.length && m[i] == '*') {
        star = i++;
        resume = j;
      } else if (star >= 0) {
        i = star + 1;
        j = ++resume;
      } else {
        return false;
      }
    }
    while (i < m.length && m[i] == '*') {
      i++;
    }
    return i == m.length;
  }

  /** A nick under Parley's case fold (NFKC case fold). */
  static String fold(String text) {
    return FOLD.normalize(text);
  }
}
