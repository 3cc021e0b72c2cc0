package dev.parley.room;

import dev.parley.config.ParleyConfig;
import dev.parley.room.NodeMessages.EventsReply;
import dev.parley.room.NodeMessages.EventsRequest;
import dev.parley.room.NodeMessages.NodeReport;
import dev.parley.room.NodeMessages.ReportRequest;
import dev.parley.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.Lock;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides where the room runs. On a single node it simply runs the {@link RoomVerticle}. In a
 * cluster every node campaigns for the cluster-wide lock {@value #LOCK}; the holder hosts the room
 * and the others stand by, waiting on the lock. A node that wins the lock first asks every node's
 * {@link RoomRelay} what it knows, continues the room from the most advanced copy, publishes again
 * the events some nodes missed, and then opens the room. When the host stops, the room is closed
 * for handover and the lock released; when the host dies, Hazelcast releases its lock.
 */
public final class RoomHost extends VerticleBase {
  /** The name of the cluster-wide lock whose holder hosts the room. */
  public static final String LOCK = "parley.room";

  private static final Logger LOG = LoggerFactory.getLogger(RoomHost.class);
  private static final long LOCK_WAIT_MILLIS = 2000;
  private static final long RETRY_MILLIS = 1000;
  private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(3000);

  /** Told when this node takes over a room that ran elsewhere. */
  public interface Listener {
    /** This node now hosts a room that another node hosted before. */
    void tookOver();
  }

  private final ParleyConfig config;
  private final TimeSource time;
  private final String nodeId;
  private final Listener listener;
  private boolean stopping;
  private Lock lock;
  private String roomDeployment;

  /**
   * Creates the host.
   *
   * @param config the node's settings
   * @param time the time source for the room
   * @param nodeId this node's id
   * @param listener told of takeovers
   */
  public RoomHost(ParleyConfig config, TimeSource time, String nodeId, Listener listener) {
    this.config = config;
    this.time = time;
    this.nodeId = nodeId;
    this.listener = listener;
  }

  @Override
  public Future<?> start() {
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster == null) {
      return vertx
          .deployVerticle(new RoomVerticle(config, time, nodeId))
          .onSuccess(id -> roomDeployment = id);
    }
    campaign(cluster);
    return Future.succeededFuture();
  }

  /** Whether the room runs on this node. */
  boolean hostsRoom() {
    return roomDeployment != null;
  }

  private void campaign(ClusterManager cluster) {
    if (stopping) {
      return;
    }
    vertx
        .sharedData()
        .getLockWithTimeout(LOCK, LOCK_WAIT_MILLIS)
        .onSuccess(
            acquired -> {
              if (stopping) {
                acquired.release();
                return;
              }
              lock = acquired;
              takeOver(cluster);
            })
        .onFailure(timedOut -> campaign(cluster));
  }

  private void takeOver(ClusterManager cluster) {
    gather(cluster)
        .compose(
            takeover -> {
              if (!takeover.base().run().isEmpty()) {
                LOG.info(
                    "taking the room over at event {}; {} events to publish again",
                    takeover.base().seq(),
                    takeover.missed().size());
                listener.tookOver();
              }
              return vertx.deployVerticle(new RoomVerticle(config, time, nodeId, takeover));
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
              LOG.error("could not open the room here; trying again", err);
              release();
              vertx.setTimer(RETRY_MILLIS, t -> campaign(cluster));
            });
  }

  /** Asks every node what it knows of the room. */
  private Future<Takeover> gather(ClusterManager cluster) {
    List<Future<NodeReport>> asks = new ArrayList<>();
    for (String node : cluster.getNodes()) {
      asks.add(
          vertx
              .eventBus()
              .<NodeReport>request(RoomAddresses.node(node), new ReportRequest(nodeId), ASK)
              .map(Message::body));
    }
    return Future.join(asks)
        .transform(
            done -> {
              List<NodeReport> reports = new ArrayList<>();
              for (Future<NodeReport> ask : asks) {
                if (ask.succeeded()) {
                  reports.add(ask.result());
                }
              }
              return missedEvents(reports);
            });
  }

  private Future<Takeover> missedEvents(List<NodeReport> reports) {
    NodeReport best = null;
    for (NodeReport r : reports) {
      if (best == null || r.mirror().seq() > best.mirror().seq()) {
        best = r;
      }
    }
    Map<String, Set<String>> live = new HashMap<>();
    for (NodeReport r : reports) {
      live.put(r.nodeId(), new HashSet<>(r.liveSessions()));
    }
    if (best == null || best.mirror().run().isEmpty()) {
      return Future.succeededFuture(new Takeover(RoomSnapshot.EMPTY, List.of(), live));
    }
    RoomSnapshot base = best.mirror();
    long least = base.seq();
    for (NodeReport r : reports) {
      long seq = r.mirror().run().equals(base.run()) ? r.mirror().seq() : 0;
      least = Math.min(least, seq);
    }
    if (least == base.seq()) {
      return Future.succeededFuture(new Takeover(base, List.of(), live));
    }
    return vertx
        .eventBus()
        .<EventsReply>request(
            RoomAddresses.node(best.nodeId()), new EventsRequest(least, base.seq()), ASK)
        .map(reply -> new Takeover(base, reply.body().events(), live));
  }

  /**
   * Stops hosting: the room (a child deployment, which Vert.x may already have undeployed) is
   * closed for handover, then the lock is released for the next host.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    Future<?> undeployed =
        roomDeployment == null || !vertx.deploymentIDs().contains(roomDeployment)
            ? Future.succeededFuture()
            : vertx.undeploy(roomDeployment);
    return undeployed.eventually(
        () -> {
          release();
          return Future.succeededFuture();
        });
  }

  private void release() {
    if (lock != null) {
      lock.release();
      lock = null;
    }
  }
}
