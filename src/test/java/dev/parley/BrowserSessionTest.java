package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.api.RoomClient;
import dev.parley.test.Browser;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.ManualTimeSource;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * How the chat page's connection ends and comes back, in a real browser ({@link Browser}): it
 * reconnects by itself when the server restarts, stays disconnected (with a button to connect
 * again) when the server ended the session on purpose, and sends nothing on a timer, so that an
 * open tab is idle like any other client.
 */
@ExtendWith(VertxExtension.class)
class BrowserSessionTest {
  private static final String WELCOME = "* welcome to parley, what is your name?";

  @RegisterExtension final ChatClients clients = new ChatClients();
  @RegisterExtension final Browser browser = new Browser();

  private WebElement connectAgain() {
    return browser.driver().findElement(By.id("reconnect"));
  }

  /** The page says it is disconnected, offers to connect again, and has not connected again. */
  private void assertStaysDisconnected() {
    assertEquals("disconnected", browser.statusAfterClose());
    assertTrue(connectAgain().isDisplayed());
    assertEquals(1, browser.count(WELCOME), () -> "connected again: " + browser.logTexts());
  }

  @Test
  void theServerRestartsAndThePageReconnectsUnderTheSameName(Vertx vertx) throws Exception {
    int webPort;
    try (ServerSocket free = new ServerSocket(0)) {
      webPort = free.getLocalPort();
    }
    Parley first = TestServer.start(vertx, TestServer.config("web.port", webPort));
    browser.enter(webPort, "webby");
    first.close().await(30, TimeUnit.SECONDS);
    browser.logLine("* server is shutting down");
    assertTrue(browser.statusAfterClose().startsWith("reconnecting"), browser.status());
    assertTrue(!connectAgain().isDisplayed());

    Parley second = TestServer.start(vertx, TestServer.config("web.port", webPort));
    browser.waiting().until(b -> browser.count("* you are webby") == 2);
    assertEquals("connected", browser.status());
    ChatClient alice = clients.join(second.port(), "alice");
    browser.type("back again");
    alice.expect("webby: back again");
  }

  @Test
  void afterQuitThePageStaysDisconnectedUntilAskedAndThenAsksForAName(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    browser.enter(parley.webPort(), "webby");
    alice.expect("* webby has arrived");
    browser.type("/quit");
    browser.logLine("* bye");
    alice.expect("* webby has left");
    assertStaysDisconnected();

    connectAgain().click();
    browser.waiting().until(b -> browser.count(WELCOME) == 2);
    assertEquals("Your name", browser.driver().findElement(By.id("prompt")).getText());
    browser.type("webby2");
    alice.expect("* webby2 has arrived");
  }

  @Test
  void afterAKickThePageStaysDisconnectedUntilAskedAndThenKeepsItsName(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    browser.enter(parley.webPort(), "webby");
    alice.expect("* webby has arrived");

    RoomClient.create(vertx).kick("webby", "testing").await();
    browser.logLine("* you were kicked: testing");
    alice.expect("* webby has left (kicked: testing)");
    assertStaysDisconnected();

    connectAgain().click();
    browser.waiting().until(b -> browser.count("* you are webby") == 2);
    alice.expect("* webby has arrived");
  }

  @Test
  void anOpenPageSendsNothingOnATimerAndIsDisconnectedWhenIdle(Vertx vertx) {
    ManualTimeSource time = new ManualTimeSource();
    Parley parley = TestServer.start(vertx, TestServer.config("idle.sweepSeconds", 0.05), time);
    ChatClient alice = clients.join(parley.port(), "alice");
    browser.enter(parley.webPort(), "webby");
    alice.expect("* webby has arrived");
    // What the page sent: the name, and /rooms once it was in. It sets no interval timer.
    browser.waiting().until(b -> browser.sentLines().size() == 2);
    assertEquals(List.of("webby", "/rooms"), browser.sentLines());
    assertEquals(0, browser.intervals());
    // Arrivals and departures in the page's room change its count in the room list without a
    // line sent: only the user's own actions are activity.
    ChatClient carol = clients.join(parley.port(), "carol");
    browser.waiting().until(b -> roomListed(b, "#lobby (3)"));
    carol.say("/quit");
    alice.expect("* carol has arrived");
    alice.expect("* carol has left");
    browser.waiting().until(b -> roomListed(b, "#lobby (2)"));
    assertEquals(List.of("webby", "/rooms"), browser.sentLines());

    // Alice stays active; the page's user does nothing for the idle timeout.
    time.advance(Duration.ofSeconds(200));
    alice.say("/who");
    alice.expect("* online (2): alice, webby");
    time.advance(Duration.ofSeconds(101));
    browser.logLine("* disconnected: idle for more than 300 s");
    alice.expect("* webby has left (idle)");
    assertStaysDisconnected();
    assertEquals(List.of("webby", "/rooms"), browser.sentLines());
    assertEquals(0, browser.intervals());
  }

  private static boolean roomListed(WebDriver page, String entry) {
    return page.findElements(By.cssSelector("#rooms button")).stream()
        .anyMatch(b -> b.getText().equals(entry));
  }
}
