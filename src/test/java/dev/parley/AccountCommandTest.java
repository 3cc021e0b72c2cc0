package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code parley account add|passwd|delete NAME}: each run as a separate process (as {@link
 * MainProcessTest} runs the command line: {@code java -cp} the test class path, since the fat jar
 * is made only after the tests), its password given on standard input, against a SQLite file that a
 * server started here uses at the same time. The server then logs the account in over TCP.
 */
@ExtendWith(VertxExtension.class)
class AccountCommandTest {
  private static final String PASSWORD = "correct horse battery";
  private static final String NEW_PASSWORD = "staple of the new password";

  @RegisterExtension final ChatClients clients = new ChatClients();

  @TempDir Path dir;

  /** What a run printed and how it ended. */
  private record Run(int status, String out, String err) {}

  private Path configFile(String storeJson) throws IOException {
    return Files.writeString(dir.resolve("config.json"), "{\"store\": " + storeJson + "}");
  }

  private Path sqliteConfig() throws IOException {
    return configFile(
        "{\"kind\": \"sqlite\", \"sqlite\": {\"path\": \""
            + dir.resolve("accounts.db").toString().replace("\\", "\\\\")
            + "\"}}");
  }

  /** Runs {@code parley account ARGS} with {@code stdin} (null for none) as its standard input. */
  private Run account(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.add("account");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_"));
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertTrue(process.waitFor(90, TimeUnit.SECONDS), "parley account did not exit");
    Run run =
        new Run(
            process.exitValue(),
            new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip(),
            new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    for (String secret : List.of(PASSWORD, NEW_PASSWORD, "correct", "staple")) {
      assertFalse(run.out().contains(secret) || run.err().contains(secret), "printed: " + run);
    }
    return run;
  }

  private void assertRun(Run run, int status, String out, String err) {
    assertEquals(new Run(status, out, err), run);
  }

  /** Logs in over TCP with a password: the prompt, then the roster. */
  private ChatClient login(int port, String name, String password) {
    ChatClient client = clients.connect(port);
    client.expect("* welcome to parley, what is your name?");
    client.say(name);
    client.expect("* " + name + " is registered, what is its password?");
    client.say(password);
    client.expect("* you are " + name);
    client.expectStartsWith("* online (");
    return client;
  }

  @Test
  void addPasswdAndDeleteChangeTheAccountsOfTheStoreThatARunningServerUses(Vertx vertx)
      throws Exception {
    Path config = sqliteConfig();
    assertRun(
        account(PASSWORD + "\n", "add", "alice", "--config", config.toString()),
        0,
        "account alice added",
        "");

    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "store.kind",
                "sqlite",
                "store.sqlite.path",
                dir.resolve("accounts.db").toString()));
    login(parley.port(), "alice", PASSWORD).say("/quit");

    // While the server runs on the same file. A name that collides with the account's names it.
    assertRun(
        account(NEW_PASSWORD + "\r\n", "passwd", "ALICE", "--config", config.toString()),
        0,
        "password of alice changed",
        "");
    ChatClient old = clients.connect(parley.port());
    old.expect("* welcome to parley, what is your name?");
    old.say("alice");
    old.expect("* alice is registered, what is its password?");
    old.say(PASSWORD);
    old.expect("! wrong password for alice");
    login(parley.port(), "alice", NEW_PASSWORD).say("/quit");

    assertRun(
        account(null, "delete", "alice", "--config", config.toString()),
        0,
        "account alice deleted",
        "");
    ChatClient guest = clients.connect(parley.port());
    guest.expect("* welcome to parley, what is your name?");
    guest.say("alice");
    guest.expect("* you are alice");
    guest.expect("* online (1): alice");
    guest.say("/whois alice");
    guest.expect("* alice is in #lobby, a guest");
  }

  @Test
  void refusalsPrintOneLineAndExitWithOneOrTwo() throws Exception {
    Path config = sqliteConfig();
    String file = config.toString();
    assertRun(account(PASSWORD + "\n", "add", "bob", "--config", file), 0, "account bob added", "");
    assertRun(
        account(PASSWORD + "\n", "add", "Bob", "--config", file),
        1,
        "",
        "parley: bob is already registered");
    assertRun(
        account("short\n", "add", "carol", "--config", file),
        1,
        "",
        "parley: a password has 8 to 128 bytes");
    // Cleaned as a client's password line: controls removed, spaces trimmed, then too short.
    assertRun(
        account("  \u0007abc\tdef  \n", "add", "carol", "--config", file),
        1,
        "",
        "parley: a password has 8 to 128 bytes");
    assertRun(
        account("", "add", "carol", "--config", file),
        1,
        "",
        "parley: no password on standard input (give it as one line)");
    assertRun(
        account(PASSWORD + "\n", "add", "guest12", "--config", file),
        1,
        "",
        "parley: guest names cannot be registered");
    assertRun(
        account(PASSWORD + "\n", "passwd", "nobody", "--config", file),
        1,
        "",
        "parley: nobody is called nobody");
    assertRun(
        account(null, "delete", "nobody", "--config", file),
        1,
        "",
        "parley: nobody is called nobody");
    assertRun(
        account(PASSWORD + "\n", "add", "a b", "--config", file),
        2,
        "",
        "parley: invalid name \"a b\": name may contain only letters, digits, \"_\", \"-\" and"
            + " \".\"");
    assertRun(
        account(null, "delete", "bob", "--config", dir.resolve("absent.json").toString()),
        2,
        "",
        "parley: config file " + dir.resolve("absent.json") + " does not exist");
    assertRun(
        account(null, "delete", "bob", "--config", configFile("{\"kind\": \"memory\"}").toString()),
        2,
        "",
        "parley: store.kind is memory: its accounts live in the running nodes; register there"
            + " (/register), or use a lasting store (sqlite or postgres)");
    Run usage = account(null, "add");
    assertEquals(2, usage.status(), usage.toString());
    assertTrue(usage.err().startsWith("Missing required parameter: 'NAME'"), usage.err());
  }
}
