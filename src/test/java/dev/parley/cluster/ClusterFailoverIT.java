package dev.parley.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three fat-jar nodes on 127.0.0.1; members on all of them chat steadily; the node that hosts the
 * room is killed with SIGKILL. A standby takes the room over, the members on the surviving nodes
 * stay connected, and every line they sent reaches every one of them exactly once, in one order.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusterFailoverIT {
  private static final int LINES_PER_SENDER = 400;
  private static final long LINE_INTERVAL_MILLIS = 10;
  private static final Path JAR = Path.of("target", "parley.jar");

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();
  private final List<ChatClient> clients = new ArrayList<>();

  /** A running node: its process, chat port and everything it has printed. */
  private record Node(Process process, int port, BlockingQueue<String> output) {}

  @AfterEach
  void stopEverything() {
    clients.forEach(ChatClient::close);
    processes.forEach(Process::destroyForcibly);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Node start(int index, int chatPort, int clusterPort, JsonArray members) throws Exception {
    JsonObject config =
        new JsonObject()
            .put("server", new JsonObject().put("host", "127.0.0.1").put("port", chatPort))
            .put("limits", new JsonObject().put("linesPerSecond", 0))
            .put("http", new JsonObject().put("host", "127.0.0.1").put("port", freePort()))
            .put(
                "cluster",
                new JsonObject()
                    .put("enabled", true)
                    .put("name", "parley-it-" + members.getString(0).hashCode())
                    .put("host", "127.0.0.1")
                    .put("port", clusterPort)
                    .put("members", members)
                    .put("eventBusHost", "127.0.0.1"));
    Path file = dir.resolve("node" + index + ".json");
    Files.writeString(file, config.encodePrettily());
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString(),
                "--config",
                file.toString())
            .redirectErrorStream(true)
            .start();
    processes.add(process);
    BlockingQueue<String> output = new LinkedBlockingQueue<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  output.add(line);
                  System.out.println("node" + index + " | " + line);
                }
              } catch (IOException e) {
                // the process is gone
              }
            });
    reader.setDaemon(true);
    reader.start();
    Node node = new Node(process, chatPort, output);
    awaitOutput(node, "listening for chat");
    return node;
  }

  private static void awaitOutput(Node node, String text) throws InterruptedException {
    while (true) {
      String line = node.output().poll(60, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("the node did not print \"" + text + "\" within 60 s");
      }
      if (line.contains(text)) {
        return;
      }
    }
  }

  private ChatClient join(Node node, String name) {
    ChatClient client = ChatClient.join(node.port(), name);
    clients.add(client);
    return client;
  }

  @Test
  void killingTheRoomHostLosesNoLineOfTheSurvivors() throws Exception {
    assertTrue(Files.exists(JAR), "build the fat jar first: mvn package");
    List<Integer> clusterPorts = List.of(freePort(), freePort(), freePort());
    JsonArray members = new JsonArray();
    clusterPorts.forEach(p -> members.add("127.0.0.1:" + p));
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      nodes.add(start(i, freePort(), clusterPorts.get(i), members));
    }
    Node host = nodes.get(0);

    ChatClient doomed = join(host, "doomed");
    List<ChatClient> survivors =
        List.of(
            join(nodes.get(1), "ann"),
            join(nodes.get(1), "ben"),
            join(nodes.get(2), "cat"),
            join(nodes.get(2), "dan"));
    ChatClient last = survivors.get(survivors.size() - 1);
    for (ChatClient c : survivors) {
      if (c != last) {
        c.readUntil("* dan has arrived");
      }
    }
    doomed.readUntil("* dan has arrived");

    ExecutorService readers = Executors.newFixedThreadPool(survivors.size());
    ScheduledExecutorService senders = Executors.newScheduledThreadPool(survivors.size());
    try {
      CountDownLatch chatting = new CountDownLatch(1);
      List<Future<Observed>> observed = new ArrayList<>();
      for (ChatClient c : survivors) {
        observed.add(readers.submit(() -> observe(c, survivors.size(), chatting)));
      }
      List<CompletableFuture<Void>> sent = new ArrayList<>();
      for (ChatClient c : survivors) {
        sent.add(sendSteadily(senders, c));
      }
      // Once the chat is well under way, kill the room's host without warning.
      assertTrue(chatting.await(30, TimeUnit.SECONDS), "the chat never got going");
      long killedAt = System.nanoTime();
      host.process().destroyForcibly();

      CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
      List<Observed> all = new ArrayList<>();
      for (Future<Observed> o : observed) {
        all.add(o.get(90, TimeUnit.SECONDS));
      }
      long failoverMillis = TimeUnit.NANOSECONDS.toMillis(all.get(0).lostAt() - killedAt);
      for (Observed o : all) {
        assertEquals(all.get(0).lines(), o.lines(), "every survivor saw one order");
      }
      int delivered = 0;
      for (ChatClient c : survivors) {
        String name = nameOf(c, survivors);
        List<String> own =
            all.get(0).lines().stream().filter(l -> l.startsWith(name + ": ")).toList();
        assertEquals(LINES_PER_SENDER, own.size(), name + "'s lines delivered");
        for (int i = 0; i < LINES_PER_SENDER; i++) {
          assertEquals(name + ": line " + i, own.get(i));
        }
        delivered += own.size();
      }
      System.out.printf(
          "failover: room back %d ms after SIGKILL; %d lines sent by %d survivors, %d delivered"
              + " to each of them exactly once, in one order%n",
          failoverMillis, LINES_PER_SENDER * survivors.size(), survivors.size(), delivered);
      assertTrue(failoverMillis < 10_000, "failover took " + failoverMillis + " ms");
    } finally {
      readers.shutdownNow();
      senders.shutdownNow();
    }
  }

  private static String nameOf(ChatClient c, List<ChatClient> survivors) {
    return List.of("ann", "ben", "cat", "dan").get(survivors.indexOf(c));
  }

  /** Sends numbered lines at a steady pace, then "done". */
  private static CompletableFuture<Void> sendSteadily(
      ScheduledExecutorService scheduler, ChatClient client) {
    CompletableFuture<Void> finished = new CompletableFuture<>();
    int[] next = {0};
    scheduler.scheduleAtFixedRate(
        () -> {
          if (finished.isDone()) {
            return;
          }
          try {
            if (next[0] < LINES_PER_SENDER) {
              client.say("line " + next[0]++);
            } else {
              client.say("done");
              finished.complete(null);
            }
          } catch (RuntimeException e) {
            finished.completeExceptionally(e);
          }
        },
        0,
        LINE_INTERVAL_MILLIS,
        TimeUnit.MILLISECONDS);
    return finished;
  }

  /** What one survivor saw: the chat lines, and when the dead node's member was declared lost. */
  private record Observed(List<String> lines, long lostAt) {}

  private static Observed observe(ChatClient client, int senders, CountDownLatch chatting) {
    List<String> lines = new ArrayList<>();
    long lostAt = -1;
    int done = 0;
    while (done < senders) {
      String line = client.nextLine();
      if (line.equals("* doomed has left (connection lost)")) {
        lostAt = System.nanoTime();
      } else if (line.endsWith(": done")) {
        done++;
      } else if (!line.startsWith("* ")) {
        lines.add(line);
        if (lines.size() == 200) {
          chatting.countDown();
        }
      }
    }
    assertTrue(lostAt > 0, "the dead node's member was never declared lost");
    return new Observed(lines, lostAt);
  }
}
