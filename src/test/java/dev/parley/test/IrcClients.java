package dev.parley.test;

/**
 * The steps IRC tests share: an IRC client registered up to 422, and an account made over a line.
 */
public final class IrcClients {
  private IrcClients() {}

  /**
   * Connects to the IRC port and registers {@code nick} with NICK and USER (and PASS first when a
   * password is given), up to 422.
   *
   * @param password the account's password, or {@code null} for a guest
   */
  public static ChatClient register(
      ChatClients clients, int ircPort, String nick, String password) {
    ChatClient client = clients.connect(ircPort);
    if (password != null) {
      client.say("PASS :" + password);
    }
    client.say("NICK " + nick);
    client.say("USER " + nick + " 0 * :" + nick);
    client.readUntil(":parley 422 " + nick + " :MOTD File is missing");
    return client;
  }

  /**
   * Registers {@code nick} on a connection to the IRC port after asking for {@code capability}
   * ({@code CAP LS 302}, {@code CAP REQ}, NICK, USER, {@code CAP END}), up to 422.
   */
  public static ChatClient registerWith(ChatClient client, String nick, String capability) {
    client.say("CAP LS 302");
    client.expectStartsWith(":parley CAP * LS :");
    client.say("CAP REQ :" + capability);
    client.expect(":parley CAP * ACK :" + capability);
    client.say("NICK " + nick);
    client.say("USER " + nick + " 0 * :" + nick);
    client.say("CAP END");
    client.readUntil(":parley 422 " + nick + " :MOTD File is missing");
    return client;
  }

  /** Registers {@code name} as an account over the line port, then leaves. */
  public static void account(ChatClients clients, int port, String name, String password) {
    ChatClient client = clients.join(port, name);
    client.say("/register " + password);
    client.readUntil(
        "* " + name + " is registered: from now on give your password after your name");
    client.say("/quit");
    client.readUntil("* bye");
  }
}
