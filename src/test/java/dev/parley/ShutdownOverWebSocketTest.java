package dev.parley;

/**
 * {@link ShutdownTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11).
 */
class ShutdownOverWebSocketTest extends ShutdownTest {
  ShutdownOverWebSocketTest() {
    clients.overWebSocket();
  }
}
