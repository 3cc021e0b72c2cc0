package dev.parley;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * PROTOCOL.md sections 1 and 8: framing, the line limit, UTF-8, and the removal of telnet commands
 * and control characters. Alice sends; Bob sees what the room shows.
 */
@ExtendWith(VertxExtension.class)
class FramingTest {
  private static final String TOO_LONG = "! line too long (max 1024 bytes)";

  @RegisterExtension final ChatClients clients = new ChatClients();

  private int port;
  private ChatClient alice;
  private ChatClient bob;

  @BeforeEach
  void start(Vertx vertx) {
    port = TestServer.start(vertx, TestServer.config()).port();
    alice = clients.join(port, "alice");
    bob = clients.join(port, "bob");
    alice.expect("* bob has arrived");
  }

  private static byte[] bytes(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object part : parts) {
      if (part instanceof String s) {
        out.writeBytes(s.getBytes(UTF_8));
      } else if (part instanceof Integer b) {
        out.write(b);
      } else {
        out.writeBytes((byte[]) part);
      }
    }
    return out.toByteArray();
  }

  private void aliceSendsAndBobSees(byte[] raw, String shown) {
    alice.sendRaw(raw);
    bob.expect("alice: " + shown);
    alice.expect("alice: " + shown);
  }

  @Test
  void crlfAndLfBothEndALine() {
    aliceSendsAndBobSees(bytes("with crlf\r\n"), "with crlf");
    aliceSendsAndBobSees(bytes("with lf\n"), "with lf");
  }

  @Test
  void aCrInsideALineIsRemoved() {
    aliceSendsAndBobSees(bytes("mid\rcr\n"), "midcr");
    aliceSendsAndBobSees(bytes("hi\r* mallory has arrived\n"), "hi* mallory has arrived");
  }

  @Test
  void nulBytesAreDroppedAsTelnetSendsCrNul() {
    aliceSendsAndBobSees(bytes("a", 0, "b", 0, "\r", 0, "\n"), "ab");
  }

  @Test
  void controlCharactersAreRemovedAndTabBecomesASpace() {
    aliceSendsAndBobSees(bytes(0x1b, "[31mred", 0x1b, "[0m\n"), "[31mred[0m");
    aliceSendsAndBobSees(bytes("bell", 0x07, " del", 0x7f, "\n"), "bell del");
    aliceSendsAndBobSees(bytes("tab\there\n"), "tab here");
  }

  @Test
  void c1ControlsAreRemoved() {
    // U+009B is the one-character CSI; U+0085 is NEL.
    aliceSendsAndBobSees(bytes("x\u009b31my\u0085z\n"), "x31myz");
  }

  @Test
  void bidirectionalOverridesAreRemoved() {
    aliceSendsAndBobSees(bytes("abc\u202Edef\u2066ghi\u2069\u202A\n"), "abcdefghi");
    // All nine, and their neighbours U+2029 and U+202F, which are not overrides and stay.
    aliceSendsAndBobSees(
        bytes("a\u202A\u202B\u202C\u202D\u202Eb\u2066\u2067\u2068\u2069c\u2029d\u202Fe\n"),
        "abc\u2029d\u202Fe");
  }

  @Test
  void telnetCommandsAreRemovedAndNeverAnswered() {
    // IAC WILL ECHO, IAC DO SGA, IAC SB TTYPE ... IAC SE, IAC NOP, IAC IAC
    aliceSendsAndBobSees(
        bytes(
            0xff, 0xfb, 0x01, "te", 0xff, 0xfd, 0x03, "l", 0xff, 0xfa, 0x18, 0x00, "xterm", 0xff,
            0xf0, "net", 0xff, 0xf1, "!", 0xff, 0xff, "\n"),
        "telnet!");
  }

  @Test
  void invalidUtf8BecomesTheReplacementCharacter() {
    aliceSendsAndBobSees(
        bytes("bad ", 0xc3, 0x28, " and ", 0xff, 0xfe, 0x80, " end\n"), "bad \uFFFD( and  end");
    aliceSendsAndBobSees(bytes("lone ", 0x80, "\n"), "lone \uFFFD");
  }

  @Test
  void theReplacementCharacterIsSentAsItsUtf8Bytes() {
    // The test client's decoder would itself turn raw invalid bytes into U+FFFD; reading the
    // bytes shows that the server sends U+FFFD encoded (EF BF BD), not the client's bytes.
    byte[] replacement = {(byte) 0xef, (byte) 0xbf, (byte) 0xbd};
    alice.sendRaw(bytes("bad ", 0xc3, 0x28, " lone ", 0x80, " cut ", 0xe2, 0x82, "\n"));
    byte[] shown = bytes("alice: bad ", replacement, "( lone ", replacement, " cut ", replacement);
    bob.expectRaw(shown);
    alice.expectRaw(shown);
  }

  @Test
  void leadingAndTrailingWhitespaceIsTrimmedButTextIsNotNormalised() {
    aliceSendsAndBobSees(bytes("   spaced out \t \n"), "spaced out");
    // e + combining acute stays decomposed; fullwidth letters stay fullwidth.
    aliceSendsAndBobSees(bytes("e\u0301 ｗｉｄｅ\n"), "e\u0301 ｗｉｄｅ");
  }

  @Test
  void aLineOfExactlyTheLimitIsAcceptedWithCrlfOrLf() {
    String max = "a".repeat(1024);
    aliceSendsAndBobSees(bytes(max, "\r\n"), max);
    aliceSendsAndBobSees(bytes(max, "\n"), max);
  }

  @Test
  void aLineOneByteOverTheLimitIsRefusedAndTheConnectionStays() {
    alice.sendRaw(bytes("b".repeat(1025), "\n"));
    alice.expect(TOO_LONG);
    alice.sendRaw(bytes("c".repeat(1025), "\r\n"));
    alice.expect(TOO_LONG);
    aliceSendsAndBobSees(bytes("still here\n"), "still here");
  }

  @Test
  void theLimitCountsTrailingWhitespaceBeforeItIsTrimmed() {
    // 1019 letters and 5 spaces are 1024 bytes: accepted, and shown trimmed.
    aliceSendsAndBobSees(bytes("f".repeat(1019), "     \n"), "f".repeat(1019));
    // 1020 letters and 5 spaces are 1025 bytes: refused, though trimmed they would be 1020.
    alice.sendRaw(bytes("g".repeat(1020), "     \n"));
    alice.expect(TOO_LONG);
    alice.sendRaw(bytes("     ", "h".repeat(1020), "\r\n"));
    alice.expect(TOO_LONG);
    aliceSendsAndBobSees(bytes("next\n"), "next");
  }

  @Test
  void theLimitCountsBytesBeforeDecoding() {
    // 512 two-byte characters are 1024 bytes; 513 are too many.
    String ok = "é".repeat(512);
    aliceSendsAndBobSees(bytes(ok, "\n"), ok);
    alice.sendRaw(bytes("é".repeat(513), "\n"));
    alice.expect(TOO_LONG);
  }

  @Test
  void aMegabyteWithoutNewlineGetsOneNoticeThenTheNextLineIsRead() {
    byte[] megabyte = new byte[1 << 20];
    Arrays.fill(megabyte, (byte) 'x');
    alice.sendRaw(megabyte);
    alice.expect(TOO_LONG);
    alice.sendRaw(megabyte);
    alice.sendRaw(bytes("still the same line\nnormal line\n"));
    alice.expect("alice: normal line");
    bob.expect("alice: normal line");
  }

  @Test
  void aLineDeliveredByteByByteIsReassembled() {
    byte[] line = bytes("slow \u00e9\u4e2d typing\r\n");
    for (byte b : line) {
      alice.sendRaw(new byte[] {b});
    }
    bob.expect("alice: slow \u00e9\u4e2d typing");
  }

  @Test
  void aLineSplitAtTheLimitAcrossPacketsIsStillCounted() {
    alice.sendRaw(bytes("d".repeat(1000)));
    alice.sendRaw(bytes("d".repeat(24), "\r"));
    alice.sendRaw(bytes("\n"));
    bob.expect("alice: " + "d".repeat(1024));
    alice.expect("alice: " + "d".repeat(1024));
    alice.sendRaw(bytes("e".repeat(1000)));
    alice.sendRaw(bytes("e".repeat(26)));
    alice.expect(TOO_LONG);
    alice.sendRaw(bytes("\nok\n"));
    bob.expect("alice: ok");
  }

  @Test
  void anOverLongNameLineIsRefusedAndTheNameAskedAgain() {
    ChatClient c = clients.connect(port);
    c.expect("* welcome to parley, what is your name?");
    c.say("n".repeat(2000));
    c.expect(TOO_LONG);
    c.expect("* what is your name?");
    c.say("carol");
    c.expect("* you are carol");
  }

  @Test
  void cleaningAppliesToTheNameLine() {
    ChatClient c = clients.connect(port);
    c.expect("* welcome to parley, what is your name?");
    c.sendRaw(bytes("bo", 0x07, "b2\r\n"));
    c.expect("* you are bob2");
    c.expect("* online (3): alice, bob, bob2");
  }
}
