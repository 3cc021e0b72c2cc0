package dev.parley;

/**
 * {@link HistoryTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11).
 */
class HistoryOverWebSocketTest extends HistoryTest {
  HistoryOverWebSocketTest() {
    clients.overWebSocket();
  }
}
