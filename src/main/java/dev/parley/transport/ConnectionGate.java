package dev.parley.transport;

import dev.parley.bus.Addresses;
import dev.parley.bus.ServerBans;
import dev.parley.config.ParleyConfig;
import dev.parley.metrics.ParleyMetrics;
import dev.parley.protocol.ModerationReplies;
import dev.parley.protocol.Replies;
import dev.parley.room.AddressBlock;
import dev.parley.room.Ban;
import dev.parley.time.TimeSource;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts this node's connections, in total and per client address, for every {@link
 * ChatServerVerticle} instance at once: the limits {@code limits.maxConnections} and {@code
 * limits.maxConnectionsPerAddress}. One runs per node; its counts are confined to its context and
 * reached through two node-local event-bus addresses whose bodies are the client's IP address. An
 * address the server bans (a ban of the default room, which the node's relay tells the gate of) is
 * refused ({@code ! you are banned from this server: WHY}).
 */
public final class ConnectionGate extends VerticleBase {

  private final int maxConnections;
  private final int maxPerAddress;
  private final Map<String, Integer> perAddress = new HashMap<>();
  private final ParleyMetrics metrics;
  private final TimeSource time;
  private List<Ban> serverBans = List.of();
  private int total;

  /**
   * Creates the gate.
   *
   * @param config the node's settings
   * @param metrics where the number of connections is reported
   */
  public ConnectionGate(ParleyConfig config, ParleyMetrics metrics, TimeSource time) {
    this.metrics = metrics;
    this.time = time;
    this.maxConnections = config.limits().maxConnections();
    this.maxPerAddress = config.limits().maxConnectionsPerAddress();
  }

  @Override
  public Future<?> start() {
    EventBus bus = vertx.eventBus();
    return Future.all(
        bus.<String>localConsumer(Addresses.GATE_ADMIT, this::admit).completion(),
        bus.<String>localConsumer(Addresses.GATE_RELEASE, this::release).completion(),
        bus.<ServerBans>localConsumer(Addresses.GATE_BANS, m -> serverBans = m.body().bans())
            .completion());
  }

  private void admit(Message<String> message) {
    String address = message.body();
    int fromAddress = perAddress.getOrDefault(address, 0);
    Ban ban = bannedFromServer(address);
    if (ban != null) {
      message.reply(
          ModerationReplies.bannedFromServer(
              ban.why().isEmpty() ? ModerationReplies.byOperator(ban.by()) : ban.why()));
    } else if (total >= maxConnections) {
      message.reply(Replies.serverFull());
    } else if (maxPerAddress > 0 && fromAddress >= maxPerAddress) {
      message.reply(Replies.tooManyFromAddress());
    } else {
      total++;
      perAddress.put(address, fromAddress + 1);
      metrics.connections(total);
      message.reply("");
    }
  }

  private void release(Message<String> message) {
    String address = message.body();
    Integer count = perAddress.get(address);
    if (count != null) {
      total--;
      metrics.connections(total);
      if (count == 1) {
        perAddress.remove(address);
      } else {
        perAddress.put(address, count - 1);
      }
    }
    message.reply("");
  }

  /** The ban of the server, in force now, of an address or of a block that holds it, or null. */
  private Ban bannedFromServer(String address) {
    long now = time.epochMillis();
    for (Ban ban : serverBans) {
      if (ban.kind() != Ban.Kind.ACCOUNT && (ban.untilMillis() == 0 || ban.untilMillis() > now)) {
        AddressBlock block = AddressBlock.parse(ban.target());
        if (block != null && block.contains(address)) {
          return ban;
        }
      }
    }
    return null;
  }
}
