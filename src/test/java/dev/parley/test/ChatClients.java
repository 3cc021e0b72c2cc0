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

  /** Connects a client that has not given a name yet. */
  public ChatClient connect(int port) {
    return track(ChatClient.connect(port));
  }

  /** Connects from a given local address with a given receive buffer (0 for the default). */
  public ChatClient connect(int port, String localAddress, int receiveBuffer) {
    return track(ChatClient.connect(port, localAddress, receiveBuffer));
  }

  /** Connects over TLS, trusting any certificate. */
  public ChatClient connectTls(int port) {
    return track(ChatClient.connectTls(port));
  }

  /** Connects and joins the room as {@code name}. */
  public ChatClient join(int port, String name) {
    return track(ChatClient.join(port, name));
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
