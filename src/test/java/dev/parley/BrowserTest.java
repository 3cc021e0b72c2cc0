package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.Browser;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The chat page in a real browser ({@link Browser}: headless Chromium), chatting with {@code
 * nc}-like TCP clients on the same server. {@link BrowserSessionTest} covers how the page's
 * connection ends and comes back. {@code -Dparley.screenshot=docs/web-page.png} saves the README's
 * screenshot from the first test, on purpose.
 */
@ExtendWith(VertxExtension.class)
class BrowserTest {
  @RegisterExtension final ChatClients clients = new ChatClients();
  @RegisterExtension final Browser browser = new Browser();

  @Test
  void aBrowserUserAndAnNcUserChatBothWaysAndHistoryAppearsOnEntering(Vertx vertx)
      throws IOException {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    alice.say("said before the browser came");
    alice.expect("alice: said before the browser came");

    browser.enter(parley.webPort(), "webby");
    browser.logLine("* history (1):");
    WebElement replayed =
        browser
            .waiting()
            .until(
                b ->
                    b.findElements(By.cssSelector("#log li.history")).stream()
                        .filter(
                            li ->
                                li.getText()
                                    .matches(
                                        "\\[\\d\\d:\\d\\d] alice: said before the browser came"))
                        .findFirst()
                        .orElse(null));
    assertTrue(replayed.isDisplayed());
    alice.expect("* webby has arrived");
    browser.waiting().until(b -> b.findElements(By.cssSelector("#members button")).size() == 2);

    browser.type("hello from the browser");
    alice.expect("webby: hello from the browser");
    alice.say("hello from nc");
    browser.logLine("alice: hello from nc");
    // The input keeps a label that says what it is for, whoever the user is.
    assertEquals("Message or /command", browser.driver().findElement(By.id("prompt")).getText());
    String screenshot = System.getProperty("parley.screenshot");
    if (screenshot != null) {
      Files.write(Path.of(screenshot), browser.driver().getScreenshotAs(OutputType.BYTES));
    }
  }

  @Test
  void clickingARoomJoinsItAndAPrivateMessageShowsAsPrivateWithAReplyButton(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");

    browser.enter(parley.webPort(), "webby");
    WebDriver page = browser.driver();
    WebElement ops =
        browser
            .waiting()
            .until(b -> b.findElement(By.cssSelector("#rooms button[data-room='#ops']")));
    ops.click();
    browser.logLine("* now in #ops");
    alice.expect("* webby has arrived");
    assertEquals("#ops", page.findElement(By.id("room")).getText());

    alice.say("/msg webby just for you");
    alice.expect("(private to webby) alice: just for you");
    WebElement line = browser.logLine("(private) alice: just for you");
    assertTrue(line.getAttribute("class").contains("private"));
    line.findElement(By.cssSelector("button.reply")).click();
    WebElement input = page.findElement(By.id("line"));
    assertEquals("/msg alice ", input.getAttribute("value"));
    assertEquals(input, page.switchTo().activeElement());
    browser.type("and back");
    alice.expect("(private) webby: and back");
  }

  @Test
  void theRoomListShowsTheAnswerToATypedRoomsAndRefreshesOnRequest(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    browser.enter(parley.webPort(), "webby");
    alice.expect("* webby has arrived");

    // The page's own /rooms on entering is answered first and kept out of the log; this one, typed
    // by the user, is shown.
    browser.type("/rooms");
    browser.logLine("* rooms (1): #lobby (2)");
    assertEquals(
        1, browser.logTexts().stream().filter(text -> text.startsWith("* rooms (")).count());

    alice.say("/join dev");
    alice.expect("* now in #dev").expect("* online (1): alice");
    browser.driver().findElement(By.id("refresh")).click();
    browser
        .waiting()
        .until(b -> !b.findElements(By.cssSelector("#rooms button[data-room='#dev']")).isEmpty());
    assertEquals(
        1, browser.logTexts().stream().filter(text -> text.startsWith("* rooms (")).count());
  }

  @Test
  void markupThatReachesThePageIsShownAsText(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    browser.open(parley.webPort());
    // Names refuse markup, so such a name never reaches anyone; the refusal is shown as text.
    browser.type("<img src=x onerror=alert(1)>");
    browser.logLine("! name must start with a letter or a digit");
    browser.type("webby");
    browser.logLine("* you are webby");
    alice.expect("* webby has arrived");

    alice.say("<img src=x onerror=alert(1)>");
    alice.expect("alice: <img src=x onerror=alert(1)>");
    browser.logLine("alice: <img src=x onerror=alert(1)>");
    // A room name with markup is echoed in the refusal.
    browser.type("/join #<b>x</b>");
    WebElement refusal =
        browser
            .waiting()
            .until(
                b ->
                    b.findElements(By.cssSelector("#log li.error")).stream()
                        .filter(li -> li.getText().startsWith("! bad room name"))
                        .findFirst()
                        .orElse(null));
    assertTrue(refusal.getText().contains("\"#<b>x</b>\""), refusal.getText());
    assertTrue(
        browser.driver().findElements(By.cssSelector("body img, body b, body script")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> browser.driver().switchTo().alert());
  }
}
