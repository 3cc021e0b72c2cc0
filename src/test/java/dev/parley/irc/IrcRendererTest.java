package dev.parley.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting a long chat line into IRC messages, and ban masks. */
class IrcRendererTest {
  private final IrcRenderer renderer = new IrcRenderer("parley");

  @Test
  void aLineTooLongForOneMessageIsSplitAtCodePointsAndEachPartFits() {
    String text = "é€😀".repeat(200);
    List<IrcMessage> parts = renderer.privmsgs(renderer.source("bob"), "#lobby", text, -1);
    assertTrue(parts.size() > 1, "split into " + parts.size());
    StringBuilder joined = new StringBuilder();
    for (IrcMessage m : parts) {
      byte[] wire = (m.encode() + "\r\n").getBytes(StandardCharsets.UTF_8);
      assertTrue(wire.length <= IrcRenderer.MAX_MESSAGE_BYTES, () -> wire.length + " bytes");
      String part = m.params().get(1);
      assertTrue(!Character.isLowSurrogate(part.charAt(0)), "cut inside a code point");
      joined.append(part);
    }
    assertEquals(text, joined.toString());
  }

  @Test
  void aMeLineIsACtcpActionAndEachPartOfALongOneIsToo() {
    List<IrcMessage> one = renderer.privmsgs(renderer.source("bob"), "#r", "/me waves", -1);
    assertEquals(":bob!bob@parley PRIVMSG #r :\u0001ACTION waves\u0001", one.get(0).encode());
    List<IrcMessage> long_ =
        renderer.privmsgs(renderer.source("bob"), "#r", "/me " + "x".repeat(900), -1);
    assertEquals(2, long_.size());
    for (IrcMessage m : long_) {
      assertTrue(m.params().get(1).startsWith("\u0001ACTION "));
      assertTrue(m.params().get(1).endsWith("\u0001"));
      assertTrue(
          m.encode().getBytes(StandardCharsets.UTF_8).length + 2 <= IrcRenderer.MAX_MESSAGE_BYTES);
    }
  }

  @Test
  void banMasksNameAccountsAndAddressesAndNothingWithWildcardsInside() {
    assertEquals("bob!*@*", BanMasks.mask("bob"));
    assertEquals("*!*@10.0.0.0/8", BanMasks.mask("10.0.0.0/8"));
    assertEquals("bob", BanMasks.target("bob!*@*"));
    assertEquals("bob", BanMasks.target("bob"));
    assertEquals("192.0.2.7", BanMasks.target("*!*@192.0.2.7"));
    assertEquals("2001:db8::/32", BanMasks.target("*!*@2001:db8::/32"));
    assertEquals(null, BanMasks.target("*!*@*.example.com"));
    assertEquals(null, BanMasks.target("b*b!*@*"));
    assertEquals(null, BanMasks.target("bob!bob@host"));
  }
}
