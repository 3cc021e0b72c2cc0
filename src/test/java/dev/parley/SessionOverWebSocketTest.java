package dev.parley;

/**
 * {@link SessionTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11).
 */
class SessionOverWebSocketTest extends SessionTest {
  SessionOverWebSocketTest() {
    clients.overWebSocket();
  }
}
