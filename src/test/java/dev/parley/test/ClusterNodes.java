package dev.parley.test;

import dev.parley.Parley;
import dev.parley.bus.Addresses;
import dev.parley.bus.RoomPing;
import dev.parley.cluster.ClusterSetup;
import dev.parley.config.ParleyConfig;
import dev.parley.placement.RoomGroups;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A real cluster of Parley nodes in this JVM, each with its own clustered {@code Vertx} and
 * Hazelcast member on 127.0.0.1, started one after the other. Each room group moves to the node the
 * placement gives it as nodes join: {@link #awaitPlacement} waits until they all have.
 */
public final class ClusterNodes implements AutoCloseable {
  /** One node. */
  public record Node(Vertx vertx, Parley parley) {
    /** The node's chat port. */
    public int port() {
      return parley.port();
    }

    /** Stops the node gracefully: Parley, then Vert.x and its Hazelcast member. */
    public void stop() throws java.util.concurrent.TimeoutException {
      parley.close().eventually(vertx::close).await(60, TimeUnit.SECONDS);
    }
  }

  private final List<Node> nodes = new ArrayList<>();

  private ClusterNodes() {}

  /**
   * Starts {@code count} nodes with the test configuration changed by {@code settings}, and waits
   * until the room groups are placed.
   */
  public static ClusterNodes start(int count, Object... settings) throws Exception {
    List<Integer> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ports.add(NodeProcess.freePort());
    }
    JsonArray members = new JsonArray();
    ports.forEach(p -> members.add("127.0.0.1:" + p));
    return join("parley-test-" + ports.get(0), members, ports, (index, vertx) -> {}, settings)
        .awaitPlacement();
  }

  /**
   * Starts one node on each of {@code ports}, in a cluster whose members (nodes of other processes
   * among them) are {@code members}. Each node's {@code Vertx} is handed to {@code beforeDeploy},
   * with the node's index, before Parley is deployed into it (to add event-bus interceptors).
   */
  public static ClusterNodes join(
      String clusterName,
      JsonArray members,
      List<Integer> ports,
      BiConsumer<Integer, Vertx> beforeDeploy,
      Object... settings)
      throws Exception {
    ClusterNodes cluster = new ClusterNodes();
    try {
      for (int i = 0; i < ports.size(); i++) {
        cluster.addNode(clusterName, members, ports.get(i), i, beforeDeploy, settings);
      }
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * Starts one more node on {@code port}, in the cluster {@code clusterName} of {@code members},
   * with the test configuration changed by {@code settings}; it is the last of {@link #nodes}.
   */
  public ClusterNodes add(String clusterName, JsonArray members, int port, Object... settings)
      throws Exception {
    addNode(clusterName, members, port, nodes.size(), (index, vertx) -> {}, settings);
    return this;
  }

  private void addNode(
      String clusterName,
      JsonArray members,
      int port,
      int index,
      BiConsumer<Integer, Vertx> beforeDeploy,
      Object... settings)
      throws Exception {
    Object[] all = new Object[settings.length + 12];
    System.arraycopy(
        new Object[] {
          "cluster.enabled",
          true,
          "cluster.host",
          "127.0.0.1",
          "cluster.port",
          port,
          "cluster.members",
          members,
          "cluster.eventBusHost",
          "127.0.0.1",
          "cluster.name",
          clusterName
        },
        0,
        all,
        0,
        12);
    System.arraycopy(settings, 0, all, 12, settings.length);
    ParleyConfig config = TestServer.config(all);
    Vertx vertx =
        ClusterSetup.start(config, new io.vertx.core.VertxOptions(), null)
            .await(60, TimeUnit.SECONDS);
    beforeDeploy.accept(index, vertx);
    nodes.add(new Node(vertx, TestServer.start(vertx, config)));
  }

  /**
   * Stops a node gracefully, as SIGTERM does ({@link Node#stop}); the others remain, and {@link
   * #awaitPlacement} places the groups on them.
   */
  public void stop(Node node) throws java.util.concurrent.TimeoutException {
    nodes.remove(node);
    node.stop();
  }

  /**
   * Waits, up to 30 s, until every room group is open on the node that {@link RoomGroups#placement}
   * gives it among these nodes.
   */
  public ClusterNodes awaitPlacement() throws Exception {
    List<String> ids = nodes.stream().map(n -> n.parley().nodeId()).toList();
    List<String> owners = RoomGroups.placement(RoomGroups.IN_A_CLUSTER, ids);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    for (int g = 0; g < owners.size(); g++) {
      // Open on its node, and no other node still answering for it while it moved.
      while (!owners.get(g).equals(hostId(g)) || subscriptions(Addresses.room(g)) != 1) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("room group " + g + " is not on " + owners.get(g) + " alone");
        }
        nodes.get(0).vertx().timer(50).await();
      }
    }
    return this;
  }

  /** How many consumers the cluster has for an address. */
  private int subscriptions(String address) {
    HazelcastClusterManager manager =
        (HazelcastClusterManager) ((VertxInternal) nodes.get(0).vertx()).clusterManager();
    return manager.getHazelcastInstance().getMultiMap("__vertx.subs").valueCount(address);
  }

  /** The id of the node that hosts a room group now, or null when none answers. */
  private String hostId(int group) {
    try {
      return nodes
          .get(0)
          .vertx()
          .eventBus()
          .<RoomPing.Pong>request(Addresses.room(group), new RoomPing())
          .await(5, TimeUnit.SECONDS)
          .body()
          .nodeId();
    } catch (Exception e) {
      return null;
    }
  }

  /** The node that hosts the group of {@code room} now (after {@link #awaitPlacement}). */
  public Node hostOf(String room) {
    String id = hostId(new RoomGroups(RoomGroups.IN_A_CLUSTER).of(room));
    return nodes.stream()
        .filter(n -> n.parley().nodeId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node hosts " + room));
  }

  /** The nodes other than {@code node}, in order of start. */
  public List<Node> others(Node node) {
    return nodes.stream().filter(n -> n != node).toList();
  }

  /** The nodes, in order of start. */
  public List<Node> nodes() {
    return List.copyOf(nodes);
  }

  /** The node at {@code index}, in order of start. */
  public Node node(int index) {
    return nodes.get(index);
  }

  /** Stops every node still running. */
  @Override
  public void close() {
    for (Node node : nodes) {
      try {
        node.vertx().close().await(60, TimeUnit.SECONDS);
      } catch (Exception | Error e) {
        // already stopped, or stopping: nothing more to do
      }
    }
  }
}
