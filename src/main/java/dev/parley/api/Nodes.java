package dev.parley.api;

import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.spi.cluster.ClusterManager;

/** The cluster node a Vert.x instance is, for binding members to the node they live on. */
public final class Nodes {
  private Nodes() {}

  /**
   * The id of the cluster node of a Vert.x instance.
   *
   * @param vertx the instance
   * @return the cluster manager's node id, or {@code null} when the instance is not clustered
   */
  public static String id(Vertx vertx) {
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    return cluster == null ? null : cluster.getNodeId();
  }
}
