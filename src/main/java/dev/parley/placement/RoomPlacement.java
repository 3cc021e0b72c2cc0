package dev.parley.placement;

import dev.parley.bus.Addresses;
import dev.parley.cluster.MemberDepartures;
import dev.parley.names.NameRegistry;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.shareddata.AsyncMap;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which room groups this node hosts. On a single node it hosts them all. In a cluster the nodes
 * that run Parley list themselves in the shared map {@value #NODES}; every node computes the same
 * {@link RoomGroups#placement} from that list (members of the cluster only) and runs a host, which
 * campaigns for the group's lock, for the groups placed on it. The placement is computed again when
 * a member joins or leaves the cluster, when a node announces that it joined or is leaving ({@link
 * Addresses#PLACEMENT}), and every {@value #RECHECK_MILLIS} ms: a host whose group is now placed
 * elsewhere is stopped, which hands the group over; the lock keeps a group to one host while two
 * nodes briefly disagree. A node that is shutting down ({@link Addresses#NODE_CLOSING}) takes
 * itself off the list first, so that the others campaign for its groups, but keeps hosting them
 * until it stops, after its listeners have closed and their members have left their rooms; its
 * hosts then hand the groups over. Confined to its context.
 */
public final class RoomPlacement extends VerticleBase {
  /** The shared map of the nodes that run Parley (node id to node id). */
  public static final String NODES = "parley.nodes";

  private static final Logger LOG = LoggerFactory.getLogger(RoomPlacement.class);
  private static final long RECHECK_MILLIS = 5000;

  /**
   * The hosts' own worker pool: a host waits for its group's lock on a worker thread (Vert.x's
   * Hazelcast lock blocks one while it waits), and the cluster's other blocking work (registering
   * consumers, the shared maps) must not queue behind the waits of every group's campaign.
   */
  private static final DeploymentOptions HOSTS =
      new DeploymentOptions()
          .setWorkerPoolName("parley-room-hosts")
          .setWorkerPoolSize(RoomGroups.IN_A_CLUSTER);

  private final String nodeId;
  private final int groups;
  private final IntFunction<Deployable> hostOf;
  // Per group: the host's deployment id, "" while it deploys, null when none runs here.
  private final String[] deployments;
  // Per group: whether the last placement put it on this node.
  private final boolean[] placedHere;
  private ClusterManager cluster;
  private AsyncMap<String, String> nodes;
  private NameRegistry names;
  private MemberDepartures watch;
  private long timer = -1;
  private boolean placing;
  private boolean again;
  private boolean leaving;
  private Set<String> knownMembers = new HashSet<>();

  /**
   * @param nodeId this node's id
   * @param groups how many room groups the cluster has
   * @param hostOf makes the host of a group, each time the group is placed on this node
   */
  public RoomPlacement(String nodeId, int groups, IntFunction<Deployable> hostOf) {
    this.nodeId = nodeId;
    this.groups = groups;
    this.hostOf = hostOf;
    this.deployments = new String[groups];
    this.placedHere = new boolean[groups];
  }

  @Override
  public Future<?> start() {
    cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster == null) {
      List<Future<?>> deployed = new ArrayList<>();
      for (int g = 0; g < groups; g++) {
        int group = g;
        deployed.add(
            vertx.deployVerticle(hostOf.apply(g)).onSuccess(id -> deployments[group] = id));
      }
      return Future.all(deployed);
    }
    knownMembers = new HashSet<>(cluster.getNodes());
    return Future.all(
            vertx.sharedData().<String, String>getAsyncMap(NODES).onSuccess(map -> nodes = map),
            NameRegistry.open(vertx).onSuccess(registry -> names = registry))
        .compose(v -> nodes.put(nodeId, nodeId))
        .compose(
            v ->
                Future.all(
                    vertx.eventBus().consumer(Addresses.PLACEMENT, m -> place()).completion(),
                    vertx
                        .eventBus()
                        .localConsumer(Addresses.NODE_CLOSING, m -> leave())
                        .completion()))
        .onSuccess(
            v -> {
              watch = MemberDepartures.watchChanges(vertx, cluster, this::membersChanged);
              timer = vertx.setPeriodic(RECHECK_MILLIS, t -> place());
              vertx.eventBus().publish(Addresses.PLACEMENT, nodeId);
              place();
            });
  }

  private void membersChanged(Set<String> members) {
    for (String gone : knownMembers) {
      if (!members.contains(gone)) {
        names
            .forgetNode(gone)
            .onFailure(
                e -> LOG.warn("could not free the names of node {}: {}", gone, e.toString()));
      }
    }
    knownMembers = new HashSet<>(members);
    place();
  }

  /** This node is shutting down: the others are to place its groups while it hands them over. */
  private void leave() {
    leaving = true;
    nodes.remove(nodeId).onComplete(ar -> vertx.eventBus().publish(Addresses.PLACEMENT, nodeId));
  }

  /** Computes the placement again and starts or stops this node's hosts to follow it. */
  private void place() {
    if (placing) {
      again = true;
      return;
    }
    placing = true;
    nodes
        .keys()
        .compose(
            listed -> {
              Set<String> members = new HashSet<>(cluster.getNodes());
              List<Future<?>> changes = new ArrayList<>();
              List<String> live = new ArrayList<>();
              for (String node : listed) {
                if (members.contains(node)) {
                  live.add(node);
                } else {
                  changes.add(nodes.remove(node));
                }
              }
              if (leaving) {
                // The hosts stay until this verticle stops, after the listeners: the members of
                // this node leave their rooms, with "server shutdown", before the rooms move.
                return Future.join(changes);
              }
              if (!live.contains(nodeId)) {
                live.add(nodeId);
              }
              List<String> owners = RoomGroups.placement(groups, live);
              for (int g = 0; g < groups; g++) {
                placedHere[g] = owners.get(g).equals(nodeId);
                follow(g);
              }
              return Future.join(changes);
            })
        .onComplete(
            ar -> {
              placing = false;
              if (ar.failed()) {
                LOG.warn("could not place the room groups: {}", ar.cause().toString());
              }
              if (again) {
                again = false;
                place();
              }
            });
  }

  /**
   * Starts or stops the group's host to follow the placement, without waiting for it: a host that
   * stops hands its group over, which takes until the next host opened it, and the placement of the
   * other groups must not wait for that. A host placed elsewhere while it deploys is stopped once
   * it has.
   */
  private void follow(int group) {
    boolean here = placedHere[group];
    if (here && deployments[group] == null) {
      deployments[group] = "";
      LOG.info("room group {} is placed on this node", group);
      vertx
          .deployVerticle(hostOf.apply(group), HOSTS)
          .onComplete(
              ar -> {
                deployments[group] = ar.succeeded() ? ar.result() : null;
                if (ar.failed()) {
                  LOG.warn("could not host room group {}: {}", group, ar.cause().toString());
                } else if (!placedHere[group] && !leaving) {
                  follow(group);
                }
              });
    } else if (!here && deployments[group] != null && !deployments[group].isEmpty()) {
      String id = deployments[group];
      deployments[group] = null;
      LOG.info("room group {} is placed on another node; handing it over", group);
      vertx
          .undeploy(id)
          .onFailure(e -> LOG.warn("could not hand room group {} over: {}", group, e.toString()));
    }
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    if (watch != null) {
      watch.close();
    }
    return nodes == null ? Future.succeededFuture() : nodes.remove(nodeId);
  }
}
