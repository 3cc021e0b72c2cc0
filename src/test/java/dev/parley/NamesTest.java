package dev.parley;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PROTOCOL.md section 5: what a name may be, and when two names are the same. */
@ExtendWith(VertxExtension.class)
class NamesTest {
  @RegisterExtension final ChatClients clients = new ChatClients();

  private static final String BAD_CHARACTER =
      "! name may contain only letters, digits, \"_\", \"-\" and \".\"";
  private static final String BAD_START = "! name must start with a letter or a digit";

  private int port;

  @BeforeEach
  void start(Vertx vertx) {
    port = TestServer.start(vertx, TestServer.config()).port();
  }

  /** Asks for {@code name} at the prompt and expects the two lines of a refusal. */
  private void refused(String name, String why) {
    ChatClient c = clients.connect(port);

    c.expect("* welcome to parley, what is your name?");
    c.say(name);
    c.expect(why);
    c.expect("* what is your name?");
  }

  @Test
  void lettersOfAnyScriptDigitsAndMarksAreNames() {
    ChatClient chinese = clients.join(port, "张伟");
    ChatClient russian = clients.join(port, "Иван");
    ChatClient greek = clients.join(port, "Αθηνά");
    ChatClient mixed = clients.join(port, "r2-d2_v1.0");
    ChatClient arabicDigit = clients.join(port, "٣bob");
    ChatClient mark = clients.join(port, "a\u0332b");

    mark.say("/who");
    mark.expect("* online (6): 张伟, Иван, Αθηνά, r2-d2_v1.0, ٣bob, a\u0332b");
    chinese.say("你好");
    russian.expectStartsWith("* ");
    russian.expectStartsWith("* ");
    russian.expectStartsWith("* ");
    russian.expectStartsWith("* ");
    russian.expect("张伟: 你好");
  }

  @Test
  void spacingAndEnclosingMarksAreMarksToo() {
    // U+093E DEVANAGARI VOWEL SIGN AA is Mc; U+20DD COMBINING ENCLOSING CIRCLE is Me.
    ChatClient devanagari = clients.join(port, "\u0915\u093e");
    ChatClient enclosed = clients.join(port, "a\u20dd");

    enclosed.say("/who");
    enclosed.expect("* online (2): \u0915\u093e, a\u20dd");
    devanagari.expect("* a\u20dd has arrived");
  }

  @Test
  void aNameIsShownInNfc() {
    ChatClient c = clients.connect(port);

    c.expect("* welcome to parley, what is your name?");
    c.say("e\u0301mile");
    c.expect("* you are \u00e9mile");
    c.expect("* online (1): \u00e9mile");
  }

  @Test
  void thirtyTwoCodePointsAreAllowedThirtyThreeAreNot() {
    String max = "ж".repeat(32);
    ChatClient c = clients.join(port, max);

    refused("ж".repeat(33), "! name is too long (at most 32 characters)");
  }

  @Test
  void theFirstCharacterMustBeALetterOrDigit() {
    refused("_bob", BAD_START);
    refused("-bob", BAD_START);
    refused(".bob", BAD_START);
    refused("\u0301bob", BAD_START);
  }

  @Test
  void charactersThatWouldMakeLinesAmbiguousAreRefused() {
    for (String name : new String[] {"bo b", "bob:", "b(b", "b*b", "bob!", "b/b", "bob²", "b😀"}) {
      refused(name, BAD_CHARACTER);
    }
  }

  @Test
  void namesCollideAfterCaseFolding() {
    ChatClient alice = clients.join(port, "alice");

    refused("alice", "! name \"alice\" is taken");
    refused("Alice", "! name \"Alice\" is too like \"alice\", which is taken");
    refused("ALICE", "! name \"ALICE\" is too like \"alice\", which is taken");
  }

  @Test
  void fullwidthNamesCollideAfterNfkc() {
    ChatClient alice = clients.join(port, "alice");

    refused("ａｌｉｃｅ", "! name \"ａｌｉｃｅ\" is too like \"alice\", which is taken");
    ChatClient wide = clients.join(port, "ｗｉｄｅ");

    refused("wide", "! name \"wide\" is too like \"ｗｉｄｅ\", which is taken");
  }

  @Test
  void confusableNamesCollide() {
    ChatClient evan = clients.join(port, "evan");

    // Cyrillic small ie (U+0435) looks like Latin e.
    refused("\u0435van", "! name \"\u0435van\" is too like \"evan\", which is taken");
    // Cyrillic capital ie, then case folding and the skeleton together.
    refused("\u0415van", "! name \"\u0415van\" is too like \"evan\", which is taken");
    ChatClient paypal = clients.join(port, "paypal");

    refused("paypa1", "! name \"paypa1\" is too like \"paypal\", which is taken");
    refused("pаypal", "! name \"pаypal\" is too like \"paypal\", which is taken");
  }

  @Test
  void renamingFollowsTheSameCollisionRules() {
    ChatClient evan = clients.join(port, "evan");
    ChatClient other = clients.join(port, "other");

    other.say("/nick \u0435van");
    other.expect("! name \"\u0435van\" is too like \"evan\", which is taken");
    other.say("/nick EVAN");
    other.expect("! name \"EVAN\" is too like \"evan\", which is taken");
    evan.expect("* other has arrived");
    evan.say("/nick Evan");
    evan.expect("* evan is now known as Evan");
    other.expect("* evan is now known as Evan");
  }

  @Test
  void aFreedNameCanBeTakenAgain() {
    ChatClient first = clients.join(port, "bob");
    ChatClient watcher = clients.join(port, "watcher");

    first.expect("* watcher has arrived");
    first.say("/quit");
    first.expect("* bye");
    first.close();
    watcher.expect("* bob has left");
    ChatClient second = clients.join(port, "BOB");

    watcher.expect("* BOB has arrived");
  }

  @Test
  void guestNamesNeverCollideWithTakenNames() {
    ChatClient taken = clients.join(port, "Guest1");
    ChatClient g = clients.connect(port);

    g.expect("* welcome to parley, what is your name?");
    g.say("");
    g.expect("* you are guest2");
    g.expect("* online (2): Guest1, guest2");
  }
}
