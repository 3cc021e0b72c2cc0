package dev.parley.examples;

import dev.parley.api.ParleyEvent;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where an archive stands in each run of events: the last sequence number seen in each run, and the
 * last {@value #RECENT} events of each by number. Rooms of one room group share a run; in a cluster
 * the events of several runs interleave, so each run is followed on its own. The recent events tell
 * an event seen again (a repeat) from another event that a room's new host gave a number already
 * used, which happens when the old host's last events reached this consumer but no node that runs
 * Parley (docs/event-bus.md, "Across a failover"). At most {@value #MAX_RUNS} runs are remembered,
 * the least recently seen forgotten first. Confined to the archiver's context.
 */
final class ArchivedRuns {
  private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

  /** How many events of each run are remembered by number. */
  static final int RECENT = 1024;

  /** How many runs are remembered. */
  static final int MAX_RUNS = 256;

  /** Where an event falls in its run. */
  enum Place {
    /** The run's next event, or the first one seen of the run. */
    NEXT,
    /** After a gap: events before it were missed. */
    AFTER_GAP,
    /** Seen before: a repeat. */
    SEEN,
    /** A number seen before, on another event: the room's new host numbered this one again. */
    RENUMBERED
  }

  private static final class Run {
    long last;
    final Map<Long, String> recent =
        new LinkedHashMap<>() {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > RECENT;
          }
        };
  }

  private final Map<String, Run> runs =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Run> eldest) {
          return size() > MAX_RUNS;
        }
      };

  /** Where {@code event} falls in its run, compared with what was noted before. */
  Place place(ParleyEvent event) {
    Run run = runs.get(event.run());
    if (run == null || event.seq() == run.last + 1) {
      return Place.NEXT;
    }
    if (event.seq() > run.last + 1) {
      return Place.AFTER_GAP;
    }
    String before = run.recent.get(event.seq());
    return before == null || before.equals(event.toJson().encode()) ? Place.SEEN : Place.RENUMBERED;
  }

  /**
   * The last sequence number seen in {@code run}, 0 when none was.
   *
   * @param run a run id
   */
  long last(String run) {
    Run r = runs.get(run);
    return r == null ? 0 : r.last;
  }

  /**
   * The archived event with {@code seq} in {@code run}, as JSON text, or null if not remembered.
   */
  String recent(String run, long seq) {
    Run r = runs.get(run);
    return r == null ? null : r.recent.get(seq);
  }

  /**
   * Notes an event as seen, and as the last one of its run if its number is the highest yet.
   *
   * @param json the event as JSON text, {@code event.toJson().encode()}
   */
  void note(ParleyEvent event, String json) {
    Run run = runs.computeIfAbsent(event.run(), k -> new Run());
    run.recent.put(event.seq(), json);
    run.last = Math.max(run.last, event.seq());
  }

  /** Notes that events up to {@code seq} of {@code run} are in the archive (read back at start). */
  void noteArchived(String run, long seq) {
    Run r = runs.computeIfAbsent(run, k -> new Run());
    r.last = Math.max(r.last, seq);
  }

  /**
   * Reads where the archive stands in each run: first cuts off a last line that has no line end (a
   * write interrupted by a crash), then reads every line. Blocking: call it off the event loop.
   *
   * @return the highest archived sequence number of each run; empty for a missing or empty archive
   * @throws UncheckedIOException if the file cannot be read or cut
   */
  static Map<String, Long> read(Path file) {
    Map<String, Long> last = new HashMap<>();
    if (!Files.exists(file)) {
      return last;
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long end = raf.length();
      long pos = end - 1;
      while (pos >= 0 && readByte(raf, pos) != '\n') {
        pos--;
      }
      if (pos + 1 < end) {
        LOG.warn("removing an incomplete last line from {}", file);
        raf.setLength(pos + 1);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines
          .filter(line -> !line.isBlank())
          .map(JsonObject::new)
          .forEach(json -> last.merge(json.getString("run"), json.getLong("seq"), Math::max));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return last;
  }

  private static int readByte(RandomAccessFile raf, long pos) throws IOException {
    raf.seek(pos);
    return raf.read();
  }
}
