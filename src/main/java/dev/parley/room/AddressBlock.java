package dev.parley.room;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IP address or a block of addresses in CIDR notation ({@code 203.0.113.7}, {@code
 * 198.51.100.0/24}, {@code 2001:db8::/48}), as a ban names them (PROTOCOL.md section 13). Parsing
 * reads literals only: no name is ever looked up. Immutable and thread-safe.
 */
public final class AddressBlock {
  private final byte[] network;
  private final int prefix;

  private AddressBlock(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses an address or a CIDR block.
   *
   * @param text {@code ADDRESS} or {@code ADDRESS/BITS}, IPv4 or IPv6
   * @return the block (one address has all its bits), or {@code null} when {@code text} is neither
   */
  public static AddressBlock parse(String text) {
    int slash = text.indexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    byte[] bytes = literal(address);
    if (bytes == null) {
      return null;
    }
    int bits = bytes.length * 8;
    int prefix = bits;
    if (slash >= 0) {
      String tail = text.substring(slash + 1);
      if (tail.isEmpty() || tail.length() > 3 || !tail.chars().allMatch(Character::isDigit)) {
        return null;
      }
      prefix = Integer.parseInt(tail);
      if (prefix > bits) {
        return null;
      }
    }
    return new AddressBlock(masked(bytes, prefix), prefix);
  }

  /**
   * Whether the text is a block of several addresses rather than one address.
   *
   * @return true for {@code ADDRESS/BITS} with fewer bits than an address has
   */
  public boolean isBlock() {
    return prefix < network.length * 8;
  }

  /**
   * Whether an address is in the block.
   *
   * @param address a client's address as its connection gives it; anything else is not in it
   * @return true when it is
   */
  public boolean contains(String address) {
    byte[] bytes = address == null || address.isEmpty() ? null : literal(address);
    if (bytes == null) {
      return false;
    }
    if (bytes.length == 16 && network.length == 4 && isMappedV4(bytes)) {
      bytes = Arrays.copyOfRange(bytes, 12, 16);
    }
    return bytes.length == network.length && Arrays.equals(masked(bytes, prefix), network);
  }

  private static boolean isMappedV4(byte[] v6) {
    for (int i = 0; i < 10; i++) {
      if (v6[i] != 0) {
        return false;
      }
    }
    return v6[10] == (byte) 0xFF && v6[11] == (byte) 0xFF;
  }

  /** The bytes of an IPv4 or IPv6 literal, or null; never a name lookup. */
  private static byte[] literal(String text) {
    if (text.isEmpty() || text.length() > 45) {
      return null;
    }
    boolean v6 = text.indexOf(':') >= 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok =
          (c >= '0' && c <= '9')
              || c == '.'
              || (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
      if (!ok) {
        return null;
      }
    }
    if (!v6 && text.chars().filter(c -> c == '.').count() != 3) {
      return null;
    }
    try {
      // A literal of digits, dots, colons and hex digits only: InetAddress parses it, and looks
      // nothing up.
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }

  private static byte[] masked(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - 8 * i));
      out[i] &= (byte) (0xFF << (8 - keep));
    }
    return out;
  }
}
