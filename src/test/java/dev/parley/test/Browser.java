package dev.parley.test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for a test, from Debian's {@code chromium} package, driven by Selenium through
 * Debian's {@code chromedriver} (nothing is downloaded). Register it with
 * {@code @RegisterExtension}: it opens the browser before each test and quits it after. When the
 * test fails it first saves {@code target/browser-failures/CLASS.METHOD.png} and {@code
 * CLASS.METHOD-console.txt}, while the browser is still open (a {@link
 * TestExecutionExceptionHandler} runs before {@code @AfterEach}), then rethrows. A test whose page
 * logged an error to the browser's console fails ({@link #afterEach}).
 *
 * <p>Every page it opens records what it sends over WebSocket in {@code window.parleySent} and how
 * often it calls {@code setInterval} in {@code window.parleyIntervals} (see {@link #sentLines}).
 */
public final class Browser
    implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {
  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";
  private static final String RECORDER =
      "window.parleySent = []; window.parleyIntervals = 0;"
          + " const parleySend = WebSocket.prototype.send;"
          + " WebSocket.prototype.send = function (data) {"
          + "   window.parleySent.push(String(data)); return parleySend.call(this, data); };"
          + " const parleyInterval = window.setInterval;"
          + " window.setInterval = function (...args) {"
          + "   window.parleyIntervals++; return parleyInterval.apply(window, args); };";

  static {
    // Selenium Manager must not look for or download a browser or driver.
    System.setProperty("webdriver.chrome.driver", DRIVER);
  }

  private ChromeDriver driver;

  @Override
  public void beforeEach(ExtensionContext context) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,700");
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(DRIVER))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
  }

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable failure)
      throws Throwable {
    String name =
        context.getRequiredTestClass().getSimpleName()
            + "."
            + context.getRequiredTestMethod().getName();
    try {
      Path folder = Path.of("target", "browser-failures");
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
      Files.write(
          folder.resolve(name + "-console.txt"),
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(LogEntry::toString)
              .toList());
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
    throw failure;
  }

  /**
   * Quits the browser, and fails the test if a page logged an error to its console: a file the page
   * asks for and does not get, a script error, a refused policy. A WebSocket that cannot connect
   * while the server is away is the page's business (it says so and reconnects), not an error of
   * the page's load.
   */
  @Override
  public void afterEach(ExtensionContext context) {
    if (driver == null) {
      return;
    }
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .filter(message -> !message.contains("WebSocket connection to"))
            .toList();
    driver.quit();
    driver = null;
    if (!errors.isEmpty()) {
      throw new AssertionError("the page logged errors to its console: " + errors);
    }
  }

  /** The browser of the running test. */
  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Waits for at most 15 seconds. A condition that meets an element the page has just replaced (its
   * lists are drawn anew on every change) is tried again.
   */
  public WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Waits until the chat log has an entry with exactly this text, and returns it. */
  public WebElement logLine(String text) {
    return waiting()
        .withMessage(() -> "no line <" + text + "> in " + logTexts())
        .until(
            b ->
                b.findElements(By.cssSelector("#log li")).stream()
                    .filter(li -> li.getText().equals(text))
                    .findFirst()
                    .orElse(null));
  }

  /** The texts of the chat log's entries. */
  public List<String> logTexts() {
    return driver.findElements(By.cssSelector("#log li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** How many entries of the chat log have exactly this text. */
  public long count(String text) {
    return logTexts().stream().filter(text::equals).count();
  }

  /** Types a line into the input and presses Enter. */
  public void type(String line) {
    WebElement input = driver.findElement(By.id("line"));
    input.sendKeys(line);
    input.sendKeys(Keys.ENTER);
  }

  /** Opens the page and names the browser's user. */
  public void enter(int webPort, String name) {
    open(webPort);
    type(name);
    logLine("* you are " + name);
  }

  /**
   * Opens the page and logs the browser's user in to a registered name: the name, then the password
   * in the field the page turns into a password field.
   */
  public void logIn(int webPort, String name, String password) {
    open(webPort);
    type(name);
    logLine("* " + name + " is registered, what is its password?");
    waiting().until(b -> "password".equals(input().getDomProperty("type")));
    type(password);
    logLine("* you are " + name);
  }

  /** The page's input line. */
  public WebElement input() {
    return driver.findElement(By.id("line"));
  }

  /** Opens the page and waits for the server's greeting. */
  public void open(int webPort) {
    driver.get("http://127.0.0.1:" + webPort + "/");
    logLine("* welcome to parley, what is your name?");
  }

  /** The connection status the page shows. */
  public String status() {
    return driver.findElement(By.id("status")).getText();
  }

  /**
   * Waits until the page's connection is no longer {@code connected} and returns the status it then
   * shows: the page decides between {@code disconnected} and {@code reconnecting in …} as the
   * socket closes, so this needs no waiting for a reconnection that should not come.
   */
  public String statusAfterClose() {
    waiting().until(b -> !status().equals("connected"));
    return status();
  }

  /** The lines the page has sent over WebSocket since it was opened. */
  @SuppressWarnings("unchecked")
  public List<String> sentLines() {
    return (List<String>) driver.executeScript("return window.parleySent;");
  }

  /** How many times the page has called {@code setInterval} since it was opened. */
  public long intervals() {
    return ((Number) driver.executeScript("return window.parleyIntervals;")).longValue();
  }
}
