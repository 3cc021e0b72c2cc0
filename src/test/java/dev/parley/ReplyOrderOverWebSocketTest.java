package dev.parley;

/**
 * {@link ReplyOrderTest} over WebSocket (PROTOCOL.md section 11): the lines of one text frame are
 * answered in their order.
 */
class ReplyOrderOverWebSocketTest extends ReplyOrderTest {
  ReplyOrderOverWebSocketTest() {
    clients.overWebSocket();
  }
}
