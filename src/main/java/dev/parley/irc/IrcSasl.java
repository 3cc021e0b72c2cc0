package dev.parley.irc;

import dev.parley.accounts.Accounts;
import dev.parley.protocol.AccountReplies;
import dev.parley.store.Account;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * SASL PLAIN for the IRC port (PROTOCOL.md sections 12 and 14): {@code AUTHENTICATE PLAIN}, the
 * client's base64 {@code authzid NUL authcid NUL password} (at most 400 characters), then 900 and
 * 903, or 904 for a wrong password, 906 for an abort and 908 for another mechanism. Passwords are
 * checked with the accounts' hashing on its worker and counted against the client's address as a
 * line member's are; they are never logged or kept. Confined to the session's event loop.
 */
final class IrcSasl {
  private final IrcSession session;
  private final Accounts accounts;
  private final IrcRegistration registration;
  private boolean saslStarted;

  IrcSasl(IrcSession session, Accounts accounts, IrcRegistration registration) {
    this.session = session;
    this.accounts = accounts;
    this.registration = registration;
  }

  void authenticate(IrcMessage m) {
    String arg = m.param(0);
    if (!registration.account().isEmpty() && session.state() == IrcSession.State.REGISTERED) {
      session.numeric(IrcReplies.SASLALREADY, IrcReplies.SASL_ALREADY);
      return;
    }
    if (arg.equals("*")) {
      saslStarted = false;
      session.numeric(IrcReplies.SASLABORTED, IrcReplies.SASL_ABORTED);
      return;
    }
    if (!saslStarted) {
      if (!arg.equalsIgnoreCase("PLAIN")) {
        session.numeric(IrcReplies.SASLMECHS, "PLAIN", IrcReplies.SASL_MECHANISMS);
        session.numeric(IrcReplies.SASLFAIL, IrcReplies.SASL_FAILED);
        return;
      }
      saslStarted = true;
      session.send(IrcMessage.of(null, "AUTHENTICATE", "+"));
      return;
    }
    saslStarted = false;
    if (arg.length() > 400) {
      session.numeric(IrcReplies.SASLTOOLONG, IrcReplies.SASL_TOO_LONG);
      return;
    }
    String[] parts;
    try {
      parts =
          new String(Base64.getDecoder().decode(arg), StandardCharsets.UTF_8).split("\u0000", -1);
    } catch (IllegalArgumentException e) {
      parts = new String[0];
    }
    if (parts.length != 3 || parts[1].isEmpty()) {
      session.numeric(IrcReplies.SASLFAIL, IrcReplies.SASL_FAILED);
      return;
    }
    String name = parts[1];
    String secret = parts[2];
    session.inOrder(
        checkPassword(name, secret)
            .onComplete(
                ar -> {
                  if (ar.succeeded() && ar.result() != null) {
                    String account = ar.result().name();
                    registration.loggedIn(account);
                    String requested = registration.requested();
                    String mask =
                        (requested == null ? account : requested)
                            + "!"
                            + registration.user()
                            + "@"
                            + session.server();
                    session.numeric(
                        IrcReplies.LOGGEDIN, mask, account, IrcReplies.loggedIn(account));
                    session.numeric(IrcReplies.SASLSUCCESS, IrcReplies.SASL_SUCCESS);
                  } else {
                    session.numeric(IrcReplies.SASLFAIL, IrcReplies.SASL_FAILED);
                  }
                }));
  }

  /**
   * Checks a password against a name's account, counting a wrong one against the client's address.
   *
   * @return the account when the password is right, {@code null} when it is wrong or the name is
   *     not registered; fails while the address must wait or the store cannot say
   */
  Future<Account> checkPassword(String name, String secret) {
    String address = session.address();
    return accounts
        .waitSeconds(address)
        .compose(
            wait ->
                wait > 0
                    ? Future.failedFuture(
                        new IllegalStateException(AccountReplies.tooManyFromAddress(wait)))
                    : accounts.find(name))
        .compose(
            found ->
                found == null
                    ? Future.succeededFuture((Account) null)
                    : accounts
                        .verify(found, secret)
                        .map(
                            right -> {
                              if (!right) {
                                accounts.failed(address);
                              }
                              return right ? found : null;
                            }));
  }
}
