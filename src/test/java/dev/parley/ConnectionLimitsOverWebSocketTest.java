package dev.parley;

/**
 * {@link ConnectionLimitsTest} with its clients on the web port, over WebSocket (PROTOCOL.md
 * section 11).
 */
class ConnectionLimitsOverWebSocketTest extends ConnectionLimitsTest {
  ConnectionLimitsOverWebSocketTest() {
    clients.overWebSocket();
  }
}
