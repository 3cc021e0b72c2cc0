package dev.parley.protocol;

/**
 * The lines of PROTOCOL.md section 12 (accounts) and section 15 (the store), in one place, as
 * {@link Replies} holds those of sections 1 to 11. Lines are returned without their line end; texts
 * that a refusal carries as its message (without {@code "! "}) end in {@code Text}. Pure and
 * thread-safe.
 */
public final class AccountReplies {
  /** The departure reason of a member whose account logged in from another session. */
  public static final String REASON_LOGGED_IN_ELSEWHERE = "logged in elsewhere";

  /** A password's least length, in bytes of UTF-8. */
  public static final int PASSWORD_MIN_BYTES = 8;

  /** A password's greatest length, in bytes of UTF-8. */
  public static final int PASSWORD_MAX_BYTES = 128;

  private AccountReplies() {}

  /**
   * A guest's name became an account.
   *
   * @return {@code * NAME is registered: from now on give your password after your name}
   */
  public static String registered(String name) {
    return "* " + name + " is registered: from now on give your password after your name";
  }

  /**
   * The name is an account already.
   *
   * @return {@code NAME is already registered}
   */
  public static String alreadyRegisteredText(String name) {
    return name + " is already registered";
  }

  /**
   * A password outside the limits.
   *
   * @return {@code a password has 8 to 128 bytes}
   */
  public static String passwordLengthText() {
    return "a password has " + PASSWORD_MIN_BYTES + " to " + PASSWORD_MAX_BYTES + " bytes";
  }

  /**
   * A {@code guestN} name asked to be registered.
   *
   * @return {@code guest names cannot be registered}
   */
  public static String guestNotRegisteredText() {
    return "guest names cannot be registered";
  }

  /**
   * {@code accounts.registration} is {@code closed}.
   *
   * @return {@code registration is closed on this server}
   */
  public static String registrationClosedText() {
    return "registration is closed on this server";
  }

  /**
   * At the name prompt, for a registered name (NAME as registered).
   *
   * @return {@code * NAME is registered, what is its password?}
   */
  public static String askPassword(String name) {
    return "* " + name + " is registered, what is its password?";
  }

  /**
   * A wrong password at the prompt.
   *
   * @return {@code ! wrong password for NAME}
   */
  public static String wrongPasswordFor(String name) {
    return Replies.error("wrong password for " + name);
  }

  /**
   * Sent to the session whose account logged in from another one, before it closes.
   *
   * @return {@code * disconnected: logged in elsewhere}
   */
  public static String loggedInElsewhere() {
    return "* disconnected: " + REASON_LOGGED_IN_ELSEWHERE;
  }

  /**
   * A logged-in member asked for another name.
   *
   * @return {@code your name is your account NAME}
   */
  public static String nameIsAccountText(String account) {
    return "your name is your account " + account;
  }

  /**
   * A guest asked for a registered name by {@code /nick}.
   *
   * @return {@code name "NAME" is registered}
   */
  public static String nameRegisteredText(String name) {
    return "name \"" + name + "\" is registered";
  }

  /**
   * {@code /password OLD NEW} succeeded.
   *
   * @return {@code * password changed}
   */
  public static String passwordChanged() {
    return "* password changed";
  }

  /**
   * {@code /password} with a wrong OLD.
   *
   * @return {@code wrong password}
   */
  public static String wrongPasswordText() {
    return "wrong password";
  }

  /**
   * {@code /password} from a guest, who has no password.
   *
   * @return {@code only registered members have a password}
   */
  public static String noAccountText() {
    return "only registered members have a password";
  }

  /**
   * {@code /whois NAME}.
   *
   * @param room the member's room
   * @param registered whether it is logged in to an account
   * @param operatorOf the room it is an operator of ({@code room}), or {@code null}
   * @return {@code * NAME is in #ROOM, registered} or {@code …, a guest}, with {@code , operator of
   *     #ROOM} when it is one
   */
  public static String whois(String name, String room, boolean registered, String operatorOf) {
    return "* "
        + name
        + " is in "
        + room
        + (registered ? ", registered" : ", a guest")
        + (operatorOf == null ? "" : ", operator of " + operatorOf);
  }

  /**
   * Nobody has the name (PROTOCOL.md sections 12 and 13).
   *
   * @return {@code nobody is called NAME}
   */
  public static String nobodyCalledText(String name) {
    return "nobody is called " + name;
  }

  /**
   * The third wrong password on one connection, before it closes.
   *
   * @return {@code * disconnected: too many wrong passwords}
   */
  public static String tooManyWrongPasswords() {
    return "* disconnected: too many wrong passwords";
  }

  /**
   * A registered name at the prompt from an address that gave too many wrong passwords lately.
   *
   * @param seconds whole seconds until the address may try again, at least 1
   * @return {@code ! too many wrong passwords from your address, try again in N s}
   */
  public static String tooManyFromAddress(long seconds) {
    return Replies.error(
        "too many wrong passwords from your address, try again in " + seconds + " s");
  }

  /**
   * {@code accounts.guests} is false and the name at the prompt is not registered.
   *
   * @return {@code ! only registered names may join this server}
   */
  public static String onlyRegistered() {
    return Replies.error("only registered names may join this server");
  }

  /**
   * A change the store could not save (PROTOCOL.md section 15): nothing changed.
   *
   * @return {@code that cannot be saved right now, try again}
   */
  public static String notSavedText() {
    return "that cannot be saved right now, try again";
  }
}
