package dev.parley.rooms;

import dev.parley.api.ApiAddresses;
import dev.parley.bus.ActivityNotice;
import dev.parley.bus.Addresses;
import dev.parley.bus.DepartRequest;
import dev.parley.bus.HistoryRequest;
import dev.parley.bus.JoinRequest;
import dev.parley.bus.LeaveRequest;
import dev.parley.bus.ModerationMessages;
import dev.parley.bus.MoveRequest;
import dev.parley.bus.NickRequest;
import dev.parley.bus.NodeMessages;
import dev.parley.bus.PrivateRequest;
import dev.parley.bus.RoomCodecs;
import dev.parley.bus.RoomPing;
import dev.parley.bus.RoomReady;
import dev.parley.bus.RoomSayRequest;
import dev.parley.bus.RoomsRequest;
import dev.parley.bus.RosterReply;
import dev.parley.bus.SayRequest;
import dev.parley.bus.WhoRequest;
import dev.parley.cluster.MemberDepartures;
import dev.parley.config.ParleyConfig;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.names.NameRegistry;
import dev.parley.placement.RoomGroups;
import dev.parley.room.Arrived;
import dev.parley.room.Chat;
import dev.parley.room.HistoryLine;
import dev.parley.room.Left;
import dev.parley.room.Member;
import dev.parley.room.Moved;
import dev.parley.room.RoomEvent;
import dev.parley.room.RoomException;
import dev.parley.room.RoomPolicy;
import dev.parley.room.RoomSnapshot;
import dev.parley.room.Rooms;
import dev.parley.store.Store;
import dev.parley.time.TimeSource;
import dev.parley.values.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.spi.cluster.ClusterManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room verticle: exactly one per room. It owns the {@link Room}, confined to its event-loop
 * context, and reaches the rest of the system only over the event bus: sessions' requests on {@link
 * Addresses#ROOM}, the public JSON API on {@link ApiAddresses}, every event published twice (as a
 * record on {@link Addresses#EVENTS} for the chat servers, as JSON on {@link ApiAddresses#EVENTS}
 * for services), and the periodic idle sweep every {@code idle.sweepSeconds}.
 */
final class RoomVerticle extends VerticleBase implements Rooms.Output {
  private static final Logger LOG = LoggerFactory.getLogger(RoomVerticle.class);

  private static final DeliveryOptions FLUSH = new DeliveryOptions().setSendTimeout(2000);

  /** How long a stopping host waits for its history queue to reach the store. */
  private static final long DRAIN_MILLIS = 2000;

  /** How many rooms' event addresses are kept computed; the cache starts over past this. */
  private static final int ROOM_ADDRESSES_KEPT = 4096;

  private final ParleyConfig config;
  private final TimeSource time;
  private final String nodeId;
  private final int group;
  private final int groups;
  private final Store store;
  private final Takeover takeover;
  private final List<MessageConsumer<?>> consumers = new ArrayList<>();
  private final Map<String, String> roomEventAddresses = new HashMap<>();
  private Rooms room;
  private Admissions admissions;
  private ModerationDesk desk;
  private final RoomCounts counts;
  private EventBus bus;
  private long sweepTimer = -1;
  private MemberDepartures departures;
  private final RoomHost.Listener listener;
  private final DurableHistory durable;
  private final Supplier<Future<Void>> closing;

  /**
   * Creates the rooms' verticle, continuing from what a takeover learned ({@link Takeover#FRESH}
   * for new rooms).
   *
   * @param config the node's settings
   * @param time the time source for idle decisions and event timestamps
   * @param nodeId this node's id
   * @param group the room group this verticle orders
   * @param groups how many room groups the cluster has
   * @param takeover the state to continue from
   * @param listener told how many rooms with members this node orders
   * @param store the store, where history lasts
   * @param metrics where lines the store could not take are counted
   * @param closing called first when the verticle stops, on its context: completes once requests
   *     that still reach this node for the group will be answered ({@link RoomHost#closing})
   */
  RoomVerticle(
      ParleyConfig config,
      TimeSource time,
      String nodeId,
      int group,
      int groups,
      Takeover takeover,
      RoomHost.Listener listener,
      Store store,
      ParleyMetrics metrics,
      Supplier<Future<Void>> closing) {
    this.closing = closing;
    this.config = config;
    this.time = time;
    this.nodeId = nodeId;
    this.group = group;
    this.takeover = takeover;
    this.listener = listener;
    this.durable =
        new DurableHistory(
            config.history(), config.store().writeQueueLines(), time, store, metrics);
    this.counts = new RoomCounts(group, groups);
    this.groups = groups;
    this.store = store;
  }

  @Override
  public Future<?> start() {
    bus = vertx.eventBus();
    RoomCodecs.register(bus);
    return NameRegistry.open(vertx)
        .compose(
            names ->
                durable
                    .withStoredLines(takeover.base())
                    .compose(this::withStoredPolicies)
                    .compose(base -> open(base, names)));
  }

  /**
   * The policies of the group's rooms as the store keeps them (it saves every change before it is
   * made); while the store is away, as the copy the group continues from has them.
   */
  private Future<RoomSnapshot> withStoredPolicies(RoomSnapshot base) {
    RoomGroups placement = new RoomGroups(groups);
    return store
        .roomPolicies()
        .map(
            stored -> {
              List<RoomPolicy> mine = new ArrayList<>();
              for (RoomPolicy policy : stored) {
                if (placement.of(policy.room()) == group) {
                  mine.add(policy);
                }
              }
              return new RoomSnapshot(base.run(), base.seq(), base.members(), base.history(), mine);
            })
        .otherwise(
            failure -> {
              LOG.warn(
                  "room group {}: the store gave no room policies ({}); using the group's copy",
                  group,
                  failure.getMessage());
              return base;
            });
  }

  private Future<?> open(RoomSnapshot base, NameRegistry names) {
    room = new Rooms(config, time, this, base, counts::elsewhere);
    admissions = new Admissions(room, names, this::takenOver);
    desk = new ModerationDesk(room, store, bus, group, groups);
    durable.start(vertx, context, base);
    for (RoomEvent missed : takeover.missed()) {
      bus.publish(Addresses.EVENTS, missed);
    }
    takeover.liveSessions().forEach(room::removeSessionsOfNodeNotIn);
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster != null) {
      checkNodes(cluster);
      departures = MemberDepartures.watch(vertx, cluster, room::removeMembersOfNodesNotIn);
    }
    sweepTimer =
        vertx.setPeriodic(
            config.idle().sweep().toMillis(),
            id -> {
              room.sweepIdle();
              room.expireHistory();
            });
    // The group's own address last: a node that reaches it finds the rest registered.
    return Future.all(
            counts.start(vertx, consumers, room::occupied),
            new RoomApi(
                    room,
                    admissions,
                    config,
                    this::deliverPrivate,
                    new ModerationApi(room, desk, config.limits().maxLineBytes()))
                .register(bus, group, consumers))
        .compose(
            v -> {
              MessageConsumer<Object> requests =
                  bus.consumer(Addresses.room(group), this::onRequest);
              consumers.add(requests);
              return requests.completion();
            })
        .onSuccess(
            v -> {
              LOG.info(
                  "room group {} ({}) open on this node at event {}",
                  group,
                  room.run(),
                  room.seq());
              bus.publish(
                  Addresses.EVENTS,
                  new RoomReady(group, room.run(), room.seq(), nodeId, room.snapshot().policies()));
              listener.roomsOrdered(room.occupied());
            });
  }

  private void checkNodes(ClusterManager cluster) {
    room.removeMembersOfNodesNotIn(new HashSet<>(cluster.getNodes()));
  }

  /**
   * Closes the room for a handover: once this node answers the requests that still reach it while
   * the group moves ({@link RoomHost#closing}), stops taking requests, and waits (up to two
   * seconds) until every node has applied the room's last event, so that whichever node takes the
   * room over starts from all of it, and until the cluster has forgotten the room's consumers.
   */
  @Override
  public Future<?> stop() {
    return closing.get().transform(answered -> close());
  }

  private Future<?> close() {
    vertx.cancelTimer(sweepTimer);
    counts.stop();
    listener.roomsOrdered(0);
    if (departures != null) {
      departures.close();
    }
    List<Future<?>> unregistered = new ArrayList<>();
    for (MessageConsumer<?> consumer : consumers) {
      unregistered.add(consumer.unregister());
    }
    unregistered.add(durable.stop(vertx, DRAIN_MILLIS));
    ClusterManager cluster = ((VertxInternal) vertx).clusterManager();
    if (cluster == null || room == null) {
      return Future.join(unregistered);
    }
    // The consumers take no request once unregister() is called, so the last event is known now:
    // the nodes are asked to apply it while the cluster forgets the consumers, not after.
    long last = room.seq();
    List<Future<?>> done = new ArrayList<>(unregistered);
    for (String node : cluster.getNodes()) {
      done.add(
          bus.request(Addresses.node(node), new NodeMessages.FlushRequest(group, last), FLUSH));
    }
    return Future.join(done).transform(v -> Future.succeededFuture());
  }

  private void onRequest(Message<Object> message) {
    Object body = message.body();
    try {
      if (body instanceof SayRequest say) {
        room.say(say.sessionId(), say.lineId(), say.text());
      } else if (body instanceof RoomSayRequest say) {
        Chat said = room.say(say.sessionId(), say.room(), say.text(), say.lineId(), say.notice());
        message.reply(said == null ? -1L : said.seq());
      } else if (body instanceof ActivityNotice activity) {
        room.touch(activity.sessionId());
      } else if (body instanceof JoinRequest join) {
        RoomApi.reply(
            message,
            (join.kind().multiRoom() && room.isMember(join.sessionId())
                    ? admissions.enter(join.sessionId(), join.room())
                    : join.freesOne()
                        ? admissions.admitMoving(
                            join.sessionId(),
                            join.nodeId(),
                            join.name(),
                            join.lastLineId(),
                            join.room(),
                            true,
                            join.account(),
                            join.address())
                        : admissions.admit(
                            join.sessionId(),
                            join.nodeId(),
                            join.name(),
                            join.kind(),
                            join.lastLineId(),
                            join.room(),
                            false,
                            join.account(),
                            join.address()))
                .onSuccess(
                    entered -> {
                      if (entered.total() == 1) {
                        desk.opened(join.sessionId(), entered.room());
                      }
                    }));
      } else if (body instanceof ModerationMessages.Act act) {
        desk.handle(message, act);
      } else if (body instanceof ModerationMessages.ServerBanned banned) {
        desk.serverBanned(banned);
      } else if (body instanceof DepartRequest depart) {
        message.reply(room.departForMove(depart.sessionId(), depart.target()));
      } else if (body instanceof MoveRequest move) {
        Moved moved = room.move(move.sessionId(), move.room());
        message.reply(moved);
        if (moved.total() == 1) {
          desk.opened(move.sessionId(), moved.room());
        }
      } else if (body instanceof HistoryRequest history) {
        message.reply(room.history(history.sessionId(), history.limit()));
      } else if (body instanceof RoomsRequest rooms) {
        message.reply(room.rooms(rooms.sessionId()));
      } else if (body instanceof WhoRequest who) {
        message.reply(new RosterReply(room.roster(who.sessionId())));
      } else if (body instanceof NickRequest nick) {
        RoomApi.reply(message, admissions.rename(nick.sessionId(), nick.name()));
      } else if (body instanceof PrivateRequest request) {
        RoomApi.reply(
            message,
            admissions.privateMessage(
                request.sessionId(), request.target(), request.text(), this::deliverPrivate));
      } else if (body instanceof LeaveRequest leave) {
        room.leave(leave.sessionId(), leave.reason());
        // Answered for a sender that waits (an IRC QUIT); a plain send ignores it.
        message.reply(Boolean.TRUE);
      } else if (body instanceof RoomPing) {
        message.reply(new RoomPing.Pong(room.run(), nodeId));
      } else if (body instanceof NodeMessages.SnapshotRequest) {
        message.reply(room.snapshot());
      } else {
        message.fail(ErrorCode.BAD_REQUEST.code(), "not a room request");
      }
    } catch (RoomException e) {
      message.fail(e.code().code(), e.getMessage());
    }
  }

  @Override
  public void publish(RoomEvent event) {
    if (event instanceof Chat chat) {
      durable.append(HistoryLine.of(room.run(), chat));
    }
    bus.publish(Addresses.EVENTS, event);
    if (event instanceof Arrived || event instanceof Left) {
      listener.roomsOrdered(room.occupied());
      counts.changed(room.occupied());
    }
    JsonObject json = PublicEvents.of(room.run(), event).toJson();
    bus.publish(ApiAddresses.EVENTS, json);
    bus.publish(roomEvents(event.room()), json);
  }

  /** The address of one room's public events, computed once per room name. */
  private String roomEvents(String roomName) {
    String address = roomEventAddresses.get(roomName);
    if (address == null) {
      if (roomEventAddresses.size() >= ROOM_ADDRESSES_KEPT) {
        roomEventAddresses.clear();
      }
      address = ApiAddresses.events(roomName);
      roomEventAddresses.put(roomName, address);
    }
    return address;
  }

  @Override
  public void privateLine(Member to, String from, String text) {
    MemberMail.privateLine(bus, to.kind(), to.nodeId(), to.sessionId(), from, text);
  }

  private void deliverPrivate(NameRegistry.Holder to, String from, String text) {
    MemberMail.privateLine(bus, to.kind(), to.nodeId(), to.memberId(), from, text);
  }

  @Override
  public void removed(Member member) {
    admissions.removed(member);
  }

  @Override
  public void kickedOut(Member member, String notice, long leftSeq) {
    LOG.info("{} kicked out of its room: {}", member.name(), notice);
    bus.send(
        Addresses.node(member.nodeId()),
        new ModerationMessages.KickedOut(member.sessionId(), notice, leftSeq));
  }

  @Override
  public void refused(Member member, long lineId, String text) {
    bus.send(
        Addresses.node(member.nodeId()),
        new ModerationMessages.LineRefused(member.sessionId(), lineId, text));
  }

  /** The session of another group whose account logged in here: it leaves and closes. */
  private void takenOver(NameRegistry.Holder previous) {
    bus.send(
        Addresses.node(previous.nodeId()), new ModerationMessages.TakenOver(previous.memberId()));
  }

  @Override
  public void evicted(Member member, String notice, String reason, String kickReason) {
    LOG.info("{} removed from the room: {}", member.name(), notice);
    MemberMail.evicted(
        bus, member.kind(), member.nodeId(), member.sessionId(), notice, reason, kickReason);
  }
}
