package dev.parley.bus;

import dev.parley.room.RoomEvent;

/**
 * Every event-bus address of Parley's own parts (the public API's are in {@link
 * dev.parley.api.ApiAddresses}, a published contract). Sessions reach the room only through these,
 * never through a Java reference, so the room may live on another cluster node. Addresses under
 * {@code parley.local.} are used with node-local delivery only.
 */
public final class Addresses {
  private static final String ROOM_PREFIX = "parley.room.group.";

  /**
   * A node that runs Parley joined or is leaving (the body is its id): every node places the room
   * groups again.
   */
  public static final String PLACEMENT = "parley.placement";

  /** Each room group's number of rooms with members: {@link RoomCountNotice}. */
  public static final String ROOM_COUNTS = "parley.room.counts";

  /** Room events, each published in its room group's one order: {@link RoomEvent}. */
  public static final String EVENTS = "parley.room.events";

  /**
   * Node-local: room events relayed by the node's {@code node.RoomRelay} to the node's chat
   * servers, as {@link RelayedEvent}s.
   */
  public static final String LOCAL_EVENTS = "parley.local.events";

  /**
   * Node-local: what the room sent to one session ({@link PrivateLine}, {@link Evicted}), relayed
   * to the node's chat servers, which hand it to the session.
   */
  public static final String LOCAL_DIRECT = "parley.local.direct";

  /** Node-local: sessions tell the {@code node.RoomRelay} that they joined or left. */
  public static final String LOCAL_MEMBERS = "parley.local.members";

  /** Node-local: a session asks the node's connection gate to admit its address. */
  public static final String GATE_ADMIT = "parley.local.gate.admit";

  /** Node-local: a closed session gives its address's place back to the gate. */
  public static final String GATE_RELEASE = "parley.local.gate.release";

  /**
   * Node-local: the node's relay tells the connection gate the bans of the server (the default
   * room's), whenever its copy of them changes; the body is a {@link ServerBans}.
   */
  public static final String GATE_BANS = "parley.local.gate.bans";

  /** Node-local: Parley on this node begins to shut down (the body is the node's id). */
  public static final String NODE_CLOSING = "parley.local.closing";

  private static final String NODE_PREFIX = "parley.node.";
  private static final String API_PREFIX = "parley.api.";

  private Addresses() {}

  /**
   * Requests to one room group's host: {@link JoinRequest}, {@link SayRequest} and the other
   * requests.
   *
   * @param group the group (see {@link dev.parley.placement.RoomGroups})
   * @return {@code parley.room.group.<group>}
   */
  public static String room(int group) {
    return ROOM_PREFIX + group;
  }

  /**
   * Where one room group's host takes the requests of the public API that concern its rooms: the
   * node's {@link dev.parley.api.ApiAddresses} front hands them on, naming the public address in
   * the header {@value #API_ACTION}. One consumer per group, whatever the number of requests the
   * API has: a host that opens registers few consumers in the cluster.
   *
   * @param group the group
   * @return {@code parley.room.group.<group>.api}
   */
  public static String api(int group) {
    return room(group) + ".api";
  }

  /** The header of a request on {@link #api(int)} that names its public address. */
  public static final String API_ACTION = "parley.action";

  /**
   * The address of one node's {@code node.RoomRelay}: the one cluster-wide registration per node
   * for what the room sends to that node's sessions.
   *
   * @param nodeId the node's id
   * @return {@code parley.node.<id>}
   */
  public static String node(String nodeId) {
    return NODE_PREFIX + nodeId;
  }
}
