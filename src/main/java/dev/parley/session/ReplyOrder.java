package dev.parley.session;

import java.util.ArrayDeque;

/**
 * Keeps a session's replies in the order of its client's lines. A reply to a command (a roster, an
 * error, the echo of a private message) that follows chat lines the room has not yet ordered waits
 * until their echoes have been written, so a client sees the answers to its lines in the order it
 * sent them. Confined to the session's context.
 */
final class ReplyOrder {
  /** A reply that waits for the echo of the client's line {@code afterLine}. */
  private record Waiting(long afterLine, String line) {}

  private final ChatSender sender;
  private final Outbox outbox;
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>(2);

  ReplyOrder(ChatSender sender, Outbox outbox) {
    this.sender = sender;
    this.outbox = outbox;
  }

  /** Sends {@code line} now, or after the echoes of the chat lines sent before it. */
  void send(String line) {
    sendAfter(sender.lastId(), line);
  }

  /**
   * Sends {@code line} now, or after the echoes of the chat lines up to {@code afterLine}: for the
   * answer to a request the client sent when that was its last line.
   */
  void sendAfter(long afterLine, String line) {
    if (waiting.isEmpty() && sender.acknowledgedUpTo(afterLine)) {
      outbox.send(line);
    } else {
      waiting.addLast(new Waiting(afterLine, line));
    }
  }

  /**
   * The echo of the client's line {@code lineId} is about to be written: replies to requests sent
   * before that line go first.
   */
  void beforeEcho(long lineId) {
    while (!waiting.isEmpty() && waiting.peekFirst().afterLine() < lineId) {
      outbox.send(waiting.pollFirst().line());
    }
  }

  /** Sends the replies whose earlier chat lines have all been echoed, in order. */
  void release() {
    while (!waiting.isEmpty() && sender.acknowledgedUpTo(waiting.peekFirst().afterLine())) {
      outbox.send(waiting.pollFirst().line());
    }
  }
}
