package dev.parley.accounts;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.parley.config.ConfigException;
import dev.parley.config.ConfigLoader;
import dev.parley.config.ParleyConfig;
import dev.parley.protocol.AccountReplies;
import dev.parley.protocol.LineCleaner;
import dev.parley.protocol.NameRules;
import dev.parley.protocol.Replies;
import dev.parley.store.Account;
import dev.parley.store.Store;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parley account add|passwd|delete NAME [--config FILE]}: changes the accounts of the
 * configured store (PROTOCOL.md sections 12 and 15) without a server. The configuration is read
 * from the same layers as the server's ({@link ConfigLoader}: defaults, {@code --config FILE} or
 * {@code conf/config.json}, {@code PARLEY_*} variables, {@code -Dparley.*} properties). The store
 * is opened directly, beside a server that may be running on it: SQLite in WAL mode lets both use
 * the file, and a server reads an account from the store at each login, so it sees the change at
 * the next one. A memory store is refused: its accounts live in the running nodes.
 *
 * <p>The password of {@code add} and {@code passwd} is read from standard input: prompted for twice
 * without echo when there is a terminal ({@link System#console()}), otherwise one line (so {@code
 * printf '%s\n' "$PASSWORD" | parley account add alice} works, in CI too). It is cleaned as a
 * password line from a client is (PROTOCOL.md section 1: control characters removed, spaces around
 * it trimmed), so that the same typing logs in, and must be 8 to 128 bytes of UTF-8. It is hashed
 * ({@link PasswordHash}, Argon2id) on the command's own thread before the store is asked to keep
 * it, never on an event loop, and is never printed or logged.
 *
 * <p>Each command prints one line on standard output and exits with 0 ({@code account NAME added},
 * {@code password of NAME changed}, {@code account NAME deleted}); otherwise one line on standard
 * error, {@code parley: REASON}, and exit status 1 (the name is taken or has no account, the
 * password's length, the store cannot be used) or 2 (a bad name, bad usage, an invalid
 * configuration, a memory store). The command's own log lines below warnings are silenced so that
 * its output is that line.
 *
 * <p>Threads: picocli runs a command on the calling thread, which blocks on the store's answers;
 * the store works on its own worker thread. The command holds no state beyond its options.
 */
@Command(
    name = "account",
    description =
        "Adds an account, changes its password or deletes it, in the configured store (no server"
            + " needed).",
    subcommands = {
      AccountCommand.Add.class,
      AccountCommand.Passwd.class,
      AccountCommand.Delete.class
    })
public final class AccountCommand {
  /** Exit status of a refusal: the name is taken or has no account, a password, the store. */
  public static final int EXIT_REFUSED = 1;

  /** Exit status of bad usage: a bad name, an invalid configuration, a memory store. */
  public static final int EXIT_USAGE = 2;

  /** How long the store may take to open and to answer. */
  private static final long STORE_TIMEOUT_SECONDS = 60;

  /** The longest line read as a password; longer is refused by the length check anyway. */
  private static final int MAX_LINE_BYTES = 4096;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "show this help and exit")
  private boolean help;

  /** Created by picocli. */
  public AccountCommand() {}

  /** A failure that ends a command with one line and an exit status. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    Refusal(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** What the three commands share: the name, the config file, the store and the password. */
  private abstract static class Change implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "the account's name")
    String requested;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "config file (JSON); default: conf/config.json when it exists")
    Path configFile;

    @Option(
        names = {"-h", "--help"},
        usageHelp = true,
        description = "show this help and exit")
    boolean help;

    /** Runs the change on the open store, with the name valid and in NFC. */
    abstract String change(Store store, String name);

    @Override
    public Integer call() {
      quietLogs();
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Vertx vertx = Vertx.vertx();
      try {
        String name = validName(requested);
        Store store = open(vertx, load(vertx));
        out.println(change(store, name));
        out.flush();
        return 0;
      } catch (Refusal e) {
        err.println("parley: " + e.getMessage());
        err.flush();
        return e.status;
      } finally {
        vertx.close().await();
      }
    }

    /** Reads and checks the password (prompted for with {@code prompt} on a terminal). */
    String password(String prompt) {
      String password = readPassword(prompt);
      try {
        Accounts.checkLength(password);
      } catch (AccountException e) {
        throw new Refusal(EXIT_REFUSED, e.getMessage());
      }
      return password;
    }

    private ParleyConfig load(Vertx vertx) {
      ParleyConfig config;
      try {
        config =
            await(
                ConfigLoader.load(
                    vertx, ConfigLoader.Sources.ofProcess(configFile, new JsonObject())));
      } catch (ConfigException e) {
        throw new Refusal(EXIT_USAGE, e.getMessage());
      }
      if (config.store().kind() == ParleyConfig.StoreKind.MEMORY) {
        throw new Refusal(
            EXIT_USAGE,
            "store.kind is memory: its accounts live in the running nodes; register there"
                + " (/register), or use a lasting store (sqlite or postgres)");
      }
      return config;
    }

    private static Store open(Vertx vertx, ParleyConfig config) {
      Store store = Store.create(config.store());
      await(vertx.deployVerticle(store));
      return store;
    }
  }

  /** {@code account add NAME}: makes an account with a password. */
  @Command(name = "add", description = "Adds an account; its password is read from standard input.")
  public static final class Add extends Change {
    /** Created by picocli. */
    public Add() {}

    @Override
    String change(Store store, String name) {
      if (Replies.isGuestName(name)) {
        throw new Refusal(EXIT_REFUSED, AccountReplies.guestNotRegisteredText());
      }
      Account existing = await(store.account(Account.key(name)));
      if (existing != null) {
        throw new Refusal(EXIT_REFUSED, AccountReplies.alreadyRegisteredText(existing.name()));
      }
      String hash = PasswordHash.hash(password("password for " + name + ": "));
      if (!await(store.createAccount(Account.of(name, hash, System.currentTimeMillis())))) {
        throw new Refusal(EXIT_REFUSED, AccountReplies.alreadyRegisteredText(name));
      }
      return "account " + name + " added";
    }
  }

  /** {@code account passwd NAME}: replaces an account's password. */
  @Command(
      name = "passwd",
      description = "Changes an account's password; the new one is read from standard input.")
  public static final class Passwd extends Change {
    /** Created by picocli. */
    public Passwd() {}

    @Override
    String change(Store store, String name) {
      Account account = existing(store, name);
      String hash = PasswordHash.hash(password("new password for " + account.name() + ": "));
      if (!await(store.setPassword(account.key(), hash))) {
        throw new Refusal(EXIT_REFUSED, AccountReplies.nobodyCalledText(name));
      }
      return "password of " + account.name() + " changed";
    }
  }

  /** {@code account delete NAME}: deletes an account; its name is a guest's again. */
  @Command(name = "delete", description = "Deletes an account.")
  public static final class Delete extends Change {
    /** Created by picocli. */
    public Delete() {}

    @Override
    String change(Store store, String name) {
      Account account = existing(store, name);
      if (!await(store.deleteAccount(account.key()))) {
        throw new Refusal(EXIT_REFUSED, AccountReplies.nobodyCalledText(name));
      }
      return "account " + account.name() + " deleted";
    }
  }

  private static Account existing(Store store, String name) {
    Account account = await(store.account(Account.key(name)));
    if (account == null) {
      throw new Refusal(EXIT_REFUSED, AccountReplies.nobodyCalledText(name));
    }
    return account;
  }

  private static String validName(String requested) {
    NameRules.Verdict verdict = NameRules.check(requested);
    if (!verdict.valid()) {
      throw new Refusal(EXIT_USAGE, "invalid name \"" + requested + "\": " + verdict.error());
    }
    return verdict.name();
  }

  /**
   * The password: from the terminal without echo, twice, when there is one; otherwise the first
   * line of standard input. Cleaned as a client's password line is.
   */
  private static String readPassword(String prompt) {
    Console console = System.console();
    if (console != null) {
      String first = fromConsole(console, prompt);
      String again = fromConsole(console, "again: ");
      if (!first.equals(again)) {
        throw new Refusal(EXIT_REFUSED, "the two passwords differ");
      }
      return first;
    }
    byte[] line = firstLine(System.in);
    if (line == null) {
      throw new Refusal(EXIT_REFUSED, "no password on standard input (give it as one line)");
    }
    try {
      return LineCleaner.clean(line).strip();
    } finally {
      Arrays.fill(line, (byte) 0);
    }
  }

  private static String fromConsole(Console console, String prompt) {
    char[] typed = console.readPassword("%s", prompt);
    if (typed == null) {
      throw new Refusal(EXIT_REFUSED, "no password given");
    }
    try {
      return LineCleaner.clean(new String(typed)).strip();
    } finally {
      Arrays.fill(typed, ' ');
    }
  }

  /** The bytes of the first line, without its LF; null at the end of input before any byte. */
  private static byte[] firstLine(InputStream in) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          return line.size() == 0 ? null : line.toByteArray();
        }
        if (line.size() < MAX_LINE_BYTES) {
          line.write(b);
        }
      }
      return line.toByteArray();
    } catch (IOException e) {
      throw new Refusal(EXIT_REFUSED, "cannot read standard input: " + e.getMessage());
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(STORE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new Refusal(
          EXIT_REFUSED, "the store did not answer within " + STORE_TIMEOUT_SECONDS + " s");
    } catch (ConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new Refusal(EXIT_REFUSED, oneLine(e));
    }
  }

  private static String oneLine(Throwable failure) {
    String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    return message.replaceAll("\\s+", " ").strip();
  }

  /**
   * Silences the log lines below warnings (the store's opening, Flyway's), so that the command's
   * output is its one line.
   */
  private static void quietLogs() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
      logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
    }
  }
}
