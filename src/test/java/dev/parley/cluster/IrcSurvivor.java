package dev.parley.cluster;

import dev.parley.test.ChatClient;
import dev.parley.test.IrcClients;

/**
 * A survivor of {@link ClusterFailoverIT} that is an IRC client in {@code #lobby}, with {@code
 * echo-message}, so that it sees its own lines as the room ordered them. It reads IRC as the line
 * members' forms, so that {@link FailoverOutcome} holds it to the same checks: a PRIVMSG to the
 * room is {@code NAME: text}, a JOIN {@code * NAME has arrived}, a QUIT {@code * NAME has left
 * (REASON)}, a 404 {@code ! TEXT}. It answers the server's PINGs; anything else comes through as
 * {@code ? } and the raw line, which the checks count as a line nobody sent.
 */
final class IrcSurvivor implements Survivor {
  private static final String ROOM = "#lobby";

  private final ChatClient client;
  private final String nick;

  private IrcSurvivor(ChatClient client, String nick) {
    this.client = client;
    this.nick = nick;
  }

  /**
   * Connects to {@code ircPort}, registers {@code nick} with {@code echo-message} and joins {@code
   * #lobby}, up to the end of its NAMES (366).
   */
  static IrcSurvivor join(int ircPort, String nick) {
    ChatClient client = IrcClients.registerWith(ChatClient.connect(ircPort), nick, "echo-message");
    client.say("JOIN " + ROOM);
    client.readUntil(":parley 366 " + nick + " " + ROOM + " :End of /NAMES list");
    return new IrcSurvivor(client, nick);
  }

  @Override
  public void say(String text) {
    client.say("PRIVMSG " + ROOM + " :" + text);
  }

  @Override
  public String nextLine() {
    while (true) {
      String line = client.nextLine();
      if (line.startsWith("PING ")) {
        client.say("PONG " + line.substring("PING ".length()));
        continue;
      }
      String[] parts = line.split(" ", 4);
      if (parts.length < 3 || !line.startsWith(":")) {
        return "? " + line;
      }
      String source = parts[0].substring(1);
      String from = source.contains("!") ? source.substring(0, source.indexOf('!')) : source;
      String command = parts[1];
      String rest = line.substring(parts[0].length() + parts[1].length() + 2);
      switch (command) {
        case "PRIVMSG":
          if (rest.startsWith(ROOM + " :")) {
            return from + ": " + rest.substring(ROOM.length() + 2);
          }
          return "? " + line;
        case "JOIN":
          return "* " + from + " has arrived";
        case "QUIT":
          return "* " + from + " has left (" + rest.substring(rest.startsWith(":") ? 1 : 0) + ")";
        case "404":
          return "! " + rest.substring(rest.indexOf(" :") + 2);
        default:
          return "? " + line;
      }
    }
  }

  /** Ends the connection. */
  void close() {
    client.close();
  }

  @Override
  public String toString() {
    return nick + " over IRC";
  }
}
