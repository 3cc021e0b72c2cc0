package dev.parley.rooms;

import dev.parley.bus.Addresses;
import dev.parley.bus.CopyState;
import dev.parley.bus.NodeMessages.EventsReply;
import dev.parley.bus.NodeMessages.EventsRequest;
import dev.parley.bus.NodeMessages.NodeReport;
import dev.parley.bus.NodeMessages.ReportRequest;
import dev.parley.room.RoomSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node that has won the room learns where to continue it: it asks every node's relay ({@code
 * node.RoomRelay}) for its copy of the room, waits for the nodes that run Parley, and continues the
 * most advanced whole copy, with the events that some nodes lack. One gathering per takeover; runs
 * on the {@link RoomHost}'s context.
 */
final class CopyGathering {
  private static final Logger LOG = LoggerFactory.getLogger(CopyGathering.class);
  private static final long REASK_MILLIS = 500;
  private static final long GATHER_LIMIT_MILLIS = 30_000;
  private static final DeliveryOptions ASK = new DeliveryOptions().setSendTimeout(3000);

  private final Vertx vertx;
  private final String nodeId;
  private final int group;
  private final BooleanSupplier stopping;

  /**
   * @param vertx the node's Vert.x
   * @param nodeId this node's id
   * @param group the room group to gather copies of
   * @param stopping true once the host stops: the answers at hand then decide at once
   */
  CopyGathering(Vertx vertx, String nodeId, int group, BooleanSupplier stopping) {
    this.vertx = vertx;
    this.nodeId = nodeId;
    this.group = group;
    this.stopping = stopping;
  }

  /**
   * Gathers the nodes' copies of the room.
   *
   * @return what to continue from; fails only if the node holding the best copy does not give the
   *     events the others lack
   */
  Future<Takeover> gather(ClusterManager cluster) {
    return gather(cluster, System.nanoTime(), false);
  }

  /**
   * Asks every node what it knows of the room, and asks again (every {@value #REASK_MILLIS} ms)
   * while a node that is still a member of the cluster and runs Parley has not answered: a node
   * that is slow to answer may hold the only copy. After {@value #GATHER_LIMIT_MILLIS} ms the
   * answers at hand decide.
   */
  private Future<Takeover> gather(ClusterManager cluster, long since, boolean askedAgain) {
    List<String> nodes = cluster.getNodes();
    List<Future<NodeReport>> asks = new ArrayList<>();
    for (String node : nodes) {
      asks.add(
          vertx
              .eventBus()
              .<NodeReport>request(Addresses.node(node), new ReportRequest(nodeId, group), ASK)
              .map(Message::body));
    }
    return Future.join(asks)
        .transform(
            done -> {
              List<NodeReport> reports = new ArrayList<>();
              Set<String> silent = new HashSet<>();
              for (int i = 0; i < asks.size(); i++) {
                if (asks.get(i).succeeded()) {
                  reports.add(asks.get(i).result());
                } else if (!runsNoParley(asks.get(i).cause())) {
                  silent.add(nodes.get(i));
                }
              }
              silent.retainAll(cluster.getNodes());
              long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
              if (silent.isEmpty() || stopping.getAsBoolean() || waited >= GATHER_LIMIT_MILLIS) {
                if (!silent.isEmpty()) {
                  LOG.warn(
                      "taking the room without the copies of {} nodes, silent for {} ms",
                      silent.size(),
                      waited);
                }
                return missedEvents(reports);
              }
              if (!askedAgain) {
                LOG.info(
                    "{} nodes have not told what they know of the room; asking until they do",
                    silent);
              }
              Promise<Takeover> again = Promise.promise();
              vertx.setTimer(REASK_MILLIS, t -> gather(cluster, since, true).onComplete(again));
              return again.future();
            });
  }

  /**
   * Whether a request to a node's relay failed because nothing listens there: a cluster member that
   * runs no Parley (a service on the event bus, or a node still starting) holds no copy of the room
   * and is not waited for.
   */
  private static boolean runsNoParley(Throwable failure) {
    return failure instanceof ReplyException e && e.failureType() == ReplyFailure.NO_HANDLERS;
  }

  /**
   * Continues the room from the most advanced whole copy among the reports: the highest sequence
   * number (equal ones by run id, so that every node would choose the same). Partial copies take no
   * part. A fresh room opens only when no node has a whole copy; that is logged at WARN when some
   * node had seen a room.
   */
  private Future<Takeover> missedEvents(List<NodeReport> reports) {
    NodeReport best = null;
    int partial = 0;
    for (NodeReport r : reports) {
      if (r.state() == CopyState.PARTIAL) {
        partial++;
      }
      if (r.state() != CopyState.WHOLE || r.mirror().run().isEmpty()) {
        continue;
      }
      if (best == null
          || r.mirror().seq() > best.mirror().seq()
          || (r.mirror().seq() == best.mirror().seq()
              && r.mirror().run().compareTo(best.mirror().run()) > 0)) {
        best = r;
      }
    }
    Map<String, Set<String>> live = new HashMap<>();
    for (NodeReport r : reports) {
      live.put(r.nodeId(), new HashSet<>(r.liveSessions()));
    }
    if (best == null) {
      if (partial > 0) {
        LOG.warn(
            "opening the room afresh: {} of {} nodes had seen the room, but none holds a whole"
                + " copy of it; its members must join again",
            partial,
            reports.size());
      } else {
        LOG.info("opening the room: no node of {} has seen it before", reports.size());
      }
      return Future.succeededFuture(new Takeover(RoomSnapshot.EMPTY, List.of(), live));
    }
    RoomSnapshot base = best.mirror();
    // Whole copies of the same run that lag get the events they lack; any other copy is made
    // whole again by its relay from a snapshot of the room once it opens.
    long least = base.seq();
    for (NodeReport r : reports) {
      if (r.state() == CopyState.WHOLE && r.mirror().run().equals(base.run())) {
        least = Math.min(least, r.mirror().seq());
      }
    }
    if (least == base.seq()) {
      return Future.succeededFuture(new Takeover(base, List.of(), live));
    }
    return vertx
        .eventBus()
        .<EventsReply>request(
            Addresses.node(best.nodeId()), new EventsRequest(group, least, base.seq()), ASK)
        .map(reply -> new Takeover(base, reply.body().events(), live));
  }
}
