package io.linli.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, in Chinese and Beijing time. Tests
 * that need it are skipped, saying so, on a machine without {@code /usr/bin/chromium}.
 */
public final class Browser {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private Browser() {}

  public static WebDriver start() {
    return start(1400, 1000);
  }

  /** A window of that size: 414 wide is a phone, for the resident page. */
  public static WebDriver start(int width, int height) {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Debian's chromium and chromium-driver are not installed: browser test skipped");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--lang=zh-CN",
        "--window-size=" + width + "," + height);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .withEnvironment(Map.of("TZ", "Asia/Shanghai"))
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
    return driver;
  }

  /**
   * Opens Tasklist and signs in with the demo password; returns a 30-second wait for the page after
   * the login form (callers wait for what they expect to see next).
   */
  public static WebDriverWait signIntoTasklist(WebDriver driver, int port, String user) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    driver.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
    wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[name='signinForm'] input[type='text']")))
        .sendKeys(user);
    driver
        .findElement(By.cssSelector("form[name='signinForm'] input[type='password']"))
        .sendKeys("demo");
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")).click();
    return wait;
  }

  /**
   * Clicks a link of a Camunda Form by its text once the form has enabled it (form-js renders links
   * disabled until the form is ready), scrolled into view.
   */
  public static void clickFormLink(WebDriverWait wait, String text) {
    wait.ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement link = d.findElement(By.xpath("//a[normalize-space(.)='" + text + "']"));
              if (link.getAttribute("class") != null
                  && link.getAttribute("class").contains("fjs-disabled-link")) {
                return false;
              }
              ((JavascriptExecutor) d)
                  .executeScript("arguments[0].scrollIntoView({block: 'center'});", link);
              link.click();
              return true;
            });
  }

  /** Saves a PNG under target/screenshots, kept as a test artifact. */
  public static Path screenshot(WebDriver driver, String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name + ".png");
    Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return file;
  }
}
