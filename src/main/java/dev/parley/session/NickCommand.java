package dev.parley.session;

import dev.parley.accounts.AccountException;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;

/**
 * {@code /nick NEW}, also {@code rename|NEW}: a new name. Everyone, the member included, hears of
 * it through the room's {@code Renamed} event.
 */
final class NickCommand implements Command {
  @Override
  public void run(Session session, String argument) {
    if (!session.account().isEmpty()) {
      session.send(Replies.error(AccountReplies.nameIsAccountText(session.account())));
      return;
    }
    NameRules.Verdict verdict = NameRules.check(argument);
    if (!verdict.valid()) {
      session.send(Replies.error(verdict.error()));
      return;
    }
    // A guest may not take a registered name; everyone, the member included, hears of the new name
    // from the room's event.
    session.answer(
        session
            .accounts()
            .find(verdict.name())
            .otherwise(failure -> null)
            .compose(
                account ->
                    account == null
                        ? session.room().nick(verdict.name())
                        : Future.failedFuture(
                            new AccountException(
                                ErrorCode.NAME_TAKEN,
                                AccountReplies.nameRegisteredText(account.name())))),
        renamed -> {});
  }
}
