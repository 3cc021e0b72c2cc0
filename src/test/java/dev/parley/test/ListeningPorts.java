package dev.parley.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP ports a process listens on, read from Linux's {@code /proc}: the socket inodes among the
 * process's file descriptors, matched against the listening entries of {@code /proc/PID/net/tcp}
 * and {@code tcp6}.
 */
public final class ListeningPorts {
  private static final String LISTEN = "0A";

  private ListeningPorts() {}

  /**
   * Reads the listening ports of a process.
   *
   * @param pid the process id
   * @return every local port of a TCP socket in state LISTEN that the process holds
   * @throws IOException if {@code /proc} cannot be read
   */
  public static Set<Integer> of(long pid) throws IOException {
    Path proc = Path.of("/proc", Long.toString(pid));
    Set<String> inodes = new HashSet<>();
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      for (Path fd : (Iterable<Path>) fds::iterator) {
        try {
          String target = Files.readSymbolicLink(fd).toString();
          if (target.startsWith("socket:[")) {
            inodes.add(target.substring(8, target.length() - 1));
          }
        } catch (IOException closedMeanwhile) {
          // The descriptor was closed while we listed them: not a listening socket.
        }
      }
    }
    Set<Integer> ports = new HashSet<>();
    for (String table : List.of("tcp", "tcp6")) {
      Path file = proc.resolve("net").resolve(table);
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : Files.readAllLines(file)) {
        String[] f = line.trim().split("\\s+");
        // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
        if (f.length > 9 && LISTEN.equals(f[3]) && inodes.contains(f[9])) {
          String local = f[1];
          ports.add(Integer.parseInt(local.substring(local.indexOf(':') + 1), 16));
        }
      }
    }
    return ports;
  }
}
