package dev.parley.test;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens {@link ChatClient}s for a test and closes them all after it. Register it with
 * {@code @RegisterExtension}.
 */
public final class ChatClients implements AfterEachCallback {
  private final List<ChatClient> open = new ArrayList<>();
  private boolean webSocket;

  /**
   * Makes {@link #connect(int)} and {@link #join} speak WebSocket to the web port of the server
   * whose chat port they are given, so that a protocol test runs over both transports.
   *
   * @return this
   */
  public ChatClients overWebSocket() {
    webSocket = true;
    return this;
  }

  /** Connects a client that has not given a name yet. */
  public ChatClient connect(int port) {
    return track(
        webSocket
            ? ChatClient.overWebSocket(TestServer.webPortOf(port))
            : ChatClient.connect(port));
  }

  /**
   * Connects from a given local address (null for any) with a given receive buffer (0 for the
   * default). Over WebSocket the client frames its lines by hand on a plain socket, so that both
   * settings hold there too and it reads nothing until the test reads, as over TCP.
   */
  public ChatClient connect(int port, String localAddress, int receiveBuffer) {
    return track(
        webSocket
            ? ChatClient.overWebSocket(TestServer.webPortOf(port), localAddress, receiveBuffer)
            : ChatClient.connect(port, localAddress, receiveBuffer));
  }

  /** Connects over TLS to the chat port, trusting any certificate; TCP even over WebSocket. */
  public ChatClient connectTls(int port) {
    return track(ChatClient.connectTls(port));
  }

  /**
   * Connects to the web port behind a PROXY protocol header, over WebSocket whatever the variant
   * ({@link ChatClient#overWebSocketBehindProxy}).
   */
  public ChatClient overWebSocketBehindProxy(int webPort, byte[] proxyHeader) {
    return track(ChatClient.overWebSocketBehindProxy(webPort, proxyHeader));
  }

  /** Connects and joins the room as {@code name}. */
  public ChatClient join(int port, String name) {
    return ChatClient.joined(connect(port), name);
  }

  private ChatClient track(ChatClient client) {
    open.add(client);
    return client;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (ChatClient client : open) {
      client.close();
    }
    open.clear();
  }
}
