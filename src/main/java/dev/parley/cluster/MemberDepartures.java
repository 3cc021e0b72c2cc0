package dev.parley.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Tells its owner, on the owner's context, which cluster nodes are left whenever a member leaves
 * the cluster. With Vert.x's Hazelcast cluster manager it listens through one Hazelcast {@link
 * MembershipListener}, told as soon as Hazelcast declares the member gone (not through {@code
 * ClusterManager.nodeListener}, whose one slot Vert.x itself uses); with any other cluster manager
 * it compares {@code ClusterManager.getNodes()} every {@value #POLL_MILLIS} ms. Node ids are
 * Vert.x's (Hazelcast member UUIDs). Create and {@link #close} on the owner's context.
 */
public final class MemberDepartures {
  private static final long POLL_MILLIS = 1000;

  private final Vertx vertx;
  private final HazelcastInstance hazelcast;
  private final UUID registration;
  private final long timer;

  private MemberDepartures(
      Vertx vertx, HazelcastInstance hazelcast, UUID registration, long timer) {
    this.vertx = vertx;
    this.hazelcast = hazelcast;
    this.registration = registration;
    this.timer = timer;
  }

  /**
   * Starts watching.
   *
   * @param vertx the node's Vert.x
   * @param cluster its cluster manager
   * @param left called on the calling context with the ids of the nodes still in the cluster, after
   *     a member left (with the poll: every {@value #POLL_MILLIS} ms); it must not block
   * @return the watch, to {@link #close}
   */
  public static MemberDepartures watch(
      Vertx vertx, ClusterManager cluster, Handler<Set<String>> left) {
    return watch(vertx, cluster, left, false);
  }

  /**
   * Starts watching members that join as well as members that leave.
   *
   * @param changed called on the calling context with the ids of the nodes in the cluster, after a
   *     member joined or left (with the poll: every {@value #POLL_MILLIS} ms); it must not block
   * @return the watch, to {@link #close}
   */
  public static MemberDepartures watchChanges(
      Vertx vertx, ClusterManager cluster, Handler<Set<String>> changed) {
    return watch(vertx, cluster, changed, true);
  }

  private static MemberDepartures watch(
      Vertx vertx, ClusterManager cluster, Handler<Set<String>> left, boolean arrivals) {
    Context context = vertx.getOrCreateContext();
    if (cluster instanceof HazelcastClusterManager hz && hz.getHazelcastInstance() != null) {
      HazelcastInstance hazelcast = hz.getHazelcastInstance();
      UUID registration =
          hazelcast
              .getCluster()
              .addMembershipListener(
                  new MembershipListener() {
                    @Override
                    public void memberAdded(MembershipEvent event) {
                      if (arrivals) {
                        String added = event.getMember().getUuid().toString();
                        context.runOnContext(
                            v -> {
                              Set<String> live = new HashSet<>(cluster.getNodes());
                              live.add(added);
                              left.handle(live);
                            });
                      }
                    }

                    @Override
                    public void memberRemoved(MembershipEvent event) {
                      String gone = event.getMember().getUuid().toString();
                      context.runOnContext(
                          v -> {
                            Set<String> live = new HashSet<>(cluster.getNodes());
                            live.remove(gone);
                            left.handle(live);
                          });
                    }
                  });
      return new MemberDepartures(vertx, hazelcast, registration, -1);
    }
    long timer =
        vertx.setPeriodic(POLL_MILLIS, id -> left.handle(new HashSet<>(cluster.getNodes())));
    return new MemberDepartures(vertx, null, null, timer);
  }

  /** Stops watching; no call of the handler starts after it. */
  public void close() {
    if (hazelcast != null) {
      hazelcast.getCluster().removeMembershipListener(registration);
    } else {
      vertx.cancelTimer(timer);
    }
  }
}
