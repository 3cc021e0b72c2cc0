package dev.parley.cluster;

import dev.parley.test.ChatClient;

/**
 * A member of {@link ClusterFailoverIT} on a node that survives: it says chat lines to {@code
 * #lobby} and reads what it receives in the line protocol's forms ({@code NAME: text}, {@code * }
 * notices, {@code ! } refusals).
 */
interface Survivor {
  /** Says {@code text} in the room. */
  void say(String text);

  /** The next line received, in the line protocol's form; fails after 10 s without one. */
  String nextLine();

  /** A line member. */
  static Survivor of(ChatClient client) {
    return new Survivor() {
      @Override
      public void say(String text) {
        client.say(text);
      }

      @Override
      public String nextLine() {
        return client.nextLine();
      }
    };
  }
}
