package dev.parley.examples;

import dev.parley.Parley;
import dev.parley.api.ApiAddresses;
import dev.parley.api.ChatMessage;
import dev.parley.api.EventStream;
import dev.parley.api.ParleyEvent;
import dev.parley.api.RoomClient;
import dev.parley.config.ParleyConfig;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An example archiver: appends the events of the rooms it is told to (every room if none) to a
 * file, one JSON line each, in their order. It follows the events of every room and keeps those of
 * its rooms: the rooms of a room group share one order of sequence numbers (a {@code run}), so only
 * the whole stream shows a gap; each run is followed on its own ({@link ArchivedRuns}). On start it
 * resumes cleanly: a last line cut short by a crash is removed, and events already in the file
 * (same {@code run}, {@code seq} not above the run's last one archived) are not written again. When
 * the sequence numbers jump within a run (events published while it did not run, or lost in a
 * failover), it fills the gap with the chat lines of history ({@link RoomClient#history}), so that
 * every chat line is in the file exactly once, in order; arrivals, departures and renames in a gap
 * cannot be fetched, and what stays missing is logged. An event whose number the room's new host
 * gave again to another event after a failover (the rare case of docs/event-bus.md) is logged and
 * listed by {@link #renumbered()}; the new event is archived too. Run by hand with {@code java -cp
 * target/parley.jar dev.parley.examples.Archiver parley-archive.jsonl}.
 */
public final class Archiver extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

  /** How long a gap's filling waits for history to answer while the room moves, in seconds. */
  private static final long FILL_PATIENCE_SECONDS = 120;

  /** The most lines one gap is filled with; history keeps at most {@code history.maxLines}. */
  private static final int MAX_FILL = 100_000;

  private final Path file;
  private final Set<String> rooms = new HashSet<>();
  private final Map<String, Boolean> recorded = new HashMap<>();
  private final ArrayDeque<ParleyEvent> pending = new ArrayDeque<>();
  private RoomClient room;
  private boolean filling;
  // Set when the archiver stops: completed once no event waits and no gap is being filled.
  private Promise<Void> drained;
  // While history is asked again after a pause: the timer, and the fill that waits for it.
  private long retryTimer = -1;
  private Promise<Void> retrying;
  private AsyncFile out;
  private EventStream events;
  private final ArchivedRuns runs = new ArchivedRuns();
  private final List<JsonObject> renumbered = new CopyOnWriteArrayList<>();

  /**
   * Creates the archiver.
   *
   * @param file the archive, created if absent, appended to otherwise
   */
  public Archiver(Path file) {
    this(file, List.of());
  }

  /**
   * Creates an archiver of some rooms.
   *
   * @param file the archive, created if absent, appended to otherwise
   * @param rooms the rooms to record, names with or without their {@code #}, matched the way room
   *     names collide; none for every room
   * @throws IllegalArgumentException if a room name is not valid
   */
  public Archiver(Path file, List<String> rooms) {
    this.file = file;
    for (String room : rooms) {
      this.rooms.add(ApiAddresses.events(room));
    }
  }

  /** Whether the events of a room go to the file. */
  private boolean records(String room) {
    if (rooms.isEmpty()) {
      return true;
    }
    if (recorded.size() > 4096) {
      recorded.clear();
    }
    return recorded.computeIfAbsent(room, r -> rooms.contains(ApiAddresses.events(r)));
  }

  @Override
  public Future<?> start() {
    return vertx
        .executeBlocking(() -> ArchivedRuns.read(file))
        .compose(
            archived -> {
              archived.forEach(runs::noteArchived);
              return vertx.fileSystem().open(file.toString(), new OpenOptions().setAppend(true));
            })
        .compose(
            file -> {
              out = file;
              room = RoomClient.create(vertx);
              events = room.events();
              events.handler(this::onEvent);
              return events.completion();
            });
  }

  private void onEvent(ParleyEvent event) {
    pending.addLast(event);
    drain();
  }

  /** Archives the waiting events in order, stopping to fill a gap from history first. */
  private void drain() {
    while (!filling && !pending.isEmpty()) {
      ParleyEvent event = pending.peekFirst();
      if (runs.place(event) == ArchivedRuns.Place.AFTER_GAP) {
        filling = true;
        fill(event)
            .onComplete(
                ar -> {
                  filling = false;
                  archive(pending.pollFirst());
                  drain();
                });
        return;
      }
      archive(pending.pollFirst());
    }
    if (drained != null && !filling && pending.isEmpty()) {
      drained.tryComplete();
    }
  }

  /**
   * Writes the chat lines of the gap before {@code next} that history still has. A gap is seen when
   * the room has just moved to another node, and history may not answer until the move is over:
   * while it is unavailable, it is asked again after 0.5, 1, 2, 4 … (at most 5) seconds, for at
   * most {@value #FILL_PATIENCE_SECONDS} s. Later events wait in order meanwhile.
   */
  private Future<Void> fill(ParleyEvent next) {
    return fill(next, 0, System.nanoTime());
  }

  private Future<Void> fill(ParleyEvent next, int attempt, long since) {
    long after = runs.last(next.run());
    int gap = (int) Math.min(MAX_FILL, next.seq() - after - 1);
    return room.history(null, gap, next.seq())
        .map(
            lines -> {
              int filled = 0;
              for (ChatMessage line : lines) {
                if (line.run().equals(next.run())
                    && line.seq() > after
                    && line.seq() < next.seq()
                    && records(line.room())) {
                  write(line);
                  filled++;
                }
              }
              if (filled > 0) {
                LOG.info(
                    "events {} to {} were missed; filled {} chat lines from history",
                    after + 1,
                    next.seq() - 1,
                    filled);
              }
              if (filled < gap) {
                LOG.warn(
                    "events {} to {} were missed; history gave {} chat lines of them",
                    after + 1,
                    next.seq() - 1,
                    filled);
              }
              return (Void) null;
            })
        .recover(
            err -> {
              long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - since);
              if (unavailable(err) && waited < FILL_PATIENCE_SECONDS && drained == null) {
                Promise<Void> again = Promise.promise();
                long delay = Math.min(5000, 500L << Math.min(attempt, 4));
                retrying = again;
                retryTimer =
                    vertx.setTimer(
                        delay,
                        t -> {
                          retryTimer = -1;
                          retrying = null;
                          fill(next, attempt + 1, since).onComplete(again);
                        });
                return again.future();
              }
              LOG.warn(
                  "events {} to {} were missed; history did not answer: {}",
                  after + 1,
                  next.seq() - 1,
                  err.getMessage());
              return Future.succeededFuture();
            });
  }

  /** Whether a request failed because the room did not answer (it may be moving). */
  private static boolean unavailable(Throwable failure) {
    return failure instanceof ReplyException e && e.failureCode() == ErrorCode.UNAVAILABLE.code();
  }

  private void archive(ParleyEvent event) {
    switch (runs.place(event)) {
      case SEEN -> {
        return;
      }
      case RENUMBERED -> {
        JsonObject before = new JsonObject(runs.recent(event.run(), event.seq()));
        LOG.warn(
            "event {} of run {} was numbered again by the room's new host: the one archived"
                + " before ({}) was kept by no Parley node",
            event.seq(),
            event.run(),
            before.encode());
        if (records(before.getString("room"))) {
          renumbered.add(before);
        }
      }
      default -> {}
    }
    write(event);
  }

  /**
   * The archived events whose numbers a room's new host gave to other events after a failover:
   * events that the old host published before it died and that no Parley node kept (a chat line
   * among them was not acknowledged to its sender, and may be in the archive again later, under its
   * new number). Safe to call from any thread.
   *
   * @return a copy of the list, oldest first; empty in the usual case
   */
  public List<JsonObject> renumbered() {
    return List.copyOf(renumbered);
  }

  /** Notes the event as seen, and writes it if its room is recorded. */
  private void write(ParleyEvent event) {
    String json = event.toJson().encode();
    runs.note(event, json);
    if (records(event.room())) {
      out.write(Buffer.buffer(json + "\n"));
    }
  }

  /**
   * Stops: no more events are taken; a gap being filled is finished (without asking history again
   * if it does not answer) and the events that wait are written before the file is closed.
   */
  @Override
  public Future<?> stop() {
    drained = Promise.promise();
    if (retryTimer >= 0) {
      // History is not asked again: the gap stays as it is, and the file is closed.
      vertx.cancelTimer(retryTimer);
      retryTimer = -1;
      LOG.warn("stopping while history does not answer: the gap being filled stays missed");
      retrying.complete();
      retrying = null;
    }
    Future<Void> unsubscribed = events == null ? Future.succeededFuture() : events.close();
    return unsubscribed
        .eventually(
            () -> {
              drain();
              return drained.future();
            })
        .eventually(() -> out == null ? Future.succeededFuture() : out.close());
  }

  /**
   * Runs Parley with {@code conf/config.json} and the archiver in one process.
   *
   * @param args the archive file ({@code parley-archive.jsonl} if none is given), then the rooms to
   *     record (every room if none)
   */
  public static void main(String[] args) {
    Path file = Path.of(args.length > 0 ? args[0] : "parley-archive.jsonl");
    List<String> rooms = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
    Vertx vertx = Vertx.vertx();
    Parley.deploy(vertx, ParleyConfig.defaults())
        .compose(parley -> vertx.deployVerticle(new Archiver(file, rooms)))
        .onSuccess(id -> System.out.println("archiving the rooms' events to " + file))
        .onFailure(
            err -> {
              System.err.println("cannot start: " + err.getMessage());
              vertx.close();
            });
  }
}
