package dev.parley.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Cleans one raw client line into text that is safe to show to others (PROTOCOL.md sections 1 and
 * 8): telnet IAC sequences and NUL bytes are removed, the bytes are decoded as UTF-8 with U+FFFD
 * for every invalid sequence, C0 controls (CR included), DEL, C1 controls and the bidirectional
 * overrides U+202A–U+202E and U+2066–U+2069 are removed, and TAB becomes a space. Whitespace is not
 * trimmed here. Pure and thread-safe.
 */
public final class LineCleaner {
  private static final int IAC = 0xFF;
  private static final int SB = 0xFA;
  private static final int SE = 0xF0;
  private static final int WILL = 0xFB;
  private static final int DONT = 0xFE;

  private LineCleaner() {}

  /**
   * Cleans a line.
   *
   * @param raw the bytes of one line, without its LF
   * @return the cleaned text, possibly empty
   */
  public static String clean(byte[] raw) {
    if (isPrintableAscii(raw)) {
      return new String(raw, StandardCharsets.ISO_8859_1);
    }
    return clean(new String(stripTelnet(raw), StandardCharsets.UTF_8));
  }

  /**
   * Cleans text that arrived as a string rather than as bytes (from the event bus): the same
   * character removals as for a client line, TAB to space; no trimming.
   *
   * @param text the text
   * @return the cleaned text
   */
  public static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean tab = c == '\t';
      if (out == null && (tab || isRemoved(c))) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        if (tab) {
          out.append(' ');
        } else if (!isRemoved(c)) {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isPrintableAscii(byte[] raw) {
    for (byte b : raw) {
      if (b < 0x20 || b == 0x7F) {
        return false;
      }
    }
    return true;
  }

  private static boolean isRemoved(char c) {
    return c < 0x20
        || (c >= 0x7F && c <= 0x9F)
        || (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069');
  }

  /** Removes NUL bytes and telnet IAC sequences, including IAC IAC. */
  private static byte[] stripTelnet(byte[] raw) {
    byte[] out = new byte[raw.length];
    int n = 0;
    int i = 0;
    while (i < raw.length) {
      int b = raw[i] & 0xFF;
      if (b == 0) {
        i++;
      } else if (b != IAC) {
        out[n++] = raw[i++];
      } else if (i + 1 >= raw.length) {
        i++;
      } else {
        int command = raw[i + 1] & 0xFF;
        if (command == SB) {
          i = endOfSubnegotiation(raw, i + 2);
        } else if (command >= WILL && command <= DONT) {
          i += 3;
        } else {
          i += 2;
        }
      }
    }
    return n == raw.length ? raw : java.util.Arrays.copyOf(out, n);
  }

  private static int endOfSubnegotiation(byte[] raw, int from) {
    for (int i = from; i + 1 < raw.length; i++) {
      if ((raw[i] & 0xFF) == IAC && (raw[i + 1] & 0xFF) == SE) {
        return i + 2;
      }
    }
    return raw.length;
  }
}
