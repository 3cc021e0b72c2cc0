package dev.parley;

/** {@link RoomsTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11). */
class RoomsOverWebSocketTest extends RoomsTest {
  RoomsOverWebSocketTest() {
    clients.overWebSocket();
  }
}
