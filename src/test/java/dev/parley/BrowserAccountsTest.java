package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.config.ParleyConfig;
import dev.parley.test.Browser;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Logging in to a registered name on the chat page (PROTOCOL.md section 12), in a real browser
 * ({@link Browser}): when the server asks for the password the input becomes a password field
 * labelled for the name, the password is sent once and is never shown, kept or stored, and the
 * field is a text field again afterwards, after a wrong password too. The names are registered over
 * TCP first.
 */
@ExtendWith(VertxExtension.class)
class BrowserAccountsTest {
  private static final String PASSWORD = "correct horse battery";

  @RegisterExtension final ChatClients clients = new ChatClients();
  @RegisterExtension final Browser browser = new Browser();
  @TempDir Path dir;

  /** Registers {@code name} over TCP with {@link #PASSWORD}, then quits, leaving the name free. */
  private void register(int port, String name) {
    ChatClient client = clients.join(port, name);
    client.say("/register " + PASSWORD);
    client.expect("* " + name + " is registered: from now on give your password after your name");
    client.say("/quit");
    client.expect("* bye");
    client.expectClosed();
  }

  private WebElement prompt() {
    return browser.driver().findElement(By.id("prompt"));
  }

  private String inputType() {
    return browser.input().getDomProperty("type");
  }

  /** Everything the page shows and holds in its markup, and what it keeps in its storage. */
  private String pageAndStorage() {
    return (String)
        browser
            .driver()
            .executeScript(
                "return document.documentElement.outerHTML + document.body.innerText"
                    + " + JSON.stringify(localStorage) + JSON.stringify(sessionStorage)"
                    + " + document.getElementById('line').value;");
  }

  /** The password is nowhere in the log, on the page or in its storage. */
  private void assertPasswordNowhere(String password) {
    assertTrue(
        browser.logTexts().stream().noneMatch(text -> text.contains(password)),
        () -> "the log shows the password: " + browser.logTexts());
    assertFalse(pageAndStorage().contains(password), "the page holds the password");
  }

  private long timesSent(String line) {
    return browser.sentLines().stream().filter(line::equals).count();
  }

  @Test
  void aRegisteredNameIsAskedForItsPasswordInAPasswordFieldAndThePasswordIsSentOnceOnly(
      Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    register(parley.port(), "webby");
    ChatClient alice = clients.join(parley.port(), "alice");

    browser.open(parley.webPort());
    assertEquals("text", inputType());
    browser.type("webby");
    browser.logLine("* webby is registered, what is its password?");
    browser.waiting().until(b -> "password".equals(inputType()));
    WebElement input = browser.input();
    assertEquals("Password for webby", prompt().getText());
    assertEquals("Password for webby", input.getAccessibleName());
    assertEquals(input, browser.driver().switchTo().activeElement());
    assertEquals("", input.getDomProperty("value"));

    browser.type(PASSWORD);
    browser.logLine("* you are webby");
    alice.expect("* webby has arrived");
    assertEquals("text", inputType());
    assertEquals("", input.getDomProperty("value"));
    assertEquals("Message or /command", input.getAccessibleName());
    assertEquals("you are webby", browser.driver().findElement(By.id("me")).getText());
    browser.type("logged in from the page");
    alice.expect("webby: logged in from the page");

    // The password went out once, as the line after the name, and nothing else holds it.
    assertEquals(
        List.of("webby", PASSWORD, "/rooms", "logged in from the page"), browser.sentLines());
    assertEquals(1, timesSent(PASSWORD));
    assertPasswordNowhere(PASSWORD);
    assertEquals(
        "webby", browser.driver().executeScript("return sessionStorage.getItem('parley.name');"));
  }

  @Test
  void aWrongPasswordIsRefusedAndThePageAsksForANameInATextFieldAgain(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    register(parley.port(), "webby");

    browser.open(parley.webPort());
    browser.type("webby");
    browser.logLine("* webby is registered, what is its password?");
    browser.waiting().until(b -> "password".equals(inputType()));
    browser.type("not the password");
    browser.logLine("! wrong password for webby");
    browser.logLine("* what is your name?");
    assertEquals("text", inputType());
    assertEquals("Your name", prompt().getText());
    assertEquals("Your name", browser.input().getAccessibleName());
    assertEquals("", browser.input().getDomProperty("value"));
    assertEquals(1, timesSent("not the password"));
    assertPasswordNowhere("not the password");
    // The refused name is not kept to be given again.
    assertNull(browser.driver().executeScript("return sessionStorage.getItem('parley.name');"));

    // Asked again, the name is asked for its password again, and the right one logs in.
    browser.type("webby");
    browser
        .waiting()
        .until(b -> browser.count("* webby is registered, what is its password?") == 2);
    browser.waiting().until(b -> "password".equals(inputType()));
    browser.type(PASSWORD);
    browser.logLine("* you are webby");
    assertEquals("text", inputType());
    assertEquals(
        List.of("webby", "not the password", "webby", PASSWORD, "/rooms"), browser.sentLines());
    assertPasswordNowhere(PASSWORD);
  }

  @Test
  void afterARestartThePageGivesItsNameAgainAndTheUserTypesThePasswordAgain() throws Exception {
    int webPort;
    try (ServerSocket free = new ServerSocket(0)) {
      webPort = free.getLocalPort();
    }
    // Accounts last across the restart in a SQLite file; each run has a Vert.x of its own.
    ParleyConfig config =
        TestServer.config(
            "web.port",
            webPort,
            "store.kind",
            ParleyConfig.StoreKind.SQLITE.word(),
            "store.sqlite.path",
            dir.resolve("parley.db").toString());
    Vertx first = Vertx.vertx();
    try {
      Parley parley = TestServer.start(first, config);
      register(parley.port(), "webby");
      browser.logIn(webPort, "webby", PASSWORD);
      browser.type("/join ops");
      browser.logLine("* you are an operator of #ops");
      assertEquals("#ops", browser.driver().findElement(By.id("room")).getText());
      parley.close().await(30, TimeUnit.SECONDS);
      browser.logLine("* server is shutting down");
      assertTrue(browser.statusAfterClose().startsWith("reconnecting"), browser.status());
      assertEquals("text", inputType());
    } finally {
      first.close().await(30, TimeUnit.SECONDS);
    }

    Vertx second = Vertx.vertx();
    try {
      Parley parley = TestServer.start(second, config);
      // The page gives its name by itself; the password it does not have, so it asks.
      browser
          .waiting()
          .until(b -> browser.count("* webby is registered, what is its password?") == 2);
      browser.waiting().until(b -> "password".equals(inputType()));
      assertEquals("Password for webby", prompt().getText());
      assertEquals(
          List.of("webby", PASSWORD, "/rooms", "/join ops", "/rooms", "webby"),
          browser.sentLines());
      browser.type(PASSWORD);
      browser.waiting().until(b -> browser.count("* you are webby") == 2);
      assertEquals("connected", browser.status());
      // A new session is in the default room, whichever room the last one was in.
      browser
          .waiting()
          .withMessage("the page does not show the default room")
          .until(b -> b.findElement(By.id("room")).getText().equals("#lobby"));
      assertEquals(2, timesSent(PASSWORD));
      assertPasswordNowhere(PASSWORD);
      ChatClient alice = clients.join(parley.port(), "alice");
      browser.type("back with my password");
      alice.expect("webby: back with my password");
      parley.close().await(30, TimeUnit.SECONDS);
    } finally {
      second.close().await(30, TimeUnit.SECONDS);
    }
  }
}
