package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import dev.parley.test.WebSocketClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md section 11, "same protocol": the cleaning rules of section 1 and the line limit apply
 * to each line of a text frame, the limit in bytes of UTF-8; a TCP member sees what a WebSocket
 * member said exactly as if it had come over TCP.
 */
@ExtendWith(VertxExtension.class)
class WebSocketTextTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private WebSocketClient web;

  @AfterEach
  void closeSocket() {
    if (web != null) {
      web.close();
    }
  }

  @Test
  void controlCharactersAndBidirectionalOverridesAreRemovedFromEachLine(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    web = WebSocketClient.join(parley.webPort(), "bob");
    alice.expect("* bob has arrived");

    // ESC, BEL, DEL, a C1 control (NEL), the right-to-left override and a tab, in one frame of two
    // lines; surrounding spaces are trimmed, the text is otherwise delivered as sent.
    web.say("  \u001b[31mred\u0007\u007f \u0085ok\u202eevil\ttab  \nmid\rcr");
    alice.expect("bob: [31mred okevil tab");
    alice.expect("bob: midcr");
    web.expect("bob: [31mred okevil tab").expect("bob: midcr");
  }

  @Test
  void theLineLimitCountsUtf8BytesOfEachLineOfAFrame(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config("limits.maxLineBytes", 16));
    ChatClient alice = clients.join(parley.port(), "alice");
    web = WebSocketClient.join(parley.webPort(), "bob");
    alice.expect("* bob has arrived");

    // Eight two-byte letters are 16 bytes: accepted. Nine are 18: refused, and the next line of
    // the same frame is read normally.
    web.say("éééééééé\néééééééééé\nafter");
    // The refusal is answered at once; the echoes come from the room, in order.
    List<String> seen = new ArrayList<>(List.of(web.nextLine(), web.nextLine(), web.nextLine()));
    assertTrue(seen.remove("! line too long (max 16 bytes)"), seen::toString);
    assertEquals(List.of("bob: éééééééé", "bob: after"), seen);
    alice.expect("bob: éééééééé").expect("bob: after");
  }

  @Test
  void theNameLineIsCleanedAndChatTextIsNotNormalised(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    web = WebSocketClient.connect(parley.webPort());
    web.expect("* welcome to parley, what is your name?");
    // A BEL in the name line is removed: the name asked for is bob.
    web.say("bo\u0007b");
    web.expect("* you are bob").expect("* online (2): alice, bob");
    alice.expect("* bob has arrived");

    // e + combining acute stays decomposed; fullwidth letters stay fullwidth.
    web.say("e\u0301 \uff57\uff49\uff44\uff45");
    alice.expect("bob: e\u0301 \uff57\uff49\uff44\uff45");
    web.expect("bob: e\u0301 \uff57\uff49\uff44\uff45");
  }
}
