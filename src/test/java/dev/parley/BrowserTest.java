package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.test.ChatClient;
import dev.parley.test.ChatClients;
import dev.parley.test.TestServer;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in a real browser: headless Chromium from Debian's {@code chromium} package, driven
 * by Selenium through Debian's {@code chromedriver} (nothing is downloaded), chatting with {@code
 * nc}-like TCP clients on the same server. A failed test leaves a screenshot and the browser's
 * console under {@code target/browser/}. {@code -Dparley.screenshot=docs/web-page.png} saves the
 * README's screenshot from the first test, on purpose.
 */
@ExtendWith(VertxExtension.class)
class BrowserTest {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  @RegisterExtension final ChatClients clients = new ChatClients();

  @RegisterExtension
  final TestWatcher artifacts =
      new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
          saveArtifacts(context.getDisplayName().replaceAll("\\W+", "_"));
        }
      };

  private ChromeDriver browser;

  @BeforeEach
  void openBrowser() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,700");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  private void saveArtifacts(String name) {
    try {
      Path folder = Path.of("target", "browser");
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
      Files.write(
          folder.resolve(name + "-console.txt"),
          browser.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(Object::toString)
              .collect(Collectors.toList()));
    } catch (IOException | RuntimeException e) {
      System.err.println("could not save the browser's state: " + e);
    }
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  /** Waits until the chat log has an entry with exactly this text, and returns it. */
  private WebElement logLine(String text) {
    return waiting()
        .withMessage(() -> "no line <" + text + "> in " + logTexts())
        .until(
            b ->
                b.findElements(By.cssSelector("#log li")).stream()
                    .filter(li -> li.getText().equals(text))
                    .findFirst()
                    .orElse(null));
  }

  private List<String> logTexts() {
    return browser.findElements(By.cssSelector("#log li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private void type(String line) {
    WebElement input = browser.findElement(By.id("line"));
    input.sendKeys(line);
    input.sendKeys(Keys.ENTER);
  }

  /** Opens the page and names the browser's user. */
  private void enter(int webPort, String name) {
    browser.get("http://127.0.0.1:" + webPort + "/");
    logLine("* welcome to parley, what is your name?");
    type(name);
    logLine("* you are " + name);
  }

  @Test
  void aBrowserUserAndAnNcUserChatBothWaysAndHistoryAppearsOnEntering(Vertx vertx)
      throws IOException {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    alice.say("said before the browser came");
    alice.expect("alice: said before the browser came");

    enter(parley.webPort(), "webby");
    logLine("* history (1):");
    WebElement replayed =
        waiting()
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
    waiting().until(b -> b.findElements(By.cssSelector("#members button")).size() == 2);

    type("hello from the browser");
    alice.expect("webby: hello from the browser");
    alice.say("hello from nc");
    logLine("alice: hello from nc");
    String screenshot = System.getProperty("parley.screenshot");
    if (screenshot != null) {
      Files.write(Path.of(screenshot), browser.getScreenshotAs(OutputType.BYTES));
    }
  }

  @Test
  void clickingARoomJoinsItAndAPrivateMessageShowsAsPrivate(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    alice.say("/join ops");
    alice.expect("* now in #ops").expect("* online (1): alice");

    enter(parley.webPort(), "webby");
    WebElement ops =
        waiting().until(b -> b.findElement(By.cssSelector("#rooms button[data-room='#ops']")));
    ops.click();
    logLine("* now in #ops");
    alice.expect("* webby has arrived");
    assertEquals("#ops", browser.findElement(By.id("room")).getText());

    alice.say("/msg webby just for you");
    alice.expect("(private to webby) alice: just for you");
    WebElement line = logLine("(private) alice: just for you");
    assertTrue(line.getAttribute("class").contains("private"));
  }

  @Test
  void markupFromOthersIsShownAsText(Vertx vertx) {
    Parley parley = TestServer.start(vertx, TestServer.config());
    ChatClient alice = clients.join(parley.port(), "alice");
    enter(parley.webPort(), "webby");
    alice.expect("* webby has arrived");

    alice.say("<img src=x onerror=alert(1)>");
    alice.expect("alice: <img src=x onerror=alert(1)>");
    logLine("alice: <img src=x onerror=alert(1)>");
    alice.say("/nick <b>bold</b>");
    alice.expectStartsWith("! name");
    type("/nick <script>x</script>");
    WebElement refusal =
        waiting()
            .until(
                b ->
                    b.findElements(By.cssSelector("#log li.error")).stream()
                        .findFirst()
                        .orElse(null));
    assertTrue(refusal.getText().startsWith("! name"), refusal.getText());
    assertTrue(browser.findElements(By.cssSelector("#log img, #log b, #log script")).isEmpty());
    assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
  }

  @Test
  void theServerRestartsAndThePageReconnectsUnderTheSameName(Vertx vertx) throws Exception {
    int webPort;
    try (ServerSocket free = new ServerSocket(0)) {
      webPort = free.getLocalPort();
    }
    Parley first = TestServer.start(vertx, TestServer.config("web.port", webPort));
    enter(webPort, "webby");
    first.close().await(30, TimeUnit.SECONDS);
    logLine("* server is shutting down");
    waiting().until(b -> b.findElement(By.id("status")).getText().startsWith("reconnecting"));

    Parley second = TestServer.start(vertx, TestServer.config("web.port", webPort));
    waiting()
        .until(
            b ->
                b.findElements(By.cssSelector("#log li")).stream()
                        .filter(li -> li.getText().equals("* you are webby"))
                        .count()
                    == 2);
    assertEquals("connected", browser.findElement(By.id("status")).getText());
    ChatClient alice = clients.join(second.port(), "alice");
    type("back again");
    alice.expect("webby: back again");
  }

  static {
    // Selenium Manager must not look for or download a browser or driver.
    System.setProperty("webdriver.chrome.driver", DRIVER);
  }
}
