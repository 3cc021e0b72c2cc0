package dev.parley.test;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A clustered Parley node in a process of its own, started from the fat jar on 127.0.0.1, as the
 * README starts one: chat on {@link #port()}, no flood control. Everything it prints goes to {@code
 * target/<logs>/node<N>.log} and can be awaited with {@link #awaitOutput}. Its store is the memory
 * store: it writes no file.
 */
public final class NodeProcess {
  /** The fat jar the nodes run. */
  public static final Path JAR = Path.of("target", "parley.jar");

  /** The lowest port {@link #freePort} picks. */
  private static final int LOWEST_PORT = 10_000;

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Process process;
  private final int port;
  private final BlockingQueue<String> output;
  private final Path log;
  private final int opsPort;
  private final int ircPort;

  private NodeProcess(
      Process process, int port, BlockingQueue<String> output, Path log, int opsPort, int ircPort) {
    this.opsPort = opsPort;
    this.ircPort = ircPort;
    this.process = process;
    this.port = port;
    this.output = output;
    this.log = log;
  }

  /**
   * A TCP port on 127.0.0.1 that is free now, chosen below the kernel's ephemeral range: a port the
   * kernel handed out for {@code bind(0)} could be given to an outgoing connection (the nodes' own
   * Hazelcast connections) before the node that is to listen on it binds it.
   */
  public static int freePort() {
    int ephemeralLow = ephemeralLow();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200 && ephemeralLow > LOWEST_PORT + 1000; attempt++) {
      int port = LOWEST_PORT + random.nextInt(ephemeralLow - LOWEST_PORT);
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException inUse) {
        // try another
      }
    }
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The first port of the kernel's ephemeral range (Linux), 32768 when it cannot be read. Read line
   * by line: {@code Files.readString} sizes its buffer by the file's size, which procfs gives as 0,
   * and returned only the first character.
   */
  private static int ephemeralLow() {
    try {
      return Integer.parseInt(
          Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
              .get(0)
              .trim()
              .split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return 32768;
    }
  }

  /**
   * Starts node {@code index} and waits until it listens for chat.
   *
   * @param dir where its configuration file goes
   * @param logs the folder under {@code target/} for its log
   * @param index the node's number, for its files
   * @param clusterPort its Hazelcast port
   * @param members every node's {@code 127.0.0.1:port}
   * @param clusterName the cluster's name
   * @param prefix the command words before {@code java} (such as {@code taskset -c 0}), or none
   */
  public static NodeProcess start(
      Path dir,
      String logs,
      int index,
      int clusterPort,
      JsonArray members,
      String clusterName,
      List<String> prefix)
      throws IOException, InterruptedException {
    assertTrue(Files.exists(JAR), "build the fat jar first: mvn package");
    int chatPort = freePort();
    int opsPort = freePort();
    int ircPort = freePort();
    JsonObject config =
        new JsonObject()
            .put("server", new JsonObject().put("host", "127.0.0.1").put("port", chatPort))
            .put(
                "limits",
                new JsonObject().put("linesPerSecond", 0).put("maxConnectionsPerAddress", 0))
            // Enough to keep every line of a failover test's chat.
            .put("history", new JsonObject().put("maxLines", 5000))
            // A cluster node may not use the SQLite default; these nodes keep nothing on disk.
            .put("store", new JsonObject().put("kind", "memory"))
            .put("http", new JsonObject().put("host", "127.0.0.1").put("port", opsPort))
            .put("web", new JsonObject().put("host", "127.0.0.1").put("port", freePort()))
            .put("irc", new JsonObject().put("host", "127.0.0.1").put("port", ircPort))
            .put(
                "cluster",
                new JsonObject()
                    .put("enabled", true)
                    .put("name", clusterName)
                    .put("host", "127.0.0.1")
                    .put("port", clusterPort)
                    .put("members", members)
                    .put("eventBusHost", "127.0.0.1"));
    Path file = dir.resolve("node" + index + ".json");
    Files.writeString(file, config.encodePrettily());
    List<String> command = new ArrayList<>(prefix);
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-jar",
            JAR.toString(),
            "--config",
            file.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> output = new LinkedBlockingQueue<>();
    Path folder = Path.of("target", logs);
    Files.createDirectories(folder);
    Path log = folder.resolve("node" + index + ".log");
    BufferedWriter logWriter = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (logWriter;
                  BufferedReader in =
                      new BufferedReader(
                          new InputStreamReader(
                              process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  output.add(line);
                  logWriter.write(line);
                  logWriter.newLine();
                  logWriter.flush();
                }
              } catch (IOException e) {
                // the process is gone
              }
            });
    reader.setDaemon(true);
    reader.start();
    NodeProcess node = new NodeProcess(process, chatPort, output, log, opsPort, ircPort);
    try {
      node.awaitOutput("listening for chat");
    } catch (AssertionError | InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
    return node;
  }

  /**
   * The node's readiness checks ({@code /health/ready}), by check id: each check's {@code data},
   * with {@code "status"} added; empty when the node does not answer.
   */
  public Map<String, JsonObject> readiness() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      Map<String, JsonObject> checks = new HashMap<>();
      JsonArray all = new JsonObject(response.body()).getJsonArray("checks", new JsonArray());
      for (Object o : all) {
        JsonObject check = (JsonObject) o;
        checks.put(
            check.getString("id"),
            check
                .getJsonObject("data", new JsonObject())
                .copy()
                .put("status", check.getString("status")));
      }
      return checks;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Map.of();
    }
  }

  /**
   * How many rooms with members this node orders ({@code parley_rooms} on {@code /metrics}), or -1
   * when it does not answer.
   */
  public int roomsOrdered() {
    try {
      String metrics =
          HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opsPort + "/metrics"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      for (String line : metrics.split("\n")) {
        if (line.startsWith("parley_rooms ")) {
          return (int) Double.parseDouble(line.substring("parley_rooms ".length()).trim());
        }
      }
      return -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** The node's process. */
  public Process process() {
    return process;
  }

  /** The node's chat port. */
  public int port() {
    return port;
  }

  /** The node's IRC port. */
  public int ircPort() {
    return ircPort;
  }

  /** The node's log file. */
  public Path log() {
    return log;
  }

  /**
   * Waits until the node prints a line that contains {@code text}: at most 60 s without any line,
   * and not past the process's end (then the failure quotes its last lines).
   */
  public void awaitOutput(String text) throws InterruptedException {
    ArrayDeque<String> last = new ArrayDeque<>();
    long quietSince = System.nanoTime();
    while (true) {
      String line = output.poll(200, TimeUnit.MILLISECONDS);
      if (line == null) {
        if (!process.isAlive() && output.isEmpty()) {
          throw new AssertionError(
              "the node exited with status "
                  + process.exitValue()
                  + " before printing \""
                  + text
                  + "\"; its last lines: "
                  + String.join(" | ", last)
                  + "; see "
                  + log);
        }
        if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(60)) {
          throw new AssertionError(
              "the node did not print \"" + text + "\" within 60 s; see " + log);
        }
        continue;
      }
      quietSince = System.nanoTime();
      if (line.contains(text)) {
        return;
      }
      last.addLast(line);
      if (last.size() > 5) {
        last.pollFirst();
      }
    }
  }
}
