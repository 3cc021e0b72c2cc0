package dev.parley.session;

import dev.parley.accounts.Accounts;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.store.Account;
import dev.parley.values.ErrorCode;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The name step (PROTOCOL.md sections 3, 5 and 12): the client's first lines are a name, empty for
 * a guest name, or {@code /quit}. A name that breaks the rules is refused with its error and asked
 * for again. A registered name (or one that collides with it) is asked its password, on the next
 * line, which is checked off the event loop and never echoed, kept or logged; three wrong ones
 * close the connection, and an address that gave too many lately waits. With {@code
 * accounts.guests} false, an unregistered name is refused. A valid name is then asked of the room,
 * which may refuse it too; a login takes its name over from any other session that holds it.
 * Confined to the connection's event loop.
 */
final class NameStep {
  /** Wrong passwords one connection may give before it is closed. */
  static final int MAX_WRONG_PASSWORDS = 3;

  private final Session session;
  private final Outbox outbox;
  private final MemberRooms rooms;
  private final Accounts accounts;
  private final String address;
  private final boolean guests;
  private Account asked;
  private int wrong;

  NameStep(Session session, Outbox outbox, MemberRooms rooms, Accounts accounts, String address) {
    this.session = session;
    this.outbox = outbox;
    this.rooms = rooms;
    this.accounts = accounts;
    this.address = address;
    this.guests = session.settings().accounts().guests();
  }

  /**
   * A line at the name prompt.
   *
   * @param requested the line, cleaned and trimmed
   */
  void onName(String requested) {
    CommandTable.Invocation invocation = CommandTable.find(requested);
    if (invocation != null && invocation.usableBeforeName()) {
      invocation.run(session);
      return;
    }
    if (requested.isEmpty()) {
      if (guests) {
        join("", "");
      } else {
        refuse(AccountReplies.onlyRegistered());
      }
      return;
    }
    NameRules.Verdict verdict = NameRules.check(requested);
    if (!verdict.valid()) {
      refuse(Replies.error(verdict.error()));
      return;
    }
    session.enter(Session.State.VERIFYING);
    accounts
        .find(verdict.name())
        .onComplete(
            ar -> {
              if (session.state() != Session.State.VERIFYING) {
                return;
              }
              if (ar.failed() || ar.result() == null) {
                // Unknown, or the store is away and this node never saw the account.
                if (guests) {
                  join(verdict.name(), "");
                } else {
                  again(AccountReplies.onlyRegistered());
                }
              } else {
                askPassword(ar.result());
              }
            });
  }

  private void askPassword(Account account) {
    accounts
        .waitSeconds(address)
        .onComplete(
            ar -> {
              if (session.state() != Session.State.VERIFYING) {
                return;
              }
              long wait = ar.succeeded() ? ar.result() : 0;
              if (wait > 0) {
                again(AccountReplies.tooManyFromAddress(wait));
                return;
              }
              asked = account;
              session.enter(Session.State.PASSWORD);
              outbox.send(AccountReplies.askPassword(account.name()));
              session.released();
            });
  }

  /**
   * The line after {@code * NAME is registered, what is its password?}: the password, which goes no
   * further than the check.
   *
   * @param password the line, cleaned and trimmed
   */
  void onPassword(String password) {
    Account account = asked;
    asked = null;
    session.enter(Session.State.VERIFYING);
    accounts
        .verify(account, password)
        .onComplete(
            ar -> {
              if (session.state() != Session.State.VERIFYING) {
                return;
              }
              if (ar.succeeded() && ar.result()) {
                join(account.name(), account.name());
                return;
              }
              accounts.failed(address);
              if (++wrong >= MAX_WRONG_PASSWORDS) {
                session.tooManyWrongPasswords();
              } else {
                again(AccountReplies.wrongPasswordFor(account.name()));
              }
            });
  }

  /**
   * Logs in to the account a signed token names, without a prompt (PROTOCOL.md section 12,
   * "tokens").
   */
  void withToken(String name) {
    session.enter(Session.State.VERIFYING);
    accounts
        .tokenAccount(name)
        .onComplete(
            ar -> {
              if (session.state() != Session.State.VERIFYING) {
                return;
              }
              if (ar.succeeded()) {
                join(ar.result().name(), ar.result().name());
              } else {
                session.closeWith(Replies.error(ar.cause().getMessage()));
              }
            });
  }

  private void refuse(String line) {
    outbox.send(line);
    outbox.send(Replies.askName());
  }

  private void again(String line) {
    session.enter(Session.State.NAMING);
    refuse(line);
    session.released();
  }

  private void join(String requested, String account) {
    rooms.join(
        requested,
        0,
        null,
        account,
        reply -> {
          session.account(account);
          rooms.joined(reply);
        },
        refusal -> {
          if (bannedFromServer(refusal)) {
            session.closeWith(Replies.error(refusal.getMessage()));
            return;
          }
          session.enter(Session.State.NAMING);
          session.fail(refusal);
          outbox.send(Replies.askName());
        });
  }

  private static boolean bannedFromServer(Throwable refusal) {
    return refusal instanceof ReplyException e
        && e.failureType() == ReplyFailure.RECIPIENT_FAILURE
        && e.failureCode() == ErrorCode.BANNED_FROM_SERVER.code();
  }
}
