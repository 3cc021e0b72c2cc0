package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.Browser;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A room's topic, its operators and a kick on the chat page (PROTOCOL.md section 13), in a real
 * browser ({@link Browser}), with the operator a registered TCP member who opened {@code #ops}: the
 * topic in the header, the operators the page saw (or asked {@code /whois} about) marked in the
 * member list, and a kicked user told why and shown in the default room.
 */
@ExtendWith(VertxExtension.class)
class BrowserModerationTest {
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final ChatClients clients = new ChatClients();
  @RegisterExtension final Browser browser = new Browser();

  /** Registers {@code name} over TCP and opens {@code #ops}, of which it is the first operator. */
  private ChatClient operator(int port, String name) {
    ChatClient op = clients.join(port, name);
    op.say("/register " + PASSWORD);
    op.expect("* " + name + " is registered: from now on give your password after your name");
    op.say("/join ops");
    List<String> expected =
        List.of("* now in #ops", "* online (1): " + name, "* you are an operator of #ops");
    List<String> lines = op.read(expected.size());
    assertEquals(Set.copyOf(expected), Set.copyOf(lines));
    return op;
  }

  /** The browser's user, in the lobby, types {@code /join ops} and is in. */
  private void joinOps() {
    browser.type("/join ops");
    browser.waiting().until(b -> room().equals("#ops"));
  }

  private String room() {
    return browser.driver().findElement(By.id("room")).getText();
  }

  private String topic() {
    return browser.driver().findElement(By.id("topic")).getText();
  }

  private boolean topicShown() {
    return browser.driver().findElement(By.id("topic-line")).isDisplayed();
  }

  /** The member list's buttons, by the name each is for. */
  private WebElement member(String name) {
    return browser
        .waiting()
        .until(b -> b.findElement(By.cssSelector("#members button[data-name='" + name + "']")));
  }

  /** The names the member list marks as operators (read at once: the list is redrawn often). */
  @SuppressWarnings("unchecked")
  private List<String> markedOperators() {
    return (List<String>)
        browser
            .driver()
            .executeScript(
                "return [...document.querySelectorAll('#members button')]"
                    + ".filter(b => b.querySelector('.op')).map(b => b.dataset.name);");
  }

  private void waitForOperators(String... names) {
    browser
        .waiting()
        .withMessage(() -> "operators marked: " + markedOperators())
        .until(b -> markedOperators().equals(List.of(names)));
  }

  @Test
  void theTopicShowsWhenAnOperatorSetsItAndOnEnteringTheRoomAndGoesWhenCleared(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = operator(parley.port(), "alice");
    browser.enter(parley.webPort(), "webby");
    joinOps();
    alice.expect("* webby has arrived");
    assertEquals("", topic());
    assertFalse(topicShown());

    alice.say("/topic deploys only");
    alice.expect("* alice set the topic: deploys only");
    browser.logLine("* alice set the topic: deploys only");
    browser.waiting().until(b -> topic().equals("deploys only"));
    assertTrue(topicShown());
    assertEquals("#ops", room());

    // Another room has none: the header's topic goes on `* now in`; on coming back the room's
    // own `* topic:` line, just before the roster, brings it back.
    browser.type("/join lobby");
    browser.logLine("* now in #lobby");
    browser.waiting().until(b -> topic().isEmpty());
    assertFalse(topicShown());
    browser.type("/join ops");
    browser.logLine("* topic: deploys only");
    browser.waiting().until(b -> topic().equals("deploys only"));
    List<String> log = browser.logTexts();
    int topicLine = log.indexOf("* topic: deploys only");
    assertEquals("* now in #ops", log.get(topicLine - 1), log::toString);
    assertEquals("* online (2): alice, webby", log.get(topicLine + 1), log::toString);
    alice.expect("* webby has left (joined #lobby)").expect("* webby has arrived");

    browser.type("/topic");
    browser.logLine("* topic of #ops: deploys only");
    alice.say("/topic -");
    alice.expect("* alice cleared the topic");
    browser.logLine("* alice cleared the topic");
    browser.waiting().until(b -> topic().isEmpty());
    assertFalse(topicShown());
    browser.type("/topic");
    browser.logLine("* #ops has no topic");
  }

  @Test
  void operatorsAreMarkedFromTheLinesThePageGetsAndFromWhois(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = operator(parley.port(), "alice");
    ChatClient webby = clients.join(parley.port(), "webby");
    webby.say("/register " + PASSWORD);
    webby.expect("* webby is registered: from now on give your password after your name");
    webby.say("/quit").expect("* bye");
    webby.expectClosed();

    browser.logIn(parley.webPort(), "webby", PASSWORD);
    joinOps();
    alice.expect("* webby has arrived");
    member("alice");
    // Alice became an operator before the page came: it was not told, and marks nobody.
    assertEquals(List.of(), markedOperators());
    browser.type("/whois alice");
    browser.logLine("* alice is in #ops, registered, operator of #ops");
    waitForOperators("alice");
    WebElement badge = member("alice").findElement(By.cssSelector(".op"));
    assertEquals("@", badge.getText());
    assertEquals("operator", badge.getAccessibleName());
    assertEquals("operator alice", member("alice").getAccessibleName());

    alice.say("/op webby");
    alice.expect("* webby is now an operator of #ops");
    browser.logLine("* webby is now an operator of #ops");
    waitForOperators("alice", "webby");
    alice.say("/deop webby");
    alice.expect("* webby is no longer an operator of #ops");
    browser.logLine("* webby is no longer an operator of #ops");
    waitForOperators("alice");
    browser.type("/whois webby");
    browser.logLine("* webby is in #ops, registered");
    waitForOperators("alice");

    // A logged-in member who opens a room is its first operator, and the page marks it; what it
    // saw in #ops does not follow it.
    browser.type("/join fresh");
    browser.logLine("* you are an operator of #fresh");
    waitForOperators("webby");
    alice.expect("* webby has left (joined #fresh)");
  }

  @Test
  void aKickedUserIsToldWhyAndShownInTheLobbyAndTheRoomSeesItLeave(Vertx vertx) throws Exception {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = operator(parley.port(), "alice");
    ChatClient carol = clients.join(parley.port(), "carol");
    carol.say("/join ops").expect("* now in #ops").expect("* online (2): alice, carol");
    alice.expect("* carol has arrived");
    ChatClient dave = clients.join(parley.port(), "dave");
    alice.say("/topic deploys only");
    alice.expect("* alice set the topic: deploys only");
    carol.expect("* alice set the topic: deploys only");

    browser.enter(parley.webPort(), "webby");
    dave.expect("* webby has arrived");
    joinOps();
    browser.waiting().until(b -> topic().equals("deploys only"));
    alice.expect("* webby has arrived");
    carol.expect("* webby has arrived");
    dave.expect("* webby has left (joined #ops)");

    alice.say("/kick webby spam");
    browser.logLine("* you were kicked: spam");
    alice.expect("* webby has left (kicked: spam)");
    carol.expect("* webby has left (kicked: spam)");
    // From #ops the kick moves the user to the default room: the page shows it is there.
    browser.logLine("* now in #lobby");
    browser.waiting().until(b -> room().equals("#lobby"));
    List<String> log = browser.logTexts();
    assertEquals(
        "* now in #lobby", log.get(log.indexOf("* you were kicked: spam") + 1), log::toString);
    browser.logLine("* online (2): dave, webby");
    member("dave");
    assertEquals(List.of(), markedOperators());
    assertEquals("", topic());
    assertFalse(topicShown());
    assertEquals("connected", browser.status());
    dave.expect("* webby has arrived");
    browser.type("still here");
    dave.expect("webby: still here");

    // The session went on after the kick, so the page reconnects by itself when the connection
    // drops later, as it does before any kick.
    parley.close().await(30, TimeUnit.SECONDS);
    browser.logLine("* server is shutting down");
    assertTrue(browser.statusAfterClose().startsWith("reconnecting"), browser.status());
  }
}
