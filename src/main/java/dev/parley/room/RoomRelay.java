package dev.parley.room;

import dev.parley.protocol.EncodedLine;
import dev.parley.protocol.Replies;
import dev.parley.room.NodeMessages.EventsReply;
import dev.parley.room.NodeMessages.EventsRequest;
import dev.parley.room.NodeMessages.FlushRequest;
import dev.parley.room.NodeMessages.Flushed;
import dev.parley.room.NodeMessages.NodeReport;
import dev.parley.room.NodeMessages.ReportRequest;
import dev.parley.room.NodeMessages.SnapshotRequest;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room's end on one node: the node's only cluster-wide registrations, whatever the number of
 * connections. It takes every room event once ({@link RoomAddresses#EVENTS}), drops duplicates by
 * sequence number, keeps the node's {@link RoomMirror} and hands each event to the node's sessions
 * over the node-local bus; it takes what the room sends to one session ({@link RoomAddresses#node})
 * and hands it to that session; and it answers a new room host's questions when the room moves. One
 * per node; confined to its context.
 */
public final class RoomRelay extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(RoomRelay.class);
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
  private static final DeliveryOptions SNAPSHOT = new DeliveryOptions().setSendTimeout(3000);

  private final String nodeId;
  private final RoomMirror mirror = new RoomMirror();
  private final Set<String> localMembers = new LinkedHashSet<>();
  private final List<Message<Object>> flushWaiters = new ArrayList<>();
  private EventBus bus;

  /**
   * Creates the relay.
   *
   * @param nodeId this node's id, unique in the cluster
   */
  public RoomRelay(String nodeId) {
    this.nodeId = nodeId;
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    RoomCodecs.register(bus);
    return Future.all(
            bus.consumer(RoomAddresses.EVENTS, m -> onEvent(m.body())).completion(),
            bus.consumer(RoomAddresses.node(nodeId), this::onNodeMessage).completion(),
            bus.<LocalMember>localConsumer(
                    RoomAddresses.LOCAL_MEMBERS, m -> onLocalMember(m.body()))
                .completion())
        .onSuccess(v -> refreshMirror());
  }

  /** Asks the room for its state; events already applied on top of it are kept. */
  private void refreshMirror() {
    bus.<RoomSnapshot>request(RoomAddresses.ROOM, new SnapshotRequest(nodeId), SNAPSHOT)
        .onSuccess(
            reply -> {
              RoomSnapshot snapshot = reply.body();
              if (snapshot.run().equals(mirror.run()) && snapshot.seq() <= mirror.seq()) {
                List<RoomEvent> later = mirror.events(snapshot.seq(), Long.MAX_VALUE);
                mirror.reset(snapshot);
                later.forEach(mirror::apply);
              } else if (!snapshot.run().equals(mirror.run()) || snapshot.seq() > mirror.seq()) {
                mirror.reset(snapshot);
              }
            })
        .onFailure(err -> LOG.debug("no room to take a snapshot from yet: {}", err.getMessage()));
  }

  private void onEvent(Object body) {
    if (body instanceof RoomReady ready) {
      if (!ready.run().equals(mirror.run()) && mirror.seq() > 0) {
        LOG.info("the room started afresh on {}", ready.nodeId());
      }
      mirror.newRun(ready.run());
      bus.publish(RoomAddresses.LOCAL_EVENTS, new RelayedEvent(ready, null), LOCAL);
      return;
    }
    RoomEvent event = (RoomEvent) body;
    long expected = mirror.seq() + 1;
    if (!mirror.apply(event)) {
      return;
    }
    if (event.seq() > expected && expected > 1) {
      LOG.warn("events {} to {} did not reach this node", expected, event.seq() - 1);
      refreshMirror();
    }
    bus.publish(RoomAddresses.LOCAL_EVENTS, new RelayedEvent(event, encode(event)), LOCAL);
    if (!flushWaiters.isEmpty()) {
      answerFlushes();
    }
  }

  /** The line TCP members see for an event, encoded once for the whole node. */
  private static EncodedLine encode(RoomEvent event) {
    String line;
    if (event instanceof Chat chat) {
      line = Replies.chat(chat.name(), chat.text());
    } else if (event instanceof Arrived arrived) {
      line = Replies.arrived(arrived.name());
    } else if (event instanceof Left left) {
      line = Replies.left(left.name(), left.reason());
    } else {
      Renamed renamed = (Renamed) event;
      line = Replies.renamed(renamed.oldName(), renamed.newName());
    }
    return EncodedLine.of(line);
  }

  private void onNodeMessage(Message<Object> message) {
    Object body = message.body();
    if (body instanceof PrivateLine || body instanceof Evicted) {
      bus.publish(RoomAddresses.LOCAL_DIRECT, body, LOCAL);
    } else if (body instanceof ReportRequest) {
      message.reply(new NodeReport(nodeId, mirror.snapshot(), new ArrayList<>(localMembers)));
    } else if (body instanceof EventsRequest request) {
      message.reply(new EventsReply(mirror.events(request.after(), request.upTo())));
    } else if (body instanceof FlushRequest) {
      flushWaiters.add(message);
      answerFlushes();
    }
  }

  private void answerFlushes() {
    for (Iterator<Message<Object>> it = flushWaiters.iterator(); it.hasNext(); ) {
      Message<Object> waiting = it.next();
      if (((FlushRequest) waiting.body()).seq() <= mirror.seq()) {
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
  }
}
