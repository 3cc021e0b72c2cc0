package dev.parley.bus;

/**
 * A chat line sent to the node that hosts the room's group, on that node's own address, instead of
 * to the group's address: right after a room group moves, a node may still route the group's
 * address to the old host, which drops what it receives, while a node's own address has been
 * registered since the node started. The node's relay hands the line to the group's host on that
 * node, and drops it when that node no longer hosts the group (the sender sends it again).
 *
 * @param group the room group
 * @param say the line
 */
public record HostedSay(int group, SayRequest say) {}
