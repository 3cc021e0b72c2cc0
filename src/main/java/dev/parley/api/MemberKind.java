package dev.parley.room;

/** How a member is connected. */
public enum MemberKind {
  /** A TCP connection speaking the line protocol. */
  TCP,
  /** A service on the event bus. */
  BUS
}
