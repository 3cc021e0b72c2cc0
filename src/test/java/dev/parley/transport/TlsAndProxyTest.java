package dev.parley.transport;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.Parley;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestCertificates;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on the chat port, and the PROXY protocol (v1 and v2) behind a load balancer, on the chat port
 * and on the web port.
 */
@ExtendWith(VertxExtension.class)
class TlsAndProxyTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  @TempDir java.nio.file.Path dir;

  @Test
  void theLineProtocolWorksOverTlsWithACertificateMadeAtTestTime(Vertx vertx) {
    TestCertificates.Pem pem = TestCertificates.selfSigned(dir);
    int port =
        TestServer.start(
                vertx,
                TestServer.config(
                    "server.tls.certPath", pem.certificate().toString(),
                    "server.tls.keyPath", pem.key().toString()))
            .port();
    ChatClient alice = clients.connectTls(port);
    alice.expect("* welcome to parley, what is your name?");
    alice.say("alice");
    alice.expect("* you are alice");
    alice.expect("* online (1): alice");
    ChatClient bob = clients.connectTls(port);
    bob.expect("* welcome to parley, what is your name?");
    bob.say("bob");
    bob.expect("* you are bob");
    bob.expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");
    bob.say("encrypted hello");
    alice.expect("bob: encrypted hello");
  }

  private static byte[] proxyV1(String source) {
    return ("PROXY TCP4 " + source + " 127.0.0.1 40000 8000\r\n").getBytes(US_ASCII);
  }

  private static byte[] proxyV2(int a, int b, int c, int d) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(
        new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
    out.write(0x21); // version 2, PROXY
    out.write(0x11); // TCP over IPv4
    out.writeBytes(new byte[] {0x00, 0x0C}); // 12 bytes of addresses
    out.writeBytes(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d}); // source
    out.writeBytes(new byte[] {127, 0, 0, 1}); // destination
    out.writeBytes(new byte[] {(byte) 0x9C, 0x40, 0x1F, 0x40}); // ports 40000, 8000
    return out.toByteArray();
  }

  @Test
  void thePerAddressLimitCountsTheAddressThatTheProxyGives(Vertx vertx) {
    int port =
        TestServer.start(
                vertx,
                TestServer.config(
                    "server.proxyProtocol", true, "limits.maxConnectionsPerAddress", 1))
            .port();
    ChatClient first = clients.connect(port);
    first.sendRaw(proxyV1("192.0.2.7"));
    first.expect("* welcome to parley, what is your name?");
    first.say("first");
    first.expect("* you are first");
    first.expect("* online (1): first");

    ChatClient sameAddress = clients.connect(port);
    sameAddress.sendRaw(proxyV2(192, 0, 2, 7));
    sameAddress.expect("! too many connections from your address");
    sameAddress.expectClosed();

    ChatClient other = clients.connect(port);
    other.sendRaw(proxyV2(198, 51, 100, 9));
    other.expect("* welcome to parley, what is your name?");
    other.say("other");
    other.expect("* you are other");
    first.expect("* other has arrived");

    ChatClient v1Other = clients.connect(port);
    v1Other.sendRaw(proxyV1("203.0.113.5"));
    v1Other.expect("* welcome to parley, what is your name?");
  }

  @Test
  void theWebPortCountsTheAddressThatTheProxyGivesToo(Vertx vertx) {
    Parley parley =
        TestServer.start(
            vertx,
            TestServer.config("server.proxyProtocol", true, "limits.maxConnectionsPerAddress", 1));
    ChatClient first = clients.overWebSocketBehindProxy(parley.webPort(), proxyV1("192.0.2.7"));
    first.expect("* welcome to parley, what is your name?");

    // The same address behind the proxy, over TCP and over WebSocket: both over the limit.
    ChatClient tcp = clients.connect(parley.port());
    tcp.sendRaw(proxyV2(192, 0, 2, 7));
    tcp.expect("! too many connections from your address");
    tcp.expectClosed();
    ChatClient web = clients.overWebSocketBehindProxy(parley.webPort(), proxyV2(192, 0, 2, 7));
    web.expect("! too many connections from your address");
    web.expectClosed();

    ChatClient other = clients.overWebSocketBehindProxy(parley.webPort(), proxyV1("198.51.100.9"));
    other.expect("* welcome to parley, what is your name?");
  }

  @Test
  void aClientThatSendsNoProxyHeaderIsClosedAfterTenSeconds(Vertx vertx) throws IOException {
    int port = TestServer.start(vertx, TestServer.config("server.proxyProtocol", true)).port();
    try (Socket silent = new Socket("127.0.0.1", port)) {
      silent.setSoTimeout(20_000);
      long start = System.nanoTime();
      int first;
      try {
        first = silent.getInputStream().read();
      } catch (SocketException reset) {
        first = -1;
      }
      long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(-1, first, "the server sent a byte before the client's PROXY header");
      assertTrue(
          waited >= ChannelConnection.PROXY_HEADER_SECONDS * 1000 - 500 && waited < 15_000,
          "closed after " + waited + " ms");
    }
  }
}
