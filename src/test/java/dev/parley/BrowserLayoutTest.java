package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.Browser;
import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The chat page on a phone-sized screen and by keyboard alone, in a real browser ({@link Browser}):
 * nothing is wider than the screen, and a user who never touches a mouse can name themselves, chat
 * and move to another room with Tab and Enter.
 */
@ExtendWith(VertxExtension.class)
class BrowserLayoutTest {
  /** An ordinary phone's viewport, in CSS pixels. */
  private static final Dimension PHONE = new Dimension(375, 667);

  @RegisterExtension final ChatClients clients = new ChatClients();
  @RegisterExtension final Browser browser = new Browser();

  @Test
  void aPhoneSizedPageIsUsableByKeyboardAlone(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");

    WebDriver page = browser.driver();
    page.manage().window().setSize(PHONE);
    browser.open(parley.webPort());
    // The input has the focus from the start: the name is typed and sent with Enter.
    page.switchTo().activeElement().sendKeys("webby", Keys.ENTER);
    browser.logLine("* you are webby");
    WebElement ops =
        browser
            .waiting()
            .until(b -> b.findElement(By.cssSelector("#rooms button[data-room='#ops']")));

    // Nothing is wider than the screen, and what a user needs is on the page.
    assertTrue(
        ((Number) browser.driver().executeScript("return window.innerWidth;")).intValue() <= 375,
        "the window is not phone-sized");
    assertEquals(
        Boolean.TRUE,
        browser
            .driver()
            .executeScript(
                "return document.documentElement.scrollWidth"
                    + " <= document.documentElement.clientWidth;"),
        "the page scrolls sideways on a phone");
    for (String id : new String[] {"line", "log", "rooms", "members"}) {
      assertTrue(page.findElement(By.id(id)).isDisplayed(), id + " is not shown");
    }

    // A chat line with Enter, then Tab from the input to the room #ops, and Enter joins it.
    page.switchTo().activeElement().sendKeys("hello by keyboard", Keys.ENTER);
    browser.logLine("webby: hello by keyboard");
    assertEquals(page.findElement(By.id("line")), page.switchTo().activeElement());
    for (int tabs = 0; tabs < 20 && !ops.equals(page.switchTo().activeElement()); tabs++) {
      page.switchTo().activeElement().sendKeys(Keys.TAB);
    }
    assertEquals(ops, page.switchTo().activeElement(), "Tab never reached the room #ops");
    ops.sendKeys(Keys.ENTER);
    alice.expect("* webby has arrived");
    browser.logLine("* now in #ops");
  }
}
