package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: {@code LocalRunApp} in its own JVM on the module's
 * runtime classpath (not the test classpath), with a fresh folder. It must exit 0, print the summary and
 * leave the alerts in the mailbox.
 */
class LocalRunIT {
  @Test
  void theLocalRunDeliversTheDemoAlertsToTheMailbox(@TempDir Path dir) throws Exception {
    String runtime = Files.readString(Path.of("target/runtime-classpath.txt"), StandardCharsets.UTF_8).strip();
    String classpath = Path.of("target/classes").toAbsolutePath() + File.pathSeparator + runtime;
    Path folder = dir.resolve("run");
    ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, LocalRunApp.class.getName()));
    pb.environment().put("APP_LOCAL_DIR", folder.toString());
    for (String port : List.of("APP_LOCAL_KAFKA_PORT", "APP_LOCAL_SUBSCRIBE_PORT", "APP_LOCAL_DASHBOARD_PORT")) {
      pb.environment().put(port, "0"); // tests never take the local run's fixed ports
    }
    pb.redirectErrorStream(true);
    Path output = dir.resolve("output.txt");
    pb.redirectOutput(output.toFile());
    Process p = pb.start();
    boolean finished = p.waitFor(3, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly();
    }
    String out = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(finished).as("the local run exits by itself").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("telejobs local run: summary").contains("emails delivered ..... 5")
        .contains("sample market history for the dashboard: 600 sample jobs over 90 days").contains("market dashboard");
    // no start-up or shutdown lines a user can't act on (each was printed before contracts' log4j2.xml denied it)
    assertThat(out).doesNotContain("not enabled for the GlobalThread").doesNotContain("UNKNOWN_TOPIC_OR_PARTITION")
        .doesNotContain("metadata log appears to be empty").doesNotContain("NetworkClient that has already been closed");
    assertThat(out.lines().filter(l -> l.contains(" ERROR "))).as(out).isEmpty();
    try (var mails = Files.list(folder.resolve("mailbox"))) {
      assertThat(mails.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(5);
    }
    assertThat(folder.resolve("mailbox/index.html")).content().contains("New job: Senior Telehealth Project Manager");

    // the mailbox as a newcomer opens it: each email rendered as it will look, newest first
    try (io.telejobs.testkit.Browser browser = io.telejobs.testkit.Browser.start(Path.of("target", "browser"))) {
      var web = browser.driver();
      web.get(folder.resolve("mailbox/index.html").toUri().toString());
      browser.screenshot("local-mailbox");
      var mails = web.findElements(org.openqa.selenium.By.cssSelector("section.mail"));
      assertThat(mails).hasSize(5);
      assertThat(mails.get(0).findElement(org.openqa.selenium.By.tagName("header")).getText()).startsWith("New job: ");
      web.switchTo().frame(mails.get(0).findElement(org.openqa.selenium.By.tagName("iframe")));
      assertThat(web.findElement(org.openqa.selenium.By.linkText("Apply")).isDisplayed()).isTrue();
      assertThat(web.findElement(org.openqa.selenium.By.tagName("h2")).getText()).isNotBlank();
    }
  }
}
