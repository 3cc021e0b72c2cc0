package dev.parley.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Parley's own meters, registered in a Micrometer {@link MeterRegistry} (Prometheus names in
 * brackets): connections now ({@code parley_connections}), client lines read ({@code
 * parley_lines_in_total}), lines written ({@code parley_lines_out_total}), lines dropped for slow
 * readers ({@code parley_lines_dropped_total}), lines dropped by flood control ({@code
 * parley_flood_drops_total}), disconnects by reason ({@code parley_disconnects_total{reason}}:
 * {@code too slow}, {@code idle}), room takeovers ({@code parley_room_failovers_total}), the rooms
 * with members this node orders ({@code parley_rooms}) and the members connected to this node
 * ({@code parley_members}). There is no label per room: the number of rooms is unbounded. Meters
 * are thread-safe; any verticle may count.
 */
public final class ParleyMetrics {
  private final MeterRegistry registry;
  private final AtomicInteger connections;
  private final AtomicInteger rooms;
  private final AtomicInteger members;
  private final Counter linesIn;
  private final Counter linesOut;
  private final Counter dropped;
  private final Counter floodDrops;
  private final Counter tooSlow;
  private final Counter idle;
  private final Counter failovers;
  private final Counter historyDropped;

  /**
   * Registers Parley's meters.
   *
   * @param registry the registry, shared with Vert.x's own metrics when it has them
   */
  public ParleyMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.connections = registry.gauge("parley.connections", new AtomicInteger());
    this.rooms = registry.gauge("parley.rooms", new AtomicInteger());
    this.members = registry.gauge("parley.members", new AtomicInteger());
    this.linesIn = counter("parley.lines.in", "client lines read");
    this.linesOut = counter("parley.lines.out", "lines written to clients");
    this.dropped =
        counter("parley.lines.dropped", "lines not written because a client's queue was full");
    this.floodDrops = counter("parley.flood.drops", "client lines dropped by flood control");
    this.tooSlow = disconnects("too slow");
    this.idle = disconnects("idle");
    this.failovers =
        Counter.builder("parley.room.failovers")
            .description("times this node took the room over from another node")
            .register(registry);
    this.historyDropped =
        counter(
            "parley.history.dropped",
            "history lines not written to the durable store because its write queue was full");
  }

  private Counter counter(String name, String description) {
    return Counter.builder(name).description(description).register(registry);
  }

  private Counter disconnects(String reason) {
    return Counter.builder("parley.disconnects")
        .description("connections closed by the server, by reason")
        .tag("reason", reason)
        .register(registry);
  }

  /**
   * The registry the meters are in.
   *
   * @return the registry
   */
  public MeterRegistry registry() {
    return registry;
  }

  /**
   * Changes the number of rooms with members that this node orders, by the change in one of the
   * room groups it hosts.
   *
   * @param change the rooms the group gained (negative: lost)
   */
  public void roomsChanged(int change) {
    rooms.addAndGet(change);
  }

  /**
   * Sets the number of members connected to this node (named sessions, in any room).
   *
   * @param count 0 or more
   */
  public void members(int count) {
    members.set(count);
  }

  /**
   * Sets the number of connections this node has now.
   *
   * @param count connections, admitted and not yet closed
   */
  public void connections(int count) {
    connections.set(count);
  }

  /** A complete client line was read. */
  public void lineIn() {
    linesIn.increment();
  }

  /**
   * Lines were written to a client.
   *
   * @param count how many
   */
  public void linesOut(int count) {
    linesOut.increment(count);
  }

  /** A line was not written because the client's outbound queue was full. */
  public void droppedLine() {
    dropped.increment();
  }

  /**
   * Lines were not written because the client's outbound queue was full.
   *
   * @param count how many
   */
  public void droppedLines(int count) {
    dropped.increment(count);
  }

  /** A client line was dropped by flood control. */
  public void floodDrop() {
    floodDrops.increment();
  }

  /** A connection was closed because its outbound queue stayed full. */
  public void tooSlowDisconnect() {
    tooSlow.increment();
  }

  /** A connection was closed for idleness. */
  public void idleDisconnect() {
    idle.increment();
  }

  /** This node took the room over from another node. */
  public void failover() {
    failovers.increment();
  }

  /**
   * History lines were dropped from the durable store's full write queue (they stay in memory).
   *
   * @param count how many lines
   */
  public void historyDropped(int count) {
    historyDropped.increment(count);
  }
}
