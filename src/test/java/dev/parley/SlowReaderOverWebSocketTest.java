package dev.parley;

/**
 * {@link SlowReaderTest} with its clients on the web port, over WebSocket (PROTOCOL.md sections 6
 * and 11): the slow member is a WebSocket that reads nothing until its queue is full, then learns
 * the exact count of the lines it lost before the next line, or is disconnected as too slow.
 */
class SlowReaderOverWebSocketTest extends SlowReaderTest {
  SlowReaderOverWebSocketTest() {
    clients.overWebSocket();
  }
}
