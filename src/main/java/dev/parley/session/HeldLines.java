package dev.parley.session;

import java.util.ArrayDeque;

/**
 * Back pressure toward the room: while the member joins, or while {@code limits.maxUnackedLines} of
 * its chat lines wait for the room's acknowledgement, the lines the client sends are held here (in
 * order, as read) and the connection stops reading; they are read again once the room answers or
 * acknowledges. Confined to the connection's event loop.
 */
final class HeldLines {
  private final Session session;
  private final Connection connection;
  private final ChatSender sender;
  private final ReplyOrder replies;
  private final ArrayDeque<byte[]> heldLines = new ArrayDeque<>(2);
  private boolean crossing;

  HeldLines(Session session, Connection connection, ChatSender sender, ReplyOrder replies) {
    this.session = session;
    this.connection = connection;
    this.sender = sender;
    this.replies = replies;
  }

  /**
   * Holds a line and stops reading, if lines must wait now.
   *
   * @param line a framed line as read, not yet cleaned
   * @return whether the line was held
   */
  boolean holdIfWaiting(byte[] line) {
    if (waiting()) {
      heldLines.add(line);
      connection.pause();
      return true;
    }
    return false;
  }

  /**
   * Whether lines must wait: the member is joining, is moving to a room of another group, or its
   * unacknowledged lines are at the cap.
   */
  private boolean waiting() {
    Session.State state = session.state();
    return state == Session.State.JOINING
        || (state == Session.State.MEMBER && (crossing || sender.full()));
  }

  /**
   * While {@code on}, the member moves to a room of another group and its lines wait: each must be
   * numbered in the order of the room it is sent to. Turning it off reads the held lines.
   */
  void crossing(boolean on) {
    crossing = on;
    if (!on) {
      release();
    }
  }

  private boolean holding() {
    return waiting() || session.state() == Session.State.CLOSED;
  }

  /** Reads the held lines while they need not wait, then reads from the client again. */
  void release() {
    while (!heldLines.isEmpty() && !holding()) {
      session.onLine(heldLines.poll());
    }
    if (!holding() && !session.shuttingDown()) {
      connection.resume();
    }
  }

  /** The room ordered this session's lines up to {@code lineId}. */
  void acknowledged(long lineId) {
    boolean wasFull = sender.full();
    sender.acknowledged(lineId);
    replies.release();
    if (wasFull && !sender.full()) {
      release();
    }
  }
}
