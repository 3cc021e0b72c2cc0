package dev.parley.accounts;

import dev.parley.config.ParleyConfig;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.Replies;
import dev.parley.store.Account;
import dev.parley.store.Store;
import dev.parley.time.TimeSource;
import dev.parley.values.ErrorCode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's accounts (PROTOCOL.md section 12): finding a name's account in the store, checking
 * and changing passwords, registering, and the limit on wrong passwords per address. Passwords are
 * hashed and checked on a worker pool of one thread of their own ({@value #POOL}), so that however
 * many members log in at once, hashing takes at most one core and never an event loop; a password
 * is never logged, kept or put on the event bus. The accounts this node has seen are kept, so that
 * while the store is away the members it knows still log in (section 15).
 *
 * <p>Every public method may be called from any context and returns at once; its future completes
 * on the caller's context. The state is confined to this verticle's context. Deploy it before the
 * listeners.
 */
public final class Accounts extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);

  /** The name of the worker pool that hashes passwords. */
  public static final String POOL = "parley-passwords";

  private final Store store;
  private final TimeSource time;
  private final boolean registrationOpen;
  private final Map<String, Account> known = new HashMap<>();
  private final LoginGuard guard = new LoginGuard();
  private WorkerExecutor hashing;
  private Context home;

  /**
   * @param config the node's settings ({@code accounts.*})
   * @param store where accounts last
   * @param time the node's clock, for the limit on wrong passwords
   */
  public Accounts(ParleyConfig config, Store store, TimeSource time) {
    this.store = store;
    this.time = time;
    this.registrationOpen = config.accounts().registration();
  }

  @Override
  public Future<?> start() {
    home = context;
    hashing = vertx.createSharedWorkerExecutor(POOL, 1, 60, TimeUnit.SECONDS);
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return hashing.close();
  }

  /**
   * Runs {@code work} on this verticle's context and completes the returned future on the caller's.
   */
  private <T> Future<T> here(Supplier<Future<T>> work) {
    ContextInternal caller = ((VertxInternal) vertx).getOrCreateContext();
    Promise<T> answer = caller.promise();
    home.runOnContext(v -> work.get().onComplete(answer));
    return answer.future();
  }

  private <T> Future<T> hashed(java.util.concurrent.Callable<T> work) {
    return hashing.executeBlocking(work, false);
  }

  /**
   * The account of a name, or of a name that collides with it.
   *
   * @return the account, or {@code null} when the name is not registered; while the store is away,
   *     the account as this node last saw it, or a failure when it never saw it
   */
  public Future<Account> find(String name) {
    return here(() -> lookUp(name));
  }

  private Future<Account> lookUp(String name) {
    String key = Account.key(name);
    return store
        .account(key)
        .map(
            account -> {
              if (account == null) {
                known.remove(key);
              } else {
                known.put(key, account);
              }
              return account;
            })
        .recover(
            failure -> {
              Account seen = known.get(key);
              return seen != null
                  ? Future.succeededFuture(seen)
                  : Future.failedFuture(
                      new AccountException(ErrorCode.NOT_SAVED, AccountReplies.notSavedText()));
            });
  }

  /**
   * Checks a password against an account's. Takes as long whether it is right or not: a hash is
   * derived either way.
   *
   * @return whether it is the account's password (an account made from a token has none)
   */
  public Future<Boolean> verify(Account account, String password) {
    return here(() -> hashed(() -> PasswordHash.matches(password, account.passwordHash())));
  }

  /**
   * How long an address must wait before it may give a password again.
   *
   * @return whole seconds, 0 when it may now
   */
  public Future<Long> waitSeconds(String address) {
    return here(() -> Future.succeededFuture(guard.waitSeconds(address, time.nanoTime())));
  }

  /** An address gave a wrong password. */
  public void failed(String address) {
    home.runOnContext(v -> guard.failed(address, time.nanoTime()));
  }

  /**
   * Checks a password's length (PROTOCOL.md section 12: 8 to 128 bytes of UTF-8).
   *
   * @throws AccountException otherwise
   */
  public static void checkLength(String password) {
    int bytes = password.getBytes(StandardCharsets.UTF_8).length;
    if (bytes < AccountReplies.PASSWORD_MIN_BYTES || bytes > AccountReplies.PASSWORD_MAX_BYTES) {
      throw new AccountException(ErrorCode.BAD_REQUEST, AccountReplies.passwordLengthText());
    }
  }

  /**
   * Registers a name as an account.
   *
   * @param name a valid name, in NFC
   * @param byOperator whether a server operator (or a service) registers it, whatever {@code
   *     accounts.registration} says
   * @return the account; fails with an {@link AccountException}: the name is registered already, a
   *     guest name, the password's length, registration closed, or the store could not save it
   */
  public Future<Account> register(String name, String password, boolean byOperator) {
    try {
      if (Replies.isGuestName(name)) {
        throw new AccountException(ErrorCode.BAD_REQUEST, AccountReplies.guestNotRegisteredText());
      }
      if (!registrationOpen && !byOperator) {
        throw new AccountException(ErrorCode.BAD_REQUEST, AccountReplies.registrationClosedText());
      }
      checkLength(password);
    } catch (AccountException e) {
      return Future.failedFuture(e);
    }
    return here(
        () ->
            hashed(() -> PasswordHash.hash(password))
                .compose(hash -> create(Account.of(name, hash, time.epochMillis()))));
  }

  /**
   * Registers an account whose hash a service computed ({@link PasswordHash}), for the event-bus
   * API, which never carries a password.
   *
   * @return the account; fails as {@link #register} does
   */
  public Future<Account> registerHashed(String name, String passwordHash) {
    if (Replies.isGuestName(name)) {
      return Future.failedFuture(
          new AccountException(ErrorCode.BAD_REQUEST, AccountReplies.guestNotRegisteredText()));
    }
    return here(() -> create(Account.of(name, passwordHash, time.epochMillis())));
  }

  private Future<Account> create(Account account) {
    return store
        .createAccount(account)
        .recover(failure -> Future.failedFuture(notSaved(failure)))
        .compose(
            created -> {
              if (!created) {
                return Future.failedFuture(
                    new AccountException(
                        ErrorCode.NAME_TAKEN,
                        AccountReplies.alreadyRegisteredText(account.name())));
              }
              known.put(account.key(), account);
              LOG.info("account {} registered", account.name());
              return Future.succeededFuture(account);
            });
  }

  /**
   * The account a signed token names, made without a password on first use.
   *
   * @return the account; fails when the store could not make it
   */
  public Future<Account> tokenAccount(String name) {
    return here(
        () ->
            lookUp(name)
                .compose(
                    found ->
                        found != null
                            ? Future.succeededFuture(found)
                            : store
                                .createAccount(Account.of(name, "", time.epochMillis()))
                                .recover(failure -> Future.failedFuture(notSaved(failure)))
                                .compose(created -> lookUp(name))));
  }

  /**
   * Changes an account's password, once the old one is checked ({@code /password OLD NEW}).
   *
   * @param old the current password, or {@code null} for a server operator or a service, who need
   *     none
   * @return completed when changed; fails with an {@link AccountException}: wrong old password, the
   *     new one's length, no such account, or the store could not save it
   */
  public Future<Void> changePassword(String name, String old, String password) {
    try {
      checkLength(password);
    } catch (AccountException e) {
      return Future.failedFuture(e);
    }
    return here(
        () ->
            lookUp(name)
                .compose(
                    account -> {
                      if (account == null) {
                        return Future.failedFuture(
                            new AccountException(
                                ErrorCode.NO_SUCH_MEMBER, AccountReplies.nobodyCalledText(name)));
                      }
                      Future<Boolean> right =
                          old == null
                              ? Future.succeededFuture(true)
                              : hashed(() -> PasswordHash.matches(old, account.passwordHash()));
                      return right.compose(
                          ok ->
                              ok
                                  ? hashed(() -> PasswordHash.hash(password))
                                      .compose(hash -> setHash(account, hash))
                                  : Future.failedFuture(
                                      new AccountException(
                                          ErrorCode.BAD_REQUEST,
                                          AccountReplies.wrongPasswordText())));
                    }));
  }

  /**
   * Sets an account's password hash as a service computed it, for the event-bus API.
   *
   * @return completed when set; fails when there is no such account or the store could not save it
   */
  public Future<Void> setPasswordHash(String name, String passwordHash) {
    return here(
        () ->
            lookUp(name)
                .compose(
                    account ->
                        account == null
                            ? Future.failedFuture(
                                new AccountException(
                                    ErrorCode.NO_SUCH_MEMBER,
                                    AccountReplies.nobodyCalledText(name)))
                            : setHash(account, passwordHash)));
  }

  private Future<Void> setHash(Account account, String hash) {
    return store
        .setPassword(account.key(), hash)
        .recover(failure -> Future.failedFuture(notSaved(failure)))
        .compose(
            set -> {
              known.put(
                  account.key(),
                  new Account(account.key(), account.name(), hash, account.createdMillis()));
              LOG.info("password of account {} changed", account.name());
              return Future.succeededFuture();
            });
  }

  /**
   * Deletes an account.
   *
   * @return completed when deleted; fails when there is no such account or the store could not
   *     delete it
   */
  public Future<Void> delete(String name) {
    String key = Account.key(name);
    return here(
        () ->
            store
                .deleteAccount(key)
                .recover(failure -> Future.failedFuture(notSaved(failure)))
                .compose(
                    deleted -> {
                      known.remove(key);
                      if (!deleted) {
                        return Future.failedFuture(
                            new AccountException(
                                ErrorCode.NO_SUCH_MEMBER, AccountReplies.nobodyCalledText(name)));
                      }
                      LOG.info("account {} deleted", name);
                      return Future.succeededFuture();
                    }));
  }

  private static Throwable notSaved(Throwable failure) {
    return failure instanceof AccountException
        ? failure
        : new AccountException(ErrorCode.NOT_SAVED, AccountReplies.notSavedText());
  }
}
