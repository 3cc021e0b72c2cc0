package dev.parley.irc;

import dev.parley.names.NameRegistry;
import dev.parley.protocol.NameKey;
import dev.parley.protocol.NameRules;
import dev.parley.store.Account;
import io.vertx.core.Future;

/**
 * OPER for the IRC port (PROTOCOL.md sections 13 and 14): {@code OPER NAME PASSWORD} proves that
 * the client knows the password of NAME, one of the server operators' accounts ({@code
 * accounts.operators}). From then on its moderation requests (KICK, TOPIC, MODE +o/+b) act with
 * that account's rights, as a server operator's, whatever nick it holds; it is shown as an IRC
 * operator ({@code *} in WHO, 313 in WHOIS) and {@code MODE NICK -o} gives the rights up. A wrong
 * password gets 464 and counts against the client's address like a wrong login (section 12); an
 * account that is not a server operator's gets 491. The password is never echoed, kept or logged.
 * Stateless: the account lives in the session; runs on the session's event loop.
 */
final class IrcOper {
  private IrcOper() {}

  /** {@code OPER NAME PASSWORD}. */
  static void oper(IrcSession session, IrcMessage m) {
    String name = m.param(0);
    if (!isServerOperator(session, name)) {
      session.numeric(IrcReplies.NOOPERHOST, IrcReplies.NO_OPER_HOST);
      return;
    }
    Future<Account> checked = session.registration().sasl().checkPassword(name, m.param(1));
    session.inOrder(
        checked
            .recover(failure -> Future.succeededFuture(null))
            .compose(
                account -> {
                  if (account == null) {
                    session.numeric(IrcReplies.PASSWDMISMATCH, IrcReplies.PASSWORD_INCORRECT);
                    return Future.succeededFuture();
                  }
                  return become(session, account.name());
                }));
  }

  /** {@code MODE NICK -o}: the client no longer acts as a server operator. */
  static void deoper(IrcSession session) {
    if (session.operatorAccount() != null) {
      become(session, null);
    }
  }

  private static Future<Void> become(IrcSession session, String account) {
    session.operatorAccount(account);
    NameRegistry.Holder holder = session.registration().holder();
    Future<Boolean> shown =
        holder == null ? Future.succeededFuture(false) : session.names().update(holder);
    return shown
        .otherwise(false)
        .map(
            v -> {
              if (account != null) {
                session.numeric(IrcReplies.YOUREOPER, IrcReplies.YOU_ARE_OPER);
              }
              session.send(
                  IrcMessage.of(
                      session.nick(), "MODE", session.nick(), account != null ? "+o" : "-o"));
              return null;
            });
  }

  private static boolean isServerOperator(IrcSession session, String name) {
    if (name.isEmpty() || !NameRules.check(name).valid()) {
      return false;
    }
    String key = NameKey.of(name).foldedSkeleton();
    for (String operator : session.host().settings().accounts().operators()) {
      if (NameKey.of(operator).foldedSkeleton().equals(key)) {
        return true;
      }
    }
    return false;
  }
}
