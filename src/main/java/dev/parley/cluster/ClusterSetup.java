package dev.parley.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import dev.parley.config.ParleyConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Builds a clustered {@link Vertx} from the {@code cluster.*} settings: Hazelcast 5 as the cluster
 * manager (TCP-IP member list or Kubernetes DNS discovery, multicast off, logging through SLF4J,
 * failure detection within seconds) and the clustered event bus on the configured host and port.
 */
public final class ClusterSetup {
  private ClusterSetup() {}

  /**
   * The Hazelcast configuration of a node: vertx-hazelcast's defaults for its own maps, with
   * Parley's network, discovery and timing.
   *
   * @param cluster the {@code cluster.*} settings
   * @return a new Hazelcast configuration
   */
  public static Config hazelcast(ParleyConfig.Cluster cluster) {
    Config hz = ConfigUtil.loadConfig();
    hz.setClusterName(cluster.name());
    hz.setProperty("hazelcast.logging.type", "slf4j");
    hz.setProperty("hazelcast.phone.home.enabled", "false");
    hz.setProperty("hazelcast.wait.seconds.before.join", "0");
    hz.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    hz.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
    hz.setProperty("hazelcast.merge.first.run.delay.seconds", "10");
    hz.setProperty("hazelcast.merge.next.run.delay.seconds", "10");
    NetworkConfig network = hz.getNetworkConfig();
    network.setPort(cluster.port()).setPortAutoIncrement(true);
    if (!cluster.host().isEmpty()) {
      network.setPublicAddress(cluster.host());
      network.getInterfaces().setEnabled(true).addInterface(cluster.host());
      hz.setProperty("hazelcast.socket.bind.any", "false");
    }
    JoinConfig join = network.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    if (!cluster.members().isEmpty()) {
      join.getTcpIpConfig().setEnabled(true).setMembers(cluster.members());
    } else {
      join.getKubernetesConfig()
          .setEnabled(true)
          .setProperty("service-dns", cluster.kubernetesService())
          .setProperty("service-port", String.valueOf(cluster.port()));
    }
    return hz;
  }

  /**
   * Starts a clustered Vert.x instance and joins the cluster.
   *
   * @param config the node's settings
   * @param options the Vert.x options; their event-bus options are set from {@code cluster.*}
   * @param metrics the metrics factory, or {@code null} for none
   * @return the joined instance, or a failure when the cluster cannot be joined
   */
  public static Future<Vertx> start(
      ParleyConfig config, VertxOptions options, VertxMetricsFactory metrics) {
    ParleyConfig.Cluster cluster = config.cluster();
    EventBusOptions eventBus = new EventBusOptions().setPort(cluster.eventBusPort());
    String host = !cluster.eventBusHost().isEmpty() ? cluster.eventBusHost() : cluster.host();
    if (!host.isEmpty()) {
      eventBus.setHost(host).setClusterPublicHost(host);
    }
    VertxBuilder builder =
        Vertx.builder()
            .with(new VertxOptions(options).setEventBusOptions(eventBus))
            .withClusterManager(new HazelcastClusterManager(hazelcast(cluster)));
    if (metrics != null) {
      builder.withMetrics(metrics);
    }
    return builder.buildClustered();
  }
}
