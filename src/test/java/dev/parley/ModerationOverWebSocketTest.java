package dev.parley;

/** {@link ModerationTest} with its clients over WebSocket (PROTOCOL.md sections 11 and 13). */
class ModerationOverWebSocketTest extends ModerationTest {
  ModerationOverWebSocketTest() {
    clients.overWebSocket();
  }
}
