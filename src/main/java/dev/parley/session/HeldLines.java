package dev.parley.session;

import java.util.ArrayDeque;

/**
 * Keeps the client's input in order while it must wait (PROTOCOL.md section 8: lines are answered
 * in the order they were sent, and the end of the stream comes after every line): while the
 * connection is being admitted, while the member joins, while an answer to one of its commands is
 * awaited, or while {@code limits.maxUnackedLines} of its chat lines wait for the room's
 * acknowledgement, what the client sends is held here (its lines, the lines that were too long, and
 * the end of its input, in the order read) and the connection stops reading; it is read again once
 * the wait is over. Confined to the connection's event loop.
 */
final class HeldLines {
  /** What else than a line the client's input holds. */
  private enum Mark {
    /** A line over {@code limits.maxLineBytes}, discarded. */
    TOO_LONG,
    /** The end of the client's input. */
    END
  }

  private final Session session;
  private final Connection connection;
  private final ChatSender sender;
  private final ReplyOrder replies;
  // Each item is a line's bytes as read (byte[]) or a Mark.
  private final ArrayDeque<Object> held = new ArrayDeque<>(2);
  private boolean crossing;
  private boolean awaitingAnswer;

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
    return hold(line);
  }

  /**
   * Holds the notice of a line that was too long, if lines must wait now.
   *
   * @return whether it was held
   */
  boolean holdTooLongIfWaiting() {
    return hold(Mark.TOO_LONG);
  }

  /**
   * Holds the end of the client's input behind its lines, if lines must wait now.
   *
   * @return whether it was held
   */
  boolean holdEndIfWaiting() {
    return hold(Mark.END);
  }

  private boolean hold(Object item) {
    if (waiting()) {
      held.add(item);
      connection.pause();
      return true;
    }
    return false;
  }

  /**
   * Whether input must wait: the connection is being admitted, the member is joining, is moving to
   * a room of another group, awaits the answer to a command, or its unacknowledged lines are at the
   * cap.
   */
  private boolean waiting() {
    Session.State state = session.state();
    return state == Session.State.ADMITTING
        || state == Session.State.VERIFYING
        || state == Session.State.JOINING
        || (state == Session.State.MEMBER && (crossing || awaitingAnswer || sender.full()));
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

  /**
   * While {@code on}, the answer to one of the member's commands is awaited, and its later lines
   * wait, so that the answer comes before anything caused by them. Turning it off reads the held
   * lines.
   */
  void awaitingAnswer(boolean on) {
    awaitingAnswer = on;
    if (!on) {
      release();
    }
  }

  private boolean holding() {
    return waiting() || session.state() == Session.State.CLOSED;
  }

  /** Reads the held input while it need not wait, then reads from the client again. */
  void release() {
    while (!held.isEmpty() && !holding()) {
      Object item = held.poll();
      if (item == Mark.TOO_LONG) {
        session.onLineTooLong();
      } else if (item == Mark.END) {
        session.onEnd();
      } else {
        session.onLine((byte[]) item);
      }
    }
    if (held.isEmpty() && !holding() && !session.shuttingDown()) {
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
    if (!sender.waiting()) {
      session.linesOrdered();
    }
  }
}
