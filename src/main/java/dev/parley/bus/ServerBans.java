package dev.parley.bus;

import dev.parley.room.Ban;
import java.util.List;

/**
 * The bans of the server (the default room's, PROTOCOL.md section 13), as this node's copy of the
 * default room's group has them, for the connection gate ({@link Addresses#GATE_BANS}).
 *
 * @param bans the bans, in the order they were made, ended ones included
 */
public record ServerBans(List<Ban> bans) {
  /** Copies the list. */
  public ServerBans {
    bans = List.copyOf(bans);
  }
}
