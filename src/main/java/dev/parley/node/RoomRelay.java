package dev.parley.node;

import dev.parley.bus.Addresses;
import dev.parley.bus.CopyState;
import dev.parley.bus.Evicted;
import dev.parley.bus.HostedSay;
import dev.parley.bus.Invitation;
import dev.parley.bus.LocalMember;
import dev.parley.bus.ModerationMessages;
import dev.parley.bus.NodeMessages.EventsReply;
import dev.parley.bus.NodeMessages.EventsRequest;
import dev.parley.bus.NodeMessages.FlushRequest;
import dev.parley.bus.NodeMessages.Flushed;
import dev.parley.bus.NodeMessages.NodeReport;
import dev.parley.bus.NodeMessages.ReportRequest;
import dev.parley.bus.NodeMessages.SnapshotRequest;
import dev.parley.bus.PrivateLine;
import dev.parley.bus.RelayedEvent;
import dev.parley.bus.RoomCodecs;
import dev.parley.bus.RoomReady;
import dev.parley.bus.ServerBans;
import dev.parley.config.ParleyConfig;
import dev.parley.lines.EventLines;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.placement.RoomGroups;
import dev.parley.room.PolicyChanged;
import dev.parley.room.RoomEvent;
import dev.parley.room.RoomSnapshot;
import io.vertx.core.Deployable;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room's end on one node: the node's only cluster-wide registrations, whatever the number of
 * connections. It takes every room event once ({@link Addresses#EVENTS}), drops duplicates by
 * sequence number, keeps the node's {@link RoomMirror} and hands each event to the node's sessions
 * over the node-local bus; it takes what the room sends to one session ({@link Addresses#node}) and
 * hands it to that session; and it answers a new room host's questions when the room moves. One per
 * node, parent of the node's {@code rooms.RoomHost}; confined to its context.
 */
public final class RoomRelay extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RoomRelay.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
  private static final DeliveryOptions SNAPSHOT = new DeliveryOptions().setSendTimeout(3000);
  private static final long FIRST_RETRY_MILLIS = 250;
  private static final long LAST_RETRY_MILLIS = 4000;

  /** This node's copy of one room group, and the state of the loop that keeps it whole. */
  private static final class GroupCopy {
    final int group;
    final RoomMirror mirror;
    boolean refreshing;
    boolean snapshotFailed;

    GroupCopy(int group, RoomMirror mirror) {
      this.group = group;
      this.mirror = mirror;
    }
  }

  private final String nodeId;
  private final String defaultRoom;
  private final List<Deployable> roomHosts;
  private final ParleyMetrics metrics;
  private final RoomGroups groups;
  private final GroupCopy[] copies;
  private final Set<String> localMembers = new LinkedHashSet<>();
  private final List<Message<Object>> flushWaiters = new ArrayList<>();
  private EventBus bus;
  private boolean stopped;

  /**
   * Creates the relay.
   *
   * @param nodeId this node's id, unique in the cluster
   * @param defaultRoom the default room, whose bans are the server's
   * @param history the history limits, for the node's copy of the rooms' history
   * @param metrics where the count of this node's members goes
   * @param groups how many room groups the cluster has
   * @param roomHosts the node's {@code rooms.RoomHost}s, one per group, deployed as this relay's
   *     children once the relay listens, so that Vert.x stops them (and they hand their groups
   *     over) while the relay still answers the next hosts' questions and relays their
   *     announcements
   */
  public RoomRelay(
      String nodeId,
      String defaultRoom,
      ParleyConfig.History history,
      ParleyMetrics metrics,
      int groups,
      List<Deployable> roomHosts) {
    this.nodeId = nodeId;
    this.defaultRoom = defaultRoom;
    this.groups = new RoomGroups(groups);
    this.copies = new GroupCopy[groups];
    for (int g = 0; g < groups; g++) {
      copies[g] = new GroupCopy(g, new RoomMirror(history.maxLines(), history.maxAge().toMillis()));
    }
    this.metrics = metrics;
    this.roomHosts = List.copyOf(roomHosts);
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    RoomCodecs.register(bus);
    return Future.all(
            bus.consumer(Addresses.EVENTS, m -> onEvent(m.body())).completion(),
            bus.consumer(Addresses.node(nodeId), this::onNodeMessage).completion(),
            bus.<LocalMember>localConsumer(Addresses.LOCAL_MEMBERS, m -> onLocalMember(m.body()))
                .completion())
        .onSuccess(
            v -> {
              for (GroupCopy copy : copies) {
                refreshMirror(copy);
              }
            })
        .compose(
            v -> {
              List<Future<String>> deployed = new ArrayList<>();
              for (Deployable host : roomHosts) {
                deployed.add(vertx.deployVerticle(host));
              }
              return Future.all(deployed);
            });
  }

  /**
   * Makes this node's copy of the room whole: asks the room for a snapshot, and asks again with
   * backoff ({@value #FIRST_RETRY_MILLIS} ms doubling to {@value #LAST_RETRY_MILLIS} ms) until the
   * copy is whole, from the snapshot or from the start of a fresh room. Events applied on top of
   * the snapshot are kept. One loop at a time; a failure is logged at WARN once per incident (no
   * room open at all is not a failure: the room announces itself when it opens).
   */
  private void refreshMirror(GroupCopy copy) {
    if (copy.refreshing) {
      return;
    }
    copy.refreshing = true;
    askForSnapshot(copy, FIRST_RETRY_MILLIS);
  }

  private void askForSnapshot(GroupCopy copy, long nextRetryMillis) {
    RoomMirror mirror = copy.mirror;
    if (mirror.whole() || stopped) {
      copy.refreshing = false;
      return;
    }
    bus.<RoomSnapshot>request(Addresses.room(copy.group), new SnapshotRequest(nodeId), SNAPSHOT)
        .onComplete(
            ar -> {
              if (ar.succeeded() && !mirror.whole()) {
                mirror.reset(ar.result().body());
                tellGate(copy);
                if (copy.snapshotFailed && mirror.whole()) {
                  LOG.info(
                      "this node has a whole copy of room group {} again, at event {}",
                      copy.group,
                      mirror.seq());
                }
              } else if (ar.failed() && !mirror.whole()) {
                onSnapshotFailure(copy, ar.cause());
              }
              if (mirror.whole()) {
                copy.snapshotFailed = false;
                copy.refreshing = false;
              } else {
                vertx.setTimer(
                    nextRetryMillis,
                    t -> askForSnapshot(copy, Math.min(LAST_RETRY_MILLIS, 2 * nextRetryMillis)));
              }
            });
  }

  private void onSnapshotFailure(GroupCopy copy, Throwable failure) {
    boolean noRoom =
        failure instanceof ReplyException e && e.failureType() == ReplyFailure.NO_HANDLERS;
    if (noRoom) {
      LOG.debug("room group {} is not open to take a snapshot from yet", copy.group);
    } else if (!copy.snapshotFailed) {
      copy.snapshotFailed = true;
      LOG.warn(
          "this node's copy of room group {} is incomplete and its host did not give a snapshot"
              + " ({}); asking again until it does",
          copy.group,
          failure.getMessage());
    }
  }

  private void onEvent(Object body) {
    if (body instanceof RoomReady ready) {
      RoomMirror mirror = copies[ready.group()].mirror;
      if (!ready.run().equals(mirror.run())
          && !mirror.run().isEmpty()
          && mirror.state() != CopyState.NONE) {
        LOG.info(
            "room group {} started on {} with another order than this node knew",
            ready.group(),
            ready.nodeId());
      }
      if (!mirror.started(ready)) {
        refreshMirror(copies[ready.group()]);
      }
      tellGate(copies[ready.group()]);
      bus.publish(Addresses.LOCAL_EVENTS, new RelayedEvent(ready, null), LOCAL);
      return;
    }
    RoomEvent event = (RoomEvent) body;
    GroupCopy copy = copies[groups.of(event.room())];
    RoomMirror mirror = copy.mirror;
    long expected = mirror.seq() + 1;
    boolean wasWhole = mirror.whole();
    if (!mirror.apply(event)) {
      return;
    }
    if (event instanceof PolicyChanged) {
      tellGate(copy);
    }
    if (event.seq() > expected && wasWhole) {
      LOG.warn(
          "events {} to {} of room group {} did not reach this node",
          expected,
          event.seq() - 1,
          copy.group);
    }
    if (!mirror.whole()) {
      refreshMirror(copy);
    }
    bus.publish(Addresses.LOCAL_EVENTS, new RelayedEvent(event, EventLines.encoded(event)), LOCAL);
    if (!flushWaiters.isEmpty()) {
      answerFlushes();
    }
  }

  /** Tells the node's connection gate the server's bans, when this is the default room's group. */
  private void tellGate(GroupCopy copy) {
    if (copy.group == groups.of(defaultRoom)) {
      bus.publish(
          Addresses.GATE_BANS, new ServerBans(copy.mirror.policyOf(defaultRoom).bans()), LOCAL);
    }
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    return Future.succeededFuture();
  }

  private void onNodeMessage(Message<Object> message) {
    Object body = message.body();
    if (body instanceof PrivateLine
        || body instanceof Evicted
        || body instanceof ModerationMessages.LineRefused
        || body instanceof ModerationMessages.KickedOut
        || body instanceof ModerationMessages.TakenOver
        || body instanceof Invitation) {
      bus.publish(Addresses.LOCAL_DIRECT, body, LOCAL);
    } else if (body instanceof ReportRequest request) {
      RoomMirror mirror = copies[request.group()].mirror;
      message.reply(
          new NodeReport(nodeId, mirror.snapshot(), mirror.state(), new ArrayList<>(localMembers)));
    } else if (body instanceof EventsRequest request) {
      RoomMirror mirror = copies[request.group()].mirror;
      message.reply(new EventsReply(mirror.events(request.after(), request.upTo())));
    } else if (body instanceof HostedSay hosted) {
      bus.send(Addresses.room(hosted.group()), hosted.say(), LOCAL);
    } else if (body instanceof FlushRequest) {
      flushWaiters.add(message);
      answerFlushes();
    }
  }

  private void answerFlushes() {
    for (Iterator<Message<Object>> it = flushWaiters.iterator(); it.hasNext(); ) {
      Message<Object> waiting = it.next();
      FlushRequest request = (FlushRequest) waiting.body();
      RoomMirror mirror = copies[request.group()].mirror;
      if (request.seq() <= mirror.seq()) {
        waiting.reply(new Flushed(mirror.seq()));
        it.remove();
      }
    }
  }

  private void onLocalMember(LocalMember member) {
    if (member.present()) {
      localMembers.add(member.sessionId());
    } else {
      localMembers.remove(member.sessionId());
    }
    metrics.members(localMembers.size());
  }
}
