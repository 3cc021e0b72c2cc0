package dev.parley.irc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IRC message framing: tags, source, command and parameters, in and out. */
class IrcMessageTest {
  @Test
  void parsesTagsSourceCommandAndATrailingParameter() {
    IrcMessage m =
        IrcMessage.parse("@time=2026-12-07T08:00:00.000Z;+x :nick!u@h privmsg #room :hi there");
    assertEquals(Map.of("time", "2026-12-07T08:00:00.000Z", "+x", ""), m.tags());
    assertEquals("nick!u@h", m.source());
    assertEquals("PRIVMSG", m.command());
    assertEquals(List.of("#room", "hi there"), m.params());
  }

  @Test
  void extraSpacesSeparateParametersAndAnEmptyTrailingOneIsKept() {
    IrcMessage m = IrcMessage.parse("USER  alice 0   * :");
    assertEquals(List.of("alice", "0", "*", ""), m.params());
    assertEquals("", m.param(7));
  }

  @Test
  void aLineWithoutACommandIsNoMessage() {
    assertNull(IrcMessage.parse(""));
    assertNull(IrcMessage.parse("@a=b :source"));
  }

  @Test
  void tagValuesAreEscapedBothWays() {
    String value = "a;b c\\d\re\nf";
    String line = IrcMessage.of(null, "TAGMSG", "#r").withTags(Map.of("k", value)).encode();
    assertEquals("@k=a\\:b\\sc\\\\d\\re\\nf TAGMSG #r", line);
    assertEquals(value, IrcMessage.parse(line).tags().get("k"));
  }

  @Test
  void theLastParameterGetsAColonWhenItNeedsOneOrIsAText() {
    assertEquals(
        ":alice!alice@parley JOIN #lobby",
        IrcMessage.of("alice!alice@parley", "JOIN", "#lobby").encode());
    assertEquals(
        ":parley MODE #r +o bob", IrcMessage.of("parley", "MODE", "#r", "+o", "bob").encode());
    assertEquals(":parley PONG parley :x", IrcMessage.of("parley", "PONG", "parley", "x").encode());
    assertEquals(":parley 221 alice :+", IrcMessage.of("parley", "221", "alice", "+").encode());
    assertEquals(":a PRIVMSG #r ::-)", IrcMessage.of("a", "PRIVMSG", "#r", ":-)").encode());
    assertEquals("AUTHENTICATE +", IrcMessage.of(null, "AUTHENTICATE", "+").encode());
    assertEquals(":a QUIT :", IrcMessage.of("a", "QUIT", "").encode());
    assertEquals(":a QUIT :idle", IrcMessage.of("a", "QUIT", "idle").encode());
    assertEquals(":a PART #r", IrcMessage.of("a", "PART", "#r").encode());
  }
}
