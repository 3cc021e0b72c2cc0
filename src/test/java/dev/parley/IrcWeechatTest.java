package dev.parley;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real IRC client end to end (PROTOCOL.md section 14): WeeChat headless (Debian's {@code
 * weechat-headless}, which {@code .ci/run} installs) connects to the IRC port, joins a room, says a
 * line that an {@code nc}-style member receives, and shows that member's reply in its channel log.
 */
@ExtendWith(VertxExtension.class)
class IrcWeechatTest {
  private static final Path WEECHAT = Path.of("/usr/bin/weechat-headless");

  @RegisterExtension final ChatClients clients = new ChatClients();

  @TempDir Path home;

  private Process weechat;

  @AfterEach
  void stop() throws InterruptedException {
    if (weechat != null && weechat.isAlive()) {
      weechat.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void weechatJoinsARoomAndTalksWithALineMember(Vertx vertx) throws Exception {
    assertTrue(
        Files.isExecutable(WEECHAT),
        WEECHAT + " is missing: apt-get install weechat-headless (.ci/run does)");
    Parley parley = TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0));
    ChatClient bob = clients.join(parley.port(), "bob");
    bob.say("/join #test");
    bob.readUntil("* now in #test");
    bob.expectStartsWith("* online (");

    // The logger writes each buffer's lines at once; the server's command runs after 001; the
    // client quits by itself after 60 s whatever happens.
    String commands =
        String.join(
            ";",
            "/set logger.file.flush_delay 0",
            "/set logger.file.auto_log on",
            "/server add parley 127.0.0.1/" + parley.ircPort(),
            "/set irc.server.parley.nicks wcbot",
            "/set irc.server.parley.username wcbot",
            "/set irc.server.parley.realname weechat",
            "/set irc.server.parley.tls off",
            "/set irc.server.parley.command \"/join #test\\;/msg #test hello from weechat\"",
            "/connect parley",
            "/wait 60 /quit -yes");
    weechat =
        new ProcessBuilder(WEECHAT.toString(), "--dir", home.toString(), "-r", commands)
            .redirectErrorStream(true)
            .redirectOutput(home.resolve("weechat.out").toFile())
            .start();

    bob.expect("* wcbot has arrived");
    bob.expect("wcbot: hello from weechat");
    bob.say("hello from nc");
    bob.expect("bob: hello from nc");
    awaitLine(home.resolve("logs").resolve("irc.parley.#test.weechatlog"), "bob\thello from nc");

    weechat.destroy();
    bob.expectStartsWith("* wcbot has left");
  }

  /**
   * Waits, on the file system's events, until {@code file} has a line that ends with {@code text}.
   */
  private static void awaitLine(Path file, String text) throws IOException, InterruptedException {
    Files.createDirectories(file.getParent());
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ChatClient.TIMEOUT_MILLIS);
    try (WatchService watch = FileSystems.getDefault().newWatchService()) {
      file.getParent()
          .register(
              watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
      while (System.nanoTime() < deadline) {
        if (Files.exists(file)
            && Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .anyMatch(line -> line.endsWith(text))) {
          return;
        }
        var key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
    throw new AssertionError("WeeChat's log " + file + " has no line ending with <" + text + ">");
  }
}
