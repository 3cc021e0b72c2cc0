package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.ops.OpsServerTest;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ManualTimeSource;
import dev.parley.test.TestCertificates;
import dev.parley.test.TestServer;
import dev.parley.test.TrustAll;
import dev.parley.test.WebSocketClient;
import dev.parley.test.WebSocketFrames;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** PROTOCOL.md section 11: the chat over WebSocket on the web port, each row on a real socket. */
@ExtendWith(VertxExtension.class)
class WebSocketTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private final List<WebSocketClient> sockets = new ArrayList<>();

  @AfterEach
  void closeSockets() {
    sockets.forEach(WebSocketClient::close);
  }

  private WebSocketClient join(int webPort, String name) {
    WebSocketClient client = WebSocketClient.join(webPort, name);
    sockets.add(client);
    return client;
  }

  private WebSocketClient connect(int webPort) {
    WebSocketClient client = WebSocketClient.connect(webPort);
    sockets.add(client);
    return client;
  }

  @Test
  void aWebSocketUserAndATcpUserShareARoomOneFramePerLine(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    WebSocketClient bob =
        WebSocketClient.connect(parley.webPort(), "http://127.0.0.1:" + parley.webPort());
    sockets.add(bob);
    bob.expect("* welcome to parley, what is your name?");
    bob.say("bob");
    bob.expect("* you are bob").expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");

    alice.say("hi from nc");
    alice.expect("alice: hi from nc");
    bob.expect("alice: hi from nc");
    bob.say("hi from the web");
    bob.expect("bob: hi from the web");
    alice.expect("bob: hi from the web");
    bob.say("/msg alice psst");
    bob.expect("(private to alice) bob: psst");
    alice.expect("(private) bob: psst");
  }

  @Test
  void oneTextFrameMayHoldSeveralLines(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    WebSocketClient bob = join(parley.webPort(), "bob");
    bob.say("first\nsecond\r\nthird\n");
    bob.expect("bob: first").expect("bob: second").expect("bob: third");
  }

  @Test
  void aBinaryFrameClosesWith1003AndTheOthersSeeTheDeparture(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    WebSocketClient bob = join(parley.webPort(), "bob");
    alice.expect("* bob has arrived");
    bob.sendBinary(new byte[] {1, 2, 3});
    bob.expectClosed(1003);
    alice.expect("* bob has left");
  }

  @Test
  void aMessageOver64KiBClosesWith1009(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    WebSocketClient bob = join(parley.webPort(), "bob");
    bob.say("x".repeat(65_537));
    bob.expectClosed(1009);
  }

  @Test
  void aMessageOfExactly64KiBIsAccepted(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    WebSocketClient bob = join(parley.webPort(), "bob");
    // 65,530 + 6 bytes: a line over the line limit, refused alone, then a line to say.
    bob.say("x".repeat(65_530) + "\nafter");
    bob.expect("! line too long (max 1024 bytes)");
    bob.expect("bob: after");
  }

  @Test
  void aMessageOver64KiBInSmallContinuationFramesClosesWith1009(Vertx vertx) throws IOException {
    Parley parley = TestServer.start(vertx, TestServer.config());
    try (Socket socket = new Socket("127.0.0.1", parley.webPort())) {
      socket.setSoTimeout(ChatClient.TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = greeted(socket);
      // Sixteen frames of 4,096 bytes make 65,536; a last frame of one byte is over the limit.
      byte[] piece = "x".repeat(4096).getBytes(StandardCharsets.UTF_8);
      WebSocketFrames.writeFrame(out, 0x1, false, piece);
      for (int i = 1; i < 16; i++) {
        WebSocketFrames.writeFrame(out, 0x0, false, piece);
      }
      WebSocketFrames.writeFrame(out, 0x0, true, new byte[] {'x'});
      assertEquals(1009, WebSocketFrames.readCloseStatus(in));
    }
  }

  @Test
  void aSingleFrameOfExactly64KiBIsAccepted(Vertx vertx) throws IOException {
    Parley parley = TestServer.start(vertx, TestServer.config());
    try (Socket socket = new Socket("127.0.0.1", parley.webPort())) {
      socket.setSoTimeout(ChatClient.TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = greeted(socket);
      WebSocketFrames.writeText(out, "bob".getBytes(StandardCharsets.UTF_8));
      assertEquals("* you are bob", text(in));
      assertEquals("* online (1): bob", text(in));
      // One frame of 65,530 + 6 bytes: a line over the line limit, refused alone, then a line.
      byte[] frame = ("x".repeat(65_530) + "\nafter").getBytes(StandardCharsets.UTF_8);
      assertEquals(65_536, frame.length);
      WebSocketFrames.writeText(out, frame);
      assertEquals("! line too long (max 1024 bytes)", text(in));
      assertEquals("bob: after", text(in));
    }
  }

  @Test
  void aSingleFrameOver64KiBClosesWith1009(Vertx vertx) throws Exception {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    for (int size : new int[] {65_537, 1 << 20}) {
      try (Socket socket = new Socket("127.0.0.1", parley.webPort())) {
        socket.setSoTimeout(ChatClient.TIMEOUT_MILLIS);
        OutputStream out = socket.getOutputStream();
        DataInputStream in = greeted(socket);
        WebSocketFrames.writeText(out, "bob".getBytes(StandardCharsets.UTF_8));
        assertEquals("* you are bob", text(in));
        text(in);
        alice.expect("* bob has arrived");
        byte[] payload = "x".repeat(size).getBytes(StandardCharsets.UTF_8);
        // The server may close before the client has written the whole frame: it writes apart.
        Thread writer =
            new Thread(
                () -> {
                  try {
                    WebSocketFrames.writeText(out, payload);
                  } catch (IOException closedMeanwhile) {
                    // the server refused the frame from its header on
                  }
                });
        writer.start();
        assertEquals(1009, WebSocketFrames.readCloseStatus(in), size + " bytes");
        writer.join(ChatClient.TIMEOUT_MILLIS);
        alice.expect("* bob has left");
      }
    }
  }

  @Test
  void aTextFrameThatIsNotUtf8ClosesWith1007(Vertx vertx) throws IOException {
    Parley parley = TestServer.start(vertx, TestServer.config());
    try (Socket socket = new Socket("127.0.0.1", parley.webPort())) {
      socket.setSoTimeout(ChatClient.TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = greeted(socket);
      // A masked text frame (mask 0) holding the bytes C3 28: not UTF-8.
      out.write(new byte[] {(byte) 0x81, (byte) 0x82, 0, 0, 0, 0, (byte) 0xC3, 0x28});
      int opcode = in.readUnsignedByte() & 0x0F;
      int length = in.readUnsignedByte() & 0x7F;
      assertEquals(8, opcode, "a close frame");
      assertTrue(length >= 2);
      assertEquals(1007, in.readUnsignedShort());
    }
  }

  @Test
  void aMemberWhoseTextIsNotUtf8IsClosedWith1007AndTheOthersSeeTheDeparture(Vertx vertx)
      throws IOException {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    try (Socket socket = new Socket("127.0.0.1", parley.webPort())) {
      socket.setSoTimeout(ChatClient.TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      DataInputStream in = greeted(socket);
      WebSocketFrames.writeText(out, "bob".getBytes(StandardCharsets.UTF_8));
      assertEquals("* you are bob", text(in));
      assertEquals("* online (2): alice, bob", text(in));
      alice.expect("* bob has arrived");
      WebSocketFrames.writeText(out, new byte[] {(byte) 0xC3, 0x28});
      assertEquals(1007, WebSocketFrames.readCloseStatus(in));
    }
    alice.expect("* bob has left");
  }

  @Test
  void aMemberWhoseMessageIsOver64KiBIsClosedWith1009AndTheOthersSeeTheDeparture(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    WebSocketClient bob = join(parley.webPort(), "bob");
    alice.expect("* bob has arrived");
    bob.say("x".repeat(65_537));
    bob.expectClosed(1009);
    alice.expect("* bob has left");
  }

  /** The next text message on a hand-made WebSocket, decoded; null at a close. */
  private static String text(DataInputStream in) throws IOException {
    byte[] message = WebSocketFrames.readText(in);
    return message == null ? null : new String(message, StandardCharsets.UTF_8);
  }

  /**
   * Opens the WebSocket by hand on a connected socket and reads the greeting, so that a test can
   * then send frames no WebSocket library would.
   */
  private static DataInputStream greeted(Socket socket) throws IOException {
    WebSocketFrames.open(socket);
    DataInputStream in = new DataInputStream(socket.getInputStream());
    byte[] greeting = WebSocketFrames.readText(in);
    assertEquals(
        "* welcome to parley, what is your name?",
        greeting == null ? null : new String(greeting, StandardCharsets.UTF_8));
    return in;
  }

  @Test
  void anotherOriginIsRefusedWith403UnlessAllowed(Vertx vertx) {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "web.allowedOrigins", new JsonArray().add("https://chat.example.com")));
    int port = parley.webPort();
    assertEquals(403, WebSocketClient.handshakeStatus(port, "https://evil.example.net"));
    assertEquals(403, WebSocketClient.handshakeStatus(port, "http://127.0.0.1:" + (port + 1)));
    assertEquals(101, WebSocketClient.handshakeStatus(port, "https://chat.example.com"));
    assertEquals(101, WebSocketClient.handshakeStatus(port, "http://127.0.0.1:" + port));
    assertEquals(101, WebSocketClient.handshakeStatus(port, null));
  }

  @Test
  void overTheConnectionLimitTheHandshakeIsAcceptedAndClosedWith1013(Vertx vertx) {
    Parley full = TestServer.start(vertx, TestServer.config("limits.maxConnections", 1));
    clients.join(full.port(), "alice");
    WebSocketClient refused = connect(full.webPort());
    refused.expect("! server is full, try again later");
    refused.expectClosed(1013);
  }

  @Test
  void overThePerAddressLimitTheHandshakeIsAcceptedAndClosedWith1008(Vertx vertx) {
    Parley parley =
        TestServer.start(vertx, TestServer.config("limits.maxConnectionsPerAddress", 1));
    join(parley.webPort(), "bob");
    ChatClient tcp = clients.connect(parley.port());
    tcp.expect("! too many connections from your address");
    tcp.expectClosed();
    WebSocketClient second = connect(parley.webPort());
    second.expect("! too many connections from your address");
    second.expectClosed(1008);
  }

  @Test
  void theProtectionsOfSection6ApplyWithTheSameTexts(Vertx vertx) {
    Parley parley =
        TestServer.start(
            vertx, TestServer.config("limits.maxLineBytes", 16), new ManualTimeSource());
    WebSocketClient bob = join(parley.webPort(), "bob");
    bob.say("this line is longer than sixteen bytes");
    bob.expect("! line too long (max 16 bytes)");
    // The clock stands still: a burst of 20 lines, then the warning.
    StringBuilder burst = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      burst.append("l").append(i).append('\n');
    }
    bob.say(burst.toString());
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      seen.add(bob.nextLine());
    }
    // The warning answers at once; the echoes come from the room.
    assertTrue(seen.remove("! slow down: at most 10 lines per second"), seen::toString);
    List<String> echoes = new ArrayList<>();
    // The bucket's 20 lines: the name took one.
    for (int i = 1; i <= 19; i++) {
      echoes.add("bob: l" + i);
    }
    assertEquals(echoes, seen);
  }

  @Test
  void quitClosesWith1000AndShutdownWith1001(Vertx vertx) throws Exception {
    Parley parley = TestServer.start(vertx, TestServer.config());
    WebSocketClient bob = join(parley.webPort(), "bob");
    WebSocketClient carol = join(parley.webPort(), "carol");
    bob.expect("* carol has arrived");
    carol.say("/quit lunch");
    carol.expect("* bye");
    carol.expectClosed(1000);
    bob.expect("* carol has left (lunch)");

    Future<Void> closed = parley.close();
    bob.expect("* server is shutting down");
    bob.expectClosed(1001);
    closed.await(10, TimeUnit.SECONDS);
  }

  @Test
  void theWebPortServesThePageAndNothingElse(Vertx vertx) throws Exception {
    Parley parley = TestServer.start(vertx, TestServer.config());
    HttpResponse<String> page = OpsServerTest.get(parley.webPort(), "/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>Parley</title>"), page.body());
    assertTrue(
        page.headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("script-src 'self'"));
    assertEquals(200, OpsServerTest.get(parley.webPort(), "/app.js").statusCode());
    for (String icon : new String[] {"/favicon.svg", "/favicon.ico"}) {
      HttpResponse<String> got = OpsServerTest.get(parley.webPort(), icon);
      assertEquals(200, got.statusCode(), icon);
      assertEquals("image/svg+xml", got.headers().firstValue("Content-Type").orElse(""), icon);
    }
    assertEquals(404, OpsServerTest.get(parley.webPort(), "/metrics").statusCode());
    assertEquals(404, OpsServerTest.get(parley.webPort(), "/health/ready").statusCode());
  }

  @Test
  void anIdleWebSocketMemberIsDisconnectedWithTheNotice(Vertx vertx) {
    ManualTimeSource time = new ManualTimeSource();
    Parley parley = TestServer.start(vertx, TestServer.config("idle.sweepSeconds", 0.05), time);
    WebSocketClient bob = join(parley.webPort(), "bob");
    time.advance(Duration.ofSeconds(301));
    bob.expect("* disconnected: idle for more than 300 s");
    bob.expectClosed(1000);
  }

  @Test
  void aPingIsAnsweredButIsNotActivity(Vertx vertx) {
    ManualTimeSource time = new ManualTimeSource();
    Parley parley = TestServer.start(vertx, TestServer.config("idle.sweepSeconds", 0.05), time);
    WebSocketClient bob = join(parley.webPort(), "bob");
    time.advance(Duration.ofSeconds(200));
    bob.ping("are you there");
    time.advance(Duration.ofSeconds(101));
    // 301 s since bob's last line, the ping in between: idle all the same.
    bob.expect("* disconnected: idle for more than 300 s");
    bob.expectClosed(1000);
  }

  @Test
  void anUnsolicitedPongIsNotActivity(Vertx vertx) {
    ManualTimeSource time = new ManualTimeSource();
    Parley parley = TestServer.start(vertx, TestServer.config("idle.sweepSeconds", 0.05), time);
    WebSocketClient bob = join(parley.webPort(), "bob");
    time.advance(Duration.ofSeconds(200));
    bob.pong("still here");
    // The answer to this ping comes after the server has read the pong before it.
    bob.ping("and the pong?");
    time.advance(Duration.ofSeconds(101));
    bob.expect("* disconnected: idle for more than 300 s");
    bob.expectClosed(1000);
  }

  @Test
  void aWebSocketThatStopsReadingIsDisconnectedAsTooSlow(Vertx vertx) {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "limits.linesPerSecond",
                0,
                "slowClient.maxQueuedBytes",
                16384,
                "slowClient.timeoutSeconds",
                0.3,
                "idle.sweepSeconds",
                0.05));
    WebSocketClient slow = join(parley.webPort(), "slow");
    ChatClient fast = clients.join(parley.port(), "fast");
    slow.expect("* fast has arrived");
    slow.stopReading();
    String padding = "p".repeat(900);
    boolean departed = false;
    for (int i = 0; i < 100_000 && !departed; i++) {
      fast.say(i + " " + padding);
      String line = fast.nextLine();
      if (line.equals("* slow has left (too slow)")) {
        departed = true;
      } else {
        assertEquals("fast: " + i + " " + padding, line);
      }
    }
    assertTrue(departed, "the slow WebSocket was never disconnected");
    fast.say("/who");
    fast.readUntil("* online (1): fast");
  }

  @TempDir Path dir;

  @Test
  void theWebPortSpeaksTlsWithTheWebCertificate(Vertx vertx) throws Exception {
    TestCertificates.Pem pem = TestCertificates.selfSigned(dir);
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config(
                "web.tls.certPath", pem.certificate().toString(),
                "web.tls.keyPath", pem.key().toString()));
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustAll()}, null);
    try (SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket("127.0.0.1", parley.webPort())) {
      socket.setSoTimeout(ChatClient.TIMEOUT_MILLIS);
      socket.startHandshake();
      greeted(socket);
    }
  }
}
