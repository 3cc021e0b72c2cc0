package dev.parley;

/**
 * {@link CommandsTest} with its clients on the web port, over WebSocket (PROTOCOL.md section 11).
 */
class CommandsOverWebSocketTest extends CommandsTest {
  CommandsOverWebSocketTest() {
    clients.overWebSocket();
  }
}
