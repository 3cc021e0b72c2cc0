package dev.parley.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The names under which the senders joined, so that receivers can tell the tool's chat lines
 * ({@code sK: …}, or {@code sK_1: …} after a name collision) from anyone else's without a string
 * per line. Immutable after construction; shared read-only by all shards once handed to them.
 */
final class SenderNames {
  private final byte[][] prefixes;

  /**
   * @param names the senders' names in index order: {@code names.get(k)} is sender {@code k}, whose
   *     name starts with {@code s} and the decimal {@code k}
   */
  SenderNames(List<String> names) {
    prefixes = new byte[names.size()][];
    for (int k = 0; k < prefixes.length; k++) {
      prefixes[k] = (names.get(k) + ": ").getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The number of senders. */
  int count() {
    return prefixes.length;
  }

  /**
   * Which sender wrote this chat line.
   *
   * @return the sender's index, or -1 if the line is not a chat line of one of the tool's senders
   */
  int senderOf(byte[] bytes, int from, int to) {
    if (bytes[from] != 's') {
      return -1;
    }
    int index = 0;
    int p = from + 1;
    int limit = Math.min(to, p + 9);
    while (p < limit) {
      int digit = bytes[p] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      index = index * 10 + digit;
      p++;
    }
    if (p == from + 1 || index >= prefixes.length) {
      return -1;
    }
    return Ascii.startsWith(bytes, from, to, prefixes[index]) ? index : -1;
  }

  /** The length of sender {@code index}'s name plus the {@code ": "} after it, in bytes. */
  int prefixLength(int index) {
    return prefixes[index].length;
  }
}
