package dev.parley.bus;

/**
 * What a node's copy of a room group amounts to, as the node reports it to a new host deciding how
 * to continue the group ({@link NodeMessages.NodeReport}).
 */
public enum CopyState {
  /** Nothing was ever heard of the group: no event, no start, no snapshot. */
  NONE,
  /** The group was heard of, but the copy lacks a snapshot or has a gap: it is not a copy. */
  PARTIAL,
  /** The whole state of the group as of the copy's last event. */
  WHOLE
}
