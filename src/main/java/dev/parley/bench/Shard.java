package dev.parley.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * One event loop's share of the tool: the connections on it, their counters and latency histogram,
 * and the 10 ms timer of its fixed-rate senders. Deployed once per event loop, so that each shard's
 * connections and state live on one thread and need no locks.
 *
 * <p>Thread rules: {@link #call} may be used from any thread; it runs the action on this shard's
 * context. Every other method must run on this shard's context, normally through {@link #call}.
 */
final class Shard extends VerticleBase {
  /** Period of the fixed-rate senders' timer, in milliseconds. */
  static final long TICK_MILLIS = 10;

  private final ShardStats stats = new ShardStats();
  private final ReadScratch scratch = new ReadScratch();
  private final List<Member> members = new ArrayList<>();
  private final List<ReceiverMember> receivers = new ArrayList<>();
  private final List<SenderMember> senders = new ArrayList<>();
  private final List<SlowMember> slowMembers = new ArrayList<>();
  private long timer = -1;

  /**
   * The shard's counters. Given to members when they are created (before they are handed to the
   * shard); read through {@link #call} afterwards.
   */
  ShardStats stats() {
    return stats;
  }

  /** The shard's buffer for copying reads; given to members when they are created. */
  ReadScratch scratch() {
    return scratch;
  }

  /**
   * Runs {@code action} on this shard's context. Callable from any thread.
   *
   * @return the action's result, or its exception as the failure
   */
  <T> Future<T> call(Supplier<T> action) {
    Promise<T> result = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            result.complete(action.get());
          } catch (RuntimeException e) {
            result.fail(e);
          }
        });
    return result.future();
  }

  /**
   * Connects and joins {@code batch}, at most {@code inFlight} connections joining at a time. Runs
   * on any thread; the work runs on this shard's context.
   *
   * @return completes when all have joined; fails with the first failure
   */
  Future<Void> join(List<? extends Member> batch, NetClient client, HostPort target, int inFlight) {
    return call(() -> new JoinQueue(batch, client, target).start(inFlight)).compose(f -> f);
  }

  /**
   * One sender as the controller sees it; immutable.
   *
   * @param index the sender's number K
   * @param name the name it joined under
   * @param sent lines it has written so far
   */
  record SenderInfo(int index, String name, long sent) {}

  /** The senders on this shard. */
  List<SenderInfo> senders() {
    List<SenderInfo> info = new ArrayList<>();
    for (SenderMember sender : senders) {
      info.add(new SenderInfo(sender.index(), sender.name(), sender.sent()));
    }
    return info;
  }

  /** Hands the senders' names to the receivers on this shard. */
  Void useSenders(SenderNames names) {
    receivers.forEach(r -> r.useSenders(names));
    return null;
  }

  /**
   * Starts every sender on this shard, and the timer if any sends at a fixed rate. Sender K of
   * {@code totalSenders} starts K / totalSenders of a line ahead, so that the senders of all shards
   * are spread evenly over each line's interval.
   *
   * @param totalSenders the senders of every shard, 1 or more
   */
  Void startSending(int totalSenders) {
    long now = System.nanoTime();
    boolean fixedRate = false;
    for (SenderMember sender : senders) {
      sender.start(now, (double) Math.floorMod(sender.index(), totalSenders) / totalSenders);
      fixedRate |= sender.fixedRate();
    }
    if (fixedRate && timer < 0) {
      timer = vertx.setPeriodic(TICK_MILLIS, id -> tick());
    }
    return null;
  }

  private void tick() {
    long now = System.nanoTime();
    for (SenderMember sender : senders) {
      sender.tick(now);
    }
  }

  /**
   * Stops every sender on this shard.
   *
   * @return the senders with their final counts
   */
  List<SenderInfo> stopSending() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    senders.forEach(SenderMember::stop);
    return senders();
  }

  /** Starts or ends the measured period for this shard's counters. */
  Void measure(boolean on) {
    stats.measuring = on;
    return null;
  }

  /** Lines sent and not yet received, summed over this shard's receivers. */
  Long missing(long[] sent) {
    long sum = 0;
    for (ReceiverMember receiver : receivers) {
      sum += receiver.missing(sent);
    }
    return sum;
  }

  /** Makes every slow member on this shard read again. */
  Void resumeSlow() {
    slowMembers.forEach(SlowMember::resume);
    return null;
  }

  /** The status of each slow member on this shard, see {@link SlowMember#status()}. */
  List<JsonObject> slowStatus() {
    List<JsonObject> status = new ArrayList<>();
    slowMembers.forEach(m -> status.add(m.status()));
    return status;
  }

  /** What each connection that has not joined (and is not closed) is waiting for. */
  List<String> notJoined() {
    List<String> waiting = new ArrayList<>();
    for (Member member : members) {
      if (!member.joined() && !member.closed()) {
        waiting.add(member.joinState());
      }
    }
    return waiting;
  }

  /** Closes every connection of this shard. */
  Void closeAll() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    members.forEach(Member::close);
    return null;
  }

  private void adopt(Member member) {
    members.add(member);
    if (member instanceof ReceiverMember receiver) {
      receivers.add(receiver);
    } else if (member instanceof SenderMember sender) {
      senders.add(sender);
    } else if (member instanceof SlowMember slow) {
      slowMembers.add(slow);
    }
  }

  /** Joins a batch of members with bounded concurrency; confined to the shard's context. */
  private final class JoinQueue {
    private final List<? extends Member> batch;
    private final NetClient client;
    private final HostPort target;
    private final Promise<Void> done = Promise.promise();
    private int next;
    private int pending;

    JoinQueue(List<? extends Member> batch, NetClient client, HostPort target) {
      this.batch = batch;
      this.client = client;
      this.target = target;
      this.pending = batch.size();
    }

    Future<Void> start(int inFlight) {
      if (pending == 0) {
        done.complete();
      }
      for (int i = 0; i < inFlight && next < batch.size(); i++) {
        connectNext();
      }
      return done.future();
    }

    private void connectNext() {
      Member member = batch.get(next++);
      adopt(member);
      member
          .connect(client, target)
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  done.tryFail(ar.cause());
                  return;
                }
                if (--pending == 0) {
                  done.tryComplete();
                } else if (next < batch.size() && !done.future().isComplete()) {
                  connectNext();
                }
              });
    }
  }
}
