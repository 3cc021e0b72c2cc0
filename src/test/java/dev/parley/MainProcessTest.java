package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ListeningPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line, run as a separate process in a temporary working directory (where the default
 * store, {@code parley.db}, is made): start, refuse to start, and SIGTERM.
 */
class MainProcessTest {
  private static final Pattern LISTENING = Pattern.compile("listening for chat on [^:]+:(\\d+)");
  private static final Pattern OPERATIONS = Pattern.compile("operations on [^:]+:(\\d+)");
  private static final Pattern WEB = Pattern.compile("the web page on http://[^:]+:(\\d+)/");
  private static final Pattern IRC = Pattern.compile("IRC on [^:]+:(\\d+)");

  @TempDir Path dir;

  private Process start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("PARLEY_"));
    return builder.start();
  }

  /**
   * Reads the process's output up to its "listening for chat on HOST:PORT" line, and returns it.
   */
  private static String listeningLine(Process process) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (LISTENING.matcher(line).find()) {
        return line;
      }
    }
    throw new AssertionError("the server never said where it listens");
  }

  private static String all(java.io.InputStream in) throws IOException {
    return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
  }

  @Test
  void anInvalidConfigurationExitsWithTwoAndOneLine() throws Exception {
    Path config = dir.resolve("bad.json");
    Files.writeString(config, "{\"idle\": {\"timeoutSeconds\": \"soon\"}}");
    Process process = start("--config", config.toString());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(Main.EXIT_BAD_CONFIG, process.exitValue());
    assertEquals(
        "parley: invalid setting idle.timeoutSeconds = \"soon\": expected a number of seconds"
            + " above 0 (decimals allowed)",
        all(process.getErrorStream()));
  }

  @Test
  void aClusterNodeOnTheSqliteDefaultExitsWithTwoAndOneLine() throws Exception {
    Path config = dir.resolve("cluster.json");
    Files.writeString(config, "{\"cluster\": {\"enabled\": true, \"members\": [\"127.0.0.1\"]}}");
    Process process = start("--config", config.toString());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(Main.EXIT_BAD_CONFIG, process.exitValue());
    assertEquals(
        "parley: invalid setting store.kind = \"sqlite\": a cluster node keeps what lasts in"
            + " PostgreSQL (store.kind = \"postgres\"), or \"memory\" for a throwaway cluster",
        all(process.getErrorStream()));
  }

  @Test
  void aStoreFileThatCannotBeOpenedExitsWithOneAndOneLine() throws Exception {
    Path notAFile = Files.createDirectory(dir.resolve("a-directory.db"));
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"server\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"web\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"irc\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"http\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"store\": {\"sqlite\": {\"path\": \"a-directory.db\"}}}");
    Process process = start("--config", config.toString());
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    String err = all(process.getErrorStream());
    assertEquals(Main.EXIT_START_FAILED, process.exitValue(), err);
    assertEquals(
        "parley: cannot open the store file "
            + notAFile.toRealPath()
            + " (store.sqlite.path): it is a directory",
        err);
  }

  @Test
  void aPortInUseExitsWithOneAndOneLine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0)) {
      Process process = start("--port", String.valueOf(taken.getLocalPort()));
      assertTrue(process.waitFor(60, TimeUnit.SECONDS));
      assertEquals(Main.EXIT_START_FAILED, process.exitValue());
      String err = all(process.getErrorStream());
      assertTrue(
          err.startsWith("parley: cannot listen on 0.0.0.0:" + taken.getLocalPort() + ": "), err);
      assertEquals(1, err.lines().count(), err);
    }
  }

  @Test
  void aSingleNodeListensOnlyOnItsChatWebAndOperationsPorts() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs Linux's /proc");
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"server\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"web\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"irc\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"http\": {\"host\": \"127.0.0.1\", \"port\": 0}}");
    Process process = start("--config", config.toString());
    try {
      String line = listeningLine(process);
      Matcher chat = LISTENING.matcher(line);
      Matcher ops = OPERATIONS.matcher(line);
      Matcher web = WEB.matcher(line);
      Matcher irc = IRC.matcher(line);
      assertTrue(chat.find() && ops.find() && web.find() && irc.find(), line);
      // No cluster manager: no Hazelcast port, no event-bus port, nothing but these four.
      assertEquals(
          Set.of(
              Integer.parseInt(chat.group(1)),
              Integer.parseInt(web.group(1)),
              Integer.parseInt(irc.group(1)),
              Integer.parseInt(ops.group(1))),
          ListeningPorts.of(process.pid()));
      // The default store: a SQLite file in the working directory, made at the first start.
      assertTrue(Files.isRegularFile(dir.resolve("parley.db")), "parley.db in " + dir);
    } finally {
      process.destroy();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
    }
  }

  @Test
  void historyLastsAcrossARestartOnTheDefaultStore() throws Exception {
    Path config = dir.resolve("config.json");
    // No store setting: the default, parley.db in the working directory.
    Files.writeString(
        config,
        "{\"server\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"web\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"irc\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"http\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"shutdown\": {\"drainSeconds\": 1}}");
    Process first = start("--config", config.toString());
    try (ChatClient alice = ChatClient.join(chatPort(first), "alice")) {
      alice.say("said before the restart");
      alice.expect("alice: said before the restart");
      first.destroy(); // SIGTERM
      alice.expect("* server is shutting down");
    }
    assertTrue(first.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
    assertEquals(0, first.exitValue());
    assertTrue(Files.isRegularFile(dir.resolve("parley.db")), "parley.db in " + dir);

    Process second = start("--config", config.toString());
    try (ChatClient bob = ChatClient.connect(chatPort(second))) {
      bob.expect("* welcome to parley, what is your name?");
      bob.say("bob");
      bob.expect("* you are bob").expect("* online (1): bob").expect("* history (1):");
      String line = bob.nextLine();
      assertTrue(line.endsWith("] alice: said before the restart"), line);
    } finally {
      second.destroy();
      assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
    }
  }

  private static int chatPort(Process process) throws IOException {
    Matcher listening = LISTENING.matcher(listeningLine(process));
    assertTrue(listening.find());
    return Integer.parseInt(listening.group(1));
  }

  @Test
  void sigtermShutsDownGracefullyAndExitsWithZero() throws Exception {
    Path config = dir.resolve("config.json");
    Files.writeString(
        config,
        "{\"server\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"web\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"irc\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"http\": {\"host\": \"127.0.0.1\", \"port\": 0},"
            + " \"shutdown\": {\"drainSeconds\": 2}}");
    Process process = start("--config", config.toString());
    Matcher listening = LISTENING.matcher(listeningLine(process));
    assertTrue(listening.find());
    int port = Integer.parseInt(listening.group(1));
    try (ChatClient alice = ChatClient.join(port, "alice")) {
      alice.say("before the end");
      alice.expect("alice: before the end");

      process.destroy(); // SIGTERM

      alice.expect("* server is shutting down");
      alice.expectClosed();
    }
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the server did not exit");
    assertEquals(0, process.exitValue());
  }
}
