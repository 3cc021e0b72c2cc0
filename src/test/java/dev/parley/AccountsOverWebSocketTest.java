package dev.parley;

/** {@link AccountsTest} with its clients over WebSocket (PROTOCOL.md sections 11 and 12). */
class AccountsOverWebSocketTest extends AccountsTest {
  AccountsOverWebSocketTest() {
    clients.overWebSocket();
  }
}
