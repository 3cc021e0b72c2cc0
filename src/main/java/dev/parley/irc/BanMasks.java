package dev.parley.irc;

/**
 * Parley's ban targets (section 13: an account name, an address or an address block) as IRC ban
 * masks and back: an account {@code NAME} is {@code NAME!*@*}, an address or block {@code A} is
 * {@code *!*@A}. Stateless.
 */
final class BanMasks {
  private BanMasks() {}

  /**
   * The mask of a ban target.
   *
   * @param target an account name, an IP address or a CIDR block
   * @return its mask
   */
  static String mask(String target) {
    return isAddress(target) ? "*!*@" + target : target + "!*@*";
  }

  /**
   * The ban target a mask names.
   *
   * @param mask {@code NAME}, {@code NAME!*@*}, {@code *!*@ADDRESS} or {@code *!*@CIDR}
   * @return the target, or {@code null} for a mask Parley cannot ban (wildcards in a name or host)
   */
  static String target(String mask) {
    int bang = mask.indexOf('!');
    int at = mask.indexOf('@');
    if (bang < 0 && at < 0) {
      return mask.contains("*") || mask.contains("?") ? null : mask;
    }
    String nick = bang < 0 ? mask.substring(0, at) : mask.substring(0, bang);
    String host = at < 0 ? "*" : mask.substring(at + 1);
    if (!nick.equals("*") && !nick.contains("*") && !nick.contains("?") && host.equals("*")) {
      return nick;
    }
    if (nick.equals("*") && isAddress(host)) {
      return host;
    }
    return null;
  }

  private static boolean isAddress(String target) {
    return target.matches("[0-9.]+(/\\d+)?")
        || (target.contains(":") && target.matches("[0-9a-fA-F:.]+(/\\d+)?"));
  }
}
