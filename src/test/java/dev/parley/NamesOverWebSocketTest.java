package dev.parley;

/** {@link NamesTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11). */
class NamesOverWebSocketTest extends NamesTest {
  NamesOverWebSocketTest() {
    clients.overWebSocket();
  }
}
