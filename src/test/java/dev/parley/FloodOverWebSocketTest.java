package dev.parley;

/** {@link FloodTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11). */
class FloodOverWebSocketTest extends FloodTest {
  FloodOverWebSocketTest() {
    clients.overWebSocket();
  }
}
