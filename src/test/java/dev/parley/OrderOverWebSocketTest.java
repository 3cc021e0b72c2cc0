package dev.parley;

/** {@link OrderTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11). */
class OrderOverWebSocketTest extends OrderTest {
  OrderOverWebSocketTest() {
    clients.overWebSocket();
  }
}
