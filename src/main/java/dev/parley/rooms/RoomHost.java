package dev.parley.rooms;

import dev.parley.bus.Addresses;
import dev.parley.bus.RelayedEvent;
import dev.parley.bus.RoomReady;
import dev.parley.config.ParleyConfig;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.store.Store;
import dev.parley.time.TimeSource;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.Lock;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where the room runs. On a single node it simply runs the {@link RoomVerticle}. In a
 * cluster every node campaigns for the cluster-wide lock {@value #LOCK}; the holder hosts the room
 * and the others stand by, waiting on the lock. A node that wins the lock first asks every node's
 * {@code node.RoomRelay} what it knows, continues the room from the most advanced copy, publishes
 * again the events some nodes missed, and then opens the room. When the host stops, the room is
 * closed for handover and the lock released; when the host dies, Hazelcast releases its lock.
 */
public final class RoomHost extends VerticleBase {
  /**
   * The prefix of the cluster-wide locks whose holders host the room groups (a lock name, not an
   * address): {@code parley.lock.room.<group>}.
   */
  public static final String LOCK_PREFIX = "parley.lock.room.";

  private static final Logger LOG = LoggerFactory.getLogger(RoomHost.class);
  private static final long LOCK_WAIT_MILLIS = 2000;
  private static final long RETRY_MILLIS = 1000;
  private static final long HANDOVER_WAIT_MILLIS = 5000;
  private static final long MEMBERSHIP_CHECK_MILLIS = 100;

  /**
   * How long this node still answers for a group it handed over after the next host opened it:
   * nodes route the group's address here for a moment after that.
   */
  private static final long MOVED_ANSWER_MILLIS = 500;

  /** Told what the rooms of this node do. Called on the rooms' verticle's context. */
  public interface Listener {
    /** This node now hosts rooms that another node hosted before. */
    void tookOver();

    /**
     * The rooms with members that this node orders, after each arrival and departure.
     *
     * @param count 0 or more
     */
    void roomsOrdered(int count);
  }

  private final ParleyConfig config;
  private final TimeSource time;
  private final String nodeId;
  private final int group;
  private final int groups;
  private final String lockName;
  private final Listener listener;
  private final Store store;
  private final ParleyMetrics metrics;
  private boolean stopping;
  private Lock lock;
  private MessageConsumer<Object> moving;
  private String roomDeployment;

  /**
   * Creates the host.
   *
   * @param config the node's settings
   * @param time the time source for the room
   * @param nodeId this node's id
   * @param group the room group this host campaigns for
   * @param groups how many room groups the cluster has
   * @param listener told of takeovers
   * @param store the node's store (history lasts in it unless it is {@link
   *     dev.parley.store.MemoryStore})
   * @param metrics where the rooms count what their history store lost
   */
  public RoomHost(
      ParleyConfig config,
      TimeSource time,
      String nodeId,
      int group,
      int groups,
      Listener listener,
      Store store,
      ParleyMetrics metrics) {
    this.config = config;
    this.time = time;
    this.nodeId = nodeId;
    this.group = group;
    this.groups = groups;
    this.lockName = LOCK_PREFIX + group;
    this.listener = listener;
    this.store = store;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster == null) {
      return vertx
          .deployVerticle(
              new RoomVerticle(
                  config,
                  time,
                  nodeId,
                  group,
                  groups,
                  Takeover.FRESH,
                  listener,
                  store,
                  metrics,
                  this::closing))
          .onSuccess(id -> roomDeployment = id);
    }
    campaign(cluster);
    return Future.succeededFuture();
  }

  private void campaign(ClusterManager cluster) {
    if (stopping) {
      return;
    }
    vertx
        .sharedData()
        .getLockWithTimeout(lockName, LOCK_WAIT_MILLIS)
        .onSuccess(
            acquired -> {
              if (stopping) {
                acquired.release();
                return;
              }
              lock = acquired;
              takeOver(cluster);
            })
        .onFailure(
            timedOut -> {
              campaign(cluster);
            });
  }

  private void takeOver(ClusterManager cluster) {
    new CopyGathering(vertx, nodeId, group, () -> stopping)
        .gather(cluster)
        .compose(
            takeover -> {
              if (!takeover.base().run().isEmpty()) {
                LOG.info(
                    "taking room group {} over at event {}; {} events to publish again",
                    group,
                    takeover.base().seq(),
                    takeover.missed().size());
                listener.tookOver();
              }
              return vertx.deployVerticle(
                  new RoomVerticle(
                      config,
                      time,
                      nodeId,
                      group,
                      groups,
                      takeover,
                      listener,
                      store,
                      metrics,
                      this::closing));
            })
        .onSuccess(
            id -> {
              roomDeployment = id;
              if (stopping) {
                vertx.undeploy(id).onComplete(ar -> release());
              }
            })
        .onFailure(
            err -> {
              LOG.error("could not open room group {} here; trying again", group, err);
              release();
              vertx.setTimer(RETRY_MILLIS, t -> campaign(cluster));
            });
  }

  /**
   * Stops hosting: the room (a child deployment, which Vert.x may already have undeployed) is
   * closed for handover, then the lock is released for the next host, and the stop completes once
   * another node has opened the room (at most {@value #HANDOVER_WAIT_MILLIS} ms; at once when no
   * other node is left). Vert.x's Hazelcast lock is released on a thread of its own; waiting for
   * the successor keeps this node in the cluster until the release has reached it, instead of
   * leaving the standby to find the lock free only after failure detection.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    boolean hosting = lock != null;
    return closing()
        .compose(
            registered ->
                roomDeployment == null || !vertx.deploymentIDs().contains(roomDeployment)
                    ? Future.succeededFuture()
                    : vertx.undeploy(roomDeployment))
        .eventually(
            () -> {
              ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
              if (!hosting || cluster == null || cluster.getNodes().size() < 2) {
                release();
                return Future.succeededFuture();
              }
              return handOver(cluster);
            })
        .eventually(this::stopAnswering);
  }

  /**
   * The group is about to close here (its verticle is stopping, called on any context): while it
   * moves to its next host, this node answers the requests that still reach it ({@link
   * #answerWhileMoving}), from before the group's own consumer is unregistered.
   *
   * @return completed once that answer is registered in the cluster
   */
  Future<Void> closing() {
    Promise<Void> registered = Promise.promise();
    context.runOnContext(
        v -> {
          ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
          if (moving == null && lock != null && cluster != null && cluster.getNodes().size() > 1) {
            moving = answerWhileMoving();
          }
          (moving == null ? Future.<Void>succeededFuture() : moving.completion())
              .onComplete(registered);
        });
    return registered.future();
  }

  /**
   * Stops answering for the group {@value #MOVED_ANSWER_MILLIS} ms after the next host opened it,
   * once every node routes the group's address there.
   */
  private Future<Void> stopAnswering() {
    MessageConsumer<Object> answering = moving;
    moving = null;
    if (answering == null) {
      return Future.succeededFuture();
    }
    return vertx.timer(MOVED_ANSWER_MILLIS).compose(t -> answering.unregister());
  }

  /**
   * Releases the lock and waits until another node announces that it opened the room, or until no
   * other node is left in the cluster (looked at every {@value #MEMBERSHIP_CHECK_MILLIS} ms: the
   * others may be stopping too), or {@value #HANDOVER_WAIT_MILLIS} ms have passed.
   */
  private Future<Void> handOver(ClusterManager cluster) {
    Promise<Void> opened = Promise.promise();
    MessageConsumer<RelayedEvent> watch =
        vertx
            .eventBus()
            .localConsumer(
                Addresses.LOCAL_EVENTS,
                m -> {
                  // Another host opened the group: on another node, or, placed back here
                  // meanwhile, a new host of this node's.
                  if (m.body().event() instanceof RoomReady ready && ready.group() == group) {
                    opened.tryComplete();
                  }
                });
    long since = System.nanoTime();
    long timer =
        vertx.setPeriodic(
            MEMBERSHIP_CHECK_MILLIS,
            t -> {
              if (cluster.getNodes().size() < 2) {
                opened.tryComplete();
              } else if (System.nanoTime() - since
                  >= TimeUnit.MILLISECONDS.toNanos(HANDOVER_WAIT_MILLIS)) {
                LOG.warn(
                    "no node opened room group {} within {} ms of the handover",
                    group,
                    HANDOVER_WAIT_MILLIS);
                opened.tryComplete();
              }
            });
    return watch
        .completion()
        .onSuccess(v -> release())
        .compose(v -> opened.future())
        .eventually(
            () -> {
              vertx.cancelTimer(timer);
              return watch.unregister();
            });
  }

  /**
   * While the group moves to its next host, a request that still reaches this node for it (nodes
   * route the group's address here for a moment after the group closed) is answered {@link
   * ErrorCode#UNAVAILABLE} at once instead of being dropped unanswered, so that the member asks
   * again, and reaches the next host, instead of waiting for its request to time out. The consumer
   * is registered in the cluster before the group's own is unregistered, and unregistered once the
   * next host has opened the group: this node's address is never without a consumer in between.
   * Chat lines (no reply) that reach it are dropped, as they would be; the members send them again
   * when the group opens elsewhere.
   */
  private MessageConsumer<Object> answerWhileMoving() {
    LOG.debug("answering for room group {} while it moves", group);
    return vertx
        .eventBus()
        .consumer(
            Addresses.room(group),
            m -> {
              if (m.replyAddress() != null) {
                m.fail(ErrorCode.UNAVAILABLE.code(), "room group " + group + " is moving");
              }
            });
  }

  private void release() {
    if (lock != null) {
      lock.release();
      lock = null;
    }
  }
}
