package dev.parley.test;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway, real PostgreSQL server for tests: the machine's own {@code postgres} (from the
 * highest {@code /usr/lib/postgresql/N/bin}, else next to the real {@code initdb} on the PATH), its
 * data, Unix socket and log ({@code server.log}) in a fresh temporary directory, listening on a
 * free port of 127.0.0.1 only, trusting every connection, with an empty database {@code parley}
 * owned by the superuser {@code parley} (no password).
 *
 * <p>PostgreSQL refuses to run as root. When the JVM runs as root (as CI does), every PostgreSQL
 * command runs as the user {@code nobody} through {@code runuser}, in a temporary directory under
 * {@code /tmp} handed to that user.
 *
 * <p>Every method blocks, for at most {@value #TIMEOUT_SECONDS} s per PostgreSQL command: call them
 * from the test thread, not an event loop. Not thread-safe. Should the JVM exit without {@link
 * #close()}, a shutdown hook stops the server and deletes its directory.
 */
public final class PostgresServer implements AutoCloseable {
  private static final String USER = "parley";
  private static final String RUN_AS = "nobody";
  private static final long TIMEOUT_SECONDS = 90;

  private final Path bin;
  private final Path dir;
  private final List<String> prefix;
  private final Thread hook = new Thread(this::closeQuietly, "postgres-cleanup");
  private int port;

  private PostgresServer(Path bin, Path dir, List<String> prefix) {
    this.bin = bin;
    this.dir = dir;
    this.prefix = prefix;
  }

  /**
   * Creates a database cluster in a new temporary directory, starts its server on a free loopback
   * port and creates the database {@code parley}. If anything fails, everything is removed again.
   *
   * @throws IOException if PostgreSQL is not installed, or a command fails or times out (the
   *     message carries its output, and for the server's start the tail of its log)
   * @throws InterruptedException if the thread is interrupted meanwhile (the command is killed)
   */
  public static PostgresServer start() throws IOException, InterruptedException {
    boolean root = isRoot();
    Path parent = Path.of(root ? "/tmp" : System.getProperty("java.io.tmpdir"));
    List<String> prefix = root ? List.of("/usr/sbin/runuser", "-u", RUN_AS, "--") : List.of();
    PostgresServer server =
        new PostgresServer(findBinaries(), Files.createTempDirectory(parent, "parley-pg"), prefix);
    try {
      if (root) {
        var users = server.dir.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(server.dir, users.lookupPrincipalByName(RUN_AS));
      }
      server.run("initdb", "-U", USER, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync");
      Runtime.getRuntime().addShutdownHook(server.hook);
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        server.port = socket.getLocalPort();
      }
      server.startAgain();
      server.run("createdb", "-w", "parley");
      return server;
    } catch (Throwable e) {
      try {
        server.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The database's URL, {@code jdbc:postgresql://127.0.0.1:PORT/parley}. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/parley";
  }

  /** The superuser to connect as, {@code parley}; it needs no password. */
  public String user() {
    return USER;
  }

  /** The server's TCP port on 127.0.0.1; it stays the same across {@link #startAgain()}. */
  public int port() {
    return port;
  }

  /**
   * Stops the server (fast: open sessions are cut) and waits until it is down, keeping its data for
   * {@link #startAgain()}. Does nothing if it is not running.
   *
   * @throws IOException if {@code pg_ctl stop} fails or times out
   * @throws InterruptedException if the thread is interrupted meanwhile
   */
  public void stop() throws IOException, InterruptedException {
    if (isRunning()) {
      run("pg_ctl", "-m", "fast", "-w", "-t", "60", "stop");
    }
  }

  /**
   * Starts the stopped server again, on the same port with the same data, and waits until it
   * accepts connections.
   *
   * @throws IllegalStateException if it is running
   * @throws IOException if {@code pg_ctl start} fails or times out (with the tail of the log)
   * @throws InterruptedException if the thread is interrupted meanwhile
   */
  public void startAgain() throws IOException, InterruptedException {
    if (isRunning()) {
      throw new IllegalStateException("PostgreSQL is running in " + dir);
    }
    Path log = dir.resolve("server.log");
    String options = "-h 127.0.0.1 -p " + port + " -k '" + dir + "' -c fsync=off";
    try {
      run("pg_ctl", "-l", log.toString(), "-w", "-t", "60", "-o", options, "start");
    } catch (IOException e) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      String tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
      throw new IOException(e.getMessage() + "\n--- server.log (tail) ---\n" + tail, e);
    }
  }

  /**
   * Starts the server again if a test left it stopped.
   *
   * @throws IOException if {@code pg_ctl start} fails or times out
   * @throws InterruptedException if the thread is interrupted meanwhile
   */
  public void startAgainIfStopped() throws IOException, InterruptedException {
    if (!isRunning()) {
      startAgain();
    }
  }

  /**
   * Stops the server if it runs, then deletes the temporary directory with all the data.
   *
   * @throws IOException if stopping or deleting fails; an {@link InterruptedIOException}, with the
   *     thread's interrupt flag set again, if the thread is interrupted while stopping
   */
  @Override
  public void close() throws IOException {
    try {
      stop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while stopping PostgreSQL in " + dir);
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException exiting) { // the hook runs instead
      }
      delete(dir);
    }
  }

  private boolean isRunning() {
    return Files.exists(dir.resolve("data").resolve("postmaster.pid"));
  }

  private void closeQuietly() {
    try {
      close();
    } catch (IOException e) { // best effort while the JVM exits
    }
  }

  /** Runs a program of {@link #bin} in {@link #dir}, as {@link #RUN_AS} if we are root. */
  private void run(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(prefix);
    command.add(bin.resolve(program).toString());
    command.addAll(Arrays.asList(args));
    Path out = dir.resolve("command.out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.redirectErrorStream(true).redirectOutput(out.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("PG"));
    env.putAll(Map.of("LC_ALL", "C", "PGDATA", dir.resolve("data").toString(), "PGUSER", USER));
    if (port != 0) { // for the client programs; the server gets its port from pg_ctl -o
      env.putAll(Map.of("PGHOST", "127.0.0.1", "PGPORT", String.valueOf(port)));
    }
    Process process = builder.start();
    boolean done;
    try {
      done = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
    if (!done) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    if (!done || process.exitValue() != 0) {
      String how = done ? "exited with " + process.exitValue() : "timed out";
      String output = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
      throw new IOException(String.join(" ", command) + " " + how + ":\n" + output);
    }
  }

  /** The highest /usr/lib/postgresql/N/bin, else the real directory of an initdb on the PATH. */
  private static Path findBinaries() throws IOException {
    List<Path> dirs = new ArrayList<>();
    if (Files.isDirectory(Path.of("/usr/lib/postgresql"))) {
      try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
        versions
            .filter(p -> p.getFileName().toString().matches("\\d+(\\.\\d+)?"))
            .sorted(Comparator.comparing((Path p) -> Double.valueOf(p.getFileName().toString())))
            .forEach(p -> dirs.add(0, p.resolve("bin"))); // highest version first
      }
    }
    for (String entry : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path initdb = Path.of(entry, "initdb");
      if (!entry.isEmpty() && Files.isExecutable(initdb)) {
        dirs.add(initdb.toRealPath().getParent());
      }
    }
    for (Path dir : dirs) { // a wrapper script's directory (Debian's /usr/bin) lacks postgres
      if (Stream.of("initdb", "pg_ctl", "postgres", "createdb")
          .allMatch(name -> Files.isExecutable(dir.resolve(name)))) {
        return dir;
      }
    }
    throw new IOException(
        "PostgreSQL not found in /usr/lib/postgresql/*/bin or on the PATH (want initdb, pg_ctl,"
            + " postgres and createdb); on Debian: apt-get install postgresql");
  }

  private static boolean isRoot() {
    try {
      return "root".equals(System.getProperty("user.name"))
          || Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }
}
