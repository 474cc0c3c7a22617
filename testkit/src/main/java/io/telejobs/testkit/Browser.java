package io.telejobs.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for browser tests: Debian's {@code chromium} driven through its {@code
 * chromedriver}, both found on the machine (nothing is downloaded; {@code .ci/run} installs them when missing).
 * Override the paths with {@code TELEJOBS_CHROMIUM} and {@code TELEJOBS_CHROMEDRIVER}.
 */
public final class Browser implements AutoCloseable {
  private static final List<String> CHROMIUM = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");
  private static final List<String> DRIVER = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private final ChromeDriver driver;
  private final Path screenshots;

  private Browser(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  /** Starts headless Chromium at a desktop window size; screenshots go to {@code screenshots}. */
  public static Browser start(Path screenshots) {
    String binary = find("TELEJOBS_CHROMIUM", CHROMIUM, "chromium (apt-get install -y chromium)");
    String driverPath = find("TELEJOBS_CHROMEDRIVER", DRIVER, "chromedriver (apt-get install -y chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1000,900",
        "--disable-gpu", "--no-first-run", "--disable-extensions", "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(driverPath).toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
    try {
      Files.createDirectories(screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Browser(driver, screenshots);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Saves a PNG of the page as it is now, named {@code name}.png, and returns its path. */
  public Path screenshot(String name) {
    Path file = screenshots.resolve(name + ".png");
    try {
      Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  @Override
  public void close() {
    driver.quit();
  }

  private static String find(String env, List<String> candidates, String what) {
    String given = System.getenv(env);
    if (given != null && !given.isBlank()) {
      return given;
    }
    for (String c : candidates) {
      if (Files.isExecutable(Path.of(c))) {
        return c;
      }
    }
    throw new IllegalStateException("browser tests need " + what + "; .ci/run installs it, or set " + env);
  }
}
