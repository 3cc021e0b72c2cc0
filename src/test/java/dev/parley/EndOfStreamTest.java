package dev.parley;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestCertificates;
import dev.parley.test.TestServer;
import dev.parley.test.TrustAll;
import dev.parley.test.WebSocketFrames;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * PROTOCOL.md section 8, "End of stream ends a session only after every line that came before it":
 * a script that sends its name and a line and ends its side at once ({@code printf 'bot\nbuild 7
 * failed\n' | nc -q0 HOST 8000}) is named, its lines reach the room, and then it leaves. Over TCP
 * (half-close and close), TLS and WebSocket (with and without a close frame), fifty times in a row.
 */
@ExtendWith(VertxExtension.class)
class EndOfStreamTest {
  private static final int RUNS = 50;

  @RegisterExtension final ChatClients clients = new ChatClients();

  @TempDir Path dir;

  /** How a script reaches the server and how it ends its side. */
  enum Script {
    /** TCP, then {@code shutdownOutput}: a FIN while still reading, as {@code nc -N} does. */
    TCP_HALF_CLOSE,
    /** TCP, then close at once, as {@code nc -q0} does. */
    TCP_CLOSE,
    /** TLS on the chat port, then close at once. */
    TLS_CLOSE,
    /** WebSocket, one text frame holding every line, then a close frame and close. */
    WEBSOCKET_CLOSE_FRAME,
    /** WebSocket, one text frame holding every line, then close without a close frame. */
    WEBSOCKET_FIN
  }

  /** A server for the script's transport, and a watcher in the default room. */
  private record Room(int port, int webPort, ChatClient watcher) {}

  private Room room(Vertx vertx, Script script) {
    Parley parley =
        script == Script.TLS_CLOSE
            ? TestServer.start(vertx, tlsConfig())
            : TestServer.start(vertx, TestServer.config("limits.linesPerSecond", 0));
    ChatClient watcher =
        ChatClient.joined(
            script == Script.TLS_CLOSE
                ? clients.connectTls(parley.port())
                : clients.connect(parley.port()),
            "watcher");
    return new Room(parley.port(), parley.webPort(), watcher);
  }

  private dev.parley.config.ParleyConfig tlsConfig() {
    TestCertificates.Pem pem = TestCertificates.selfSigned(dir);
    return TestServer.config(
        "limits.linesPerSecond",
        0,
        "server.tls.certPath",
        pem.certificate().toString(),
        "server.tls.keyPath",
        pem.key().toString());
  }

  @ParameterizedTest
  @EnumSource(Script.class)
  void everyLineBeforeTheEndReachesTheRoomBeforeTheDeparture(Script script, Vertx vertx)
      throws Exception {
    Room room = room(vertx, script);
    for (int i = 1; i <= RUNS; i++) {
      String bot = "bot" + i;
      String lines =
          i % 2 == 0
              ? bot + "\nbuild " + i + " failed\n"
              : bot + "\nbuild " + i + " failed\nsee log " + i + "\n";
      run(script, room, lines);
      room.watcher().expect("* " + bot + " has arrived");
      room.watcher().expect(bot + ": build " + i + " failed");
      if (i % 2 != 0) {
        room.watcher().expect(bot + ": see log " + i);
      }
      room.watcher().expect("* " + bot + " has left");
    }
  }

  @ParameterizedTest
  @EnumSource(Script.class)
  void aClientThatSendsOnlyItsNameIsNamedArrivesAndLeaves(Script script, Vertx vertx)
      throws Exception {
    Room room = room(vertx, script);
    for (int i = 1; i <= 10; i++) {
      run(script, room, "quiet" + i + "\n");
      room.watcher().expect("* quiet" + i + " has arrived");
      room.watcher().expect("* quiet" + i + " has left");
    }
  }

  /** Connects as {@code script} says, sends {@code lines} in one write, and ends its side. */
  private static void run(Script script, Room room, String lines) throws Exception {
    byte[] bytes = lines.getBytes(StandardCharsets.UTF_8);
    switch (script) {
      case TCP_HALF_CLOSE -> {
        try (Socket socket = plain(room.port())) {
          socket.getOutputStream().write(bytes);
          socket.shutdownOutput();
          // Reads what the server says until it closes, as nc does.
          socket.getInputStream().readAllBytes();
        }
      }
      case TCP_CLOSE -> {
        Socket socket = plain(room.port());
        socket.getOutputStream().write(bytes);
        socket.close();
      }
      case TLS_CLOSE -> {
        SSLSocket socket = tls(room.port());
        socket.getOutputStream().write(bytes);
        socket.close();
      }
      case WEBSOCKET_CLOSE_FRAME, WEBSOCKET_FIN -> {
        Socket socket = plain(room.webPort());
        WebSocketFrames.open(socket);
        OutputStream out = socket.getOutputStream();
        WebSocketFrames.writeText(out, bytes);
        if (script == Script.WEBSOCKET_CLOSE_FRAME) {
          WebSocketFrames.writeFrame(out, 0x8, true, new byte[] {0x03, (byte) 0xE8});
        }
        socket.close();
      }
    }
  }

  private static Socket plain(int port) throws IOException {
    Socket socket = new Socket();
    socket.connect(new InetSocketAddress("127.0.0.1", port), ChatClient.TIMEOUT_MILLIS);
    socket.setSoTimeout(ChatClient.TIMEOUT_MILLIS);
    return socket;
  }

  private static SSLSocket tls(int port) throws IOException, GeneralSecurityException {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustAll()}, null);
    SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
    socket.setSoTimeout(ChatClient.TIMEOUT_MILLIS);
    socket.startHandshake();
    return socket;
  }
}
