package dev.parley.session;

import dev.parley.bus.ModerationMessages.Action;
import dev.parley.bus.ModerationMessages.Answer;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import io.vertx.core.Future;

/**
 * The commands of PROTOCOL.md section 12 that change accounts: {@code /register} and {@code
 * /password}. A password goes from the line to the accounts' hashing thread and nowhere else: it is
 * never echoed, logged, kept or put on the event bus. Run on the session's event loop.
 */
final class AccountCommands {
  private AccountCommands() {}

  /**
   * {@code /register PASSWORD}: the guest's name becomes an account and the member is logged in to
   * it. A server operator's {@code /register NAME PASSWORD} makes the account NAME instead (section
   * 13), whatever {@code accounts.registration} says.
   */
  static final class Register implements Command {
    @Override
    public void run(Session session, String argument) {
      String account = session.account();
      boolean operator = !account.isEmpty() && session.isServerOperator();
      if (operator) {
        registerOther(session, argument);
        return;
      }
      if (!account.isEmpty()) {
        session.send(Replies.error(AccountReplies.alreadyRegisteredText(account)));
        return;
      }
      if (!session.settings().accounts().guests()) {
        session.send(Replies.error(AccountReplies.registrationClosedText()));
        return;
      }
      String name = session.name();
      session.<Answer>answer(
          session
              .accounts()
              .register(name, argument, false)
              .compose(
                  created ->
                      session
                          .room()
                          .<Answer>act(
                              ModerationCommands.act(session, Action.REGISTERED, "", "", "", 0))
                          .map(
                              marked -> {
                                session.account(created.name());
                                return marked;
                              })),
          marked -> session.send(AccountReplies.registered(name)));
    }

    private static void registerOther(Session session, String argument) {
      int space = argument.indexOf(' ');
      NameRules.Verdict verdict = space < 0 ? null : NameRules.check(argument.substring(0, space));
      if (verdict == null || !verdict.valid()) {
        session.send(Replies.usage("/register NAME PASSWORD"));
        return;
      }
      String password = argument.substring(space + 1).strip();
      session.answer(
          session.accounts().register(verdict.name(), password, true),
          created -> session.send(AccountReplies.registered(created.name())));
    }
  }

  /** {@code /password OLD NEW}: neither may contain a space here. */
  static final class Password implements Command {
    @Override
    public void run(Session session, String argument) {
      if (session.account().isEmpty()) {
        session.send(Replies.error(AccountReplies.noAccountText()));
        return;
      }
      String[] words = argument.split(" ");
      if (words.length != 2 || words[0].isEmpty() || words[1].isEmpty()) {
        session.send(Replies.usage("/password OLD NEW"));
        return;
      }
      Future<Void> changed =
          session.accounts().changePassword(session.account(), words[0], words[1]);
      session.answer(changed, done -> session.send(AccountReplies.passwordChanged()));
    }
  }
}
