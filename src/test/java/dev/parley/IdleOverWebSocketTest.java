package dev.parley;

/** {@link IdleTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11). */
class IdleOverWebSocketTest extends IdleTest {
  IdleOverWebSocketTest() {
    clients.overWebSocket();
  }
}
