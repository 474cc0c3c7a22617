package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.Browser;
import io.telejobs.testkit.KafkaFixture;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.Wait;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The subscriber's pages in a real headless Chromium, against a real notifier, broker and SMTP server: the
 * page is styled under the strict CSP (computed styles, not only the HTML), bad input shows a message next to
 * its field, and subscribe → confirmation email → confirm page → confirmed works end to end. Screenshots of
 * every step are saved under {@code target/browser/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriberBrowserIT {
  private static final Path SHOTS = Path.of("target", "browser");
  private static KafkaFixture kafka;
  private static GreenMail smtp;
  private static NotifierService notifier;
  private static Browser browser;
  private static String site;

  @TempDir
  static Path state;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaFixture.fresh();
    TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int port = TestNotifier.freePort();
    site = "http://127.0.0.1:" + port;
    Map<String, String> env = TestNotifier.env(kafka, state, smtp.getSmtp().getPort(), port);
    notifier = TestNotifier.start(env);
    browser = Browser.start(SHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    notifier.close();
    smtp.stop();
    kafka.close();
  }

  private static void publish(io.telejobs.contracts.MatchedJob job) throws Exception {
    try (org.apache.kafka.clients.producer.KafkaProducer<String, io.telejobs.contracts.MatchedJob> p =
        new org.apache.kafka.clients.producer.KafkaProducer<>(kafka.clientProperties(),
            org.apache.kafka.common.serialization.Serdes.String().serializer(), Topics.MATCHED.valueSerde().serializer())) {
      p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), job)).get();
    }
  }

  private static WebDriver web() {
    return browser.driver();
  }

  /**
   * A wait that keeps polling through a page being replaced: a condition that reads an element of the page a
   * click is leaving can meet Chromium's "Node with given id does not belong to the document", which Selenium
   * reports as a plain {@link WebDriverException}, not as a stale element, so the default wait stopped there.
   * A real failure still fails, at the timeout, with the last exception as its cause.
   */
  private static Wait<WebDriver> waiting() {
    return new WebDriverWait(web(), Duration.ofSeconds(15)).ignoring(WebDriverException.class);
  }

  @Test
  @Order(1)
  void theSubscribePageIsStyledUnderTheStrictCsp() {
    web().get(site + "/");
    browser.screenshot("01-subscribe");

    WebElement body = web().findElement(By.tagName("body"));
    assertThat(body.getCssValue("font-family")).as("the stylesheet's font, not the browser's serif default")
        .startsWith("system-ui");
    assertThat(web().findElement(By.id("f")).getCssValue("display")).isEqualTo("grid");
    assertThat(web().findElement(By.cssSelector("button[type=submit]")).getCssValue("background-color"))
        .isEqualTo("rgba(11, 110, 153, 1)");
    // the script ran (it is a file, allowed by script-src 'self'): the digest hours were filled in
    assertThat(new Select(web().findElement(By.id("digestHour"))).getOptions()).hasSize(24);
    // the digest hour is asked only for digests
    assertThat(web().findElement(By.id("digestHour")).isDisplayed()).isFalse();
    new Select(web().findElement(By.id("frequency"))).selectByValue("daily");
    assertThat(web().findElement(By.id("digestHour")).isDisplayed()).isTrue();
    assertThat(web().findElement(By.id("timeZone")).getAttribute("value")).as("the browser's time zone").isNotBlank();
  }

  @Test
  @Order(2)
  void badInputIsExplainedNextToItsField() {
    web().get(site + "/");
    web().findElement(By.id("email")).sendKeys("someone@example.com");
    web().findElement(By.id("countries")).sendKeys("USA, Narnia");
    web().findElement(By.id("minAnnualSalary")).sendKeys("99999999999999999999");
    web().findElement(By.cssSelector("button[type=submit]")).click();

    WebElement countries = web().findElement(By.cssSelector(".error[data-for=countries]"));
    waiting().until(ExpectedConditions.textToBePresentInElement(countries, "Narnia"));
    browser.screenshot("02-bad-input");
    assertThat(countries.getText()).isEqualTo(
        "'Narnia' is not a country we know: write a name such as India or a code such as IN");
    assertThat(web().findElement(By.cssSelector(".error[data-for=minAnnualSalary]")).getText())
        .isEqualTo("That is above any real pay (more than 10 million USD a year).");
    assertThat(web().findElement(By.id("out")).getText()).isEqualTo("Please fix the fields marked below.");
    assertThat(countries.getCssValue("color")).isEqualTo("rgba(179, 38, 30, 1)");
  }

  @Test
  @Order(3)
  void subscribeConfirmByEmailAndSeeItConfirmedThenGetTheJobsThatFitNow() throws Exception {
    // jobs already live before anyone subscribes: two fit the alert below (India, pay in rupees above its
    // minimum), one is in another country
    publish(Fixtures.job("live-1", "Telehealth Program Manager", io.telejobs.contracts.Tier.CORE,
        io.telejobs.contracts.Level.MID, "IN", io.telejobs.contracts.WorkMode.REMOTE, "INR", 1_200_000, 1_500_000));
    publish(Fixtures.job("live-2", "Senior Telehealth Project Manager", io.telejobs.contracts.Tier.CORE,
        io.telejobs.contracts.Level.SENIOR, "IN", io.telejobs.contracts.WorkMode.HYBRID, "INR", 1_800_000, 2_400_000));
    publish(Fixtures.job("live-3", "Telehealth Program Manager", io.telejobs.contracts.Tier.CORE,
        io.telejobs.contracts.Level.MID, "GB", io.telejobs.contracts.WorkMode.REMOTE, "GBP", 50_000, 60_000));
    io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier", Topics.MATCHED.name(),
        Duration.ofSeconds(60));

    web().get(site + "/");
    web().findElement(By.id("email")).sendKeys("browser@example.com");
    web().findElement(By.id("countries")).sendKeys("USA, India");
    new Select(web().findElement(By.id("salaryCurrency"))).selectByValue("INR");
    web().findElement(By.id("minAnnualSalary")).sendKeys("10");
    assertThat(web().findElement(By.id("payHint")).getText()).contains("10 means ₹10 lakh");
    web().findElement(By.cssSelector("button[type=submit]")).click();

    WebElement out = web().findElement(By.id("out"));
    waiting().until(ExpectedConditions.textToBePresentInElement(out, "Almost done"));
    browser.screenshot("03-almost-done");

    assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("the confirmation email").isTrue();
    MimeMessage mail = smtp.getReceivedMessages()[0];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("browser@example.com");
    Matcher link = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/confirm\\?s=\\S+)").matcher(textPart(mail));
    assertThat(link.find()).as("a confirmation link in the email").isTrue();

    web().get(link.group(1));
    browser.screenshot("04-confirm-page");
    assertThat(web().findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your alerts");
    web().findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Subscription confirmed"));
    browser.screenshot("05-confirmed");
    assertThat(web().findElement(By.tagName("p")).getText())
        .isEqualTo("Alerts for browser@example.com are on. 2 live jobs fit it now: they come together in one email in a moment.");
    assertThat(web().findElement(By.tagName("body")).getCssValue("font-family")).startsWith("system-ui");

    assertThat(smtp.waitForIncomingEmail(30_000, 2)).as("the jobs-that-fit-now email").isTrue();
    MimeMessage now = smtp.getReceivedMessages()[1];
    assertThat(now.getSubject()).isEqualTo("2 jobs fit your alert now");
    String body = textPart(now);
    assertThat(body).contains("Senior Telehealth Project Manager at Riverside Health").contains("Pay: ₹18–24 LPA")
        .contains("Telehealth Program Manager at Riverside Health").contains("Pay: ₹12–15 LPA")
        .contains("Apply: https://careers.example.org/jobs/live-1").doesNotContain("live-3");
    // the same live job changing later is not alerted again: it was sent in that email
    publish(Fixtures.job("live-1", "Telehealth Program Manager", io.telejobs.contracts.Tier.CORE,
        io.telejobs.contracts.Level.MID, "IN", io.telejobs.contracts.WorkMode.REMOTE, "INR", 1_250_000, 1_500_000));
  }

  @Test
  @Order(4)
  void anAlertSaysWhyAndItsManageLinkPausesReschedulesAndDeletes() throws Exception {
    publish(Fixtures.job("browser-job-1", "Senior Telehealth Program Manager",
        io.telejobs.contracts.Tier.CORE, io.telejobs.contracts.Level.SENIOR, "US", io.telejobs.contracts.WorkMode.REMOTE,
        "INR", 1_800_000, 2_400_000));
    assertThat(smtp.waitForIncomingEmail(30_000, 3)).as("the alert email").isTrue();
    io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier", Topics.MATCHED.name(),
        Duration.ofSeconds(60));
    assertThat(smtp.getReceivedMessages()).extracting(m -> m.getSubject()).as("live-1 changed, but was sent already")
        .containsExactly("Confirm your telehealth job alerts", "2 jobs fit your alert now",
            "New job: Senior Telehealth Program Manager at Riverside Health");
    MimeMessage alert = smtp.getReceivedMessages()[2];
    String text = textPart(alert);
    assertThat(alert.getSubject()).isEqualTo("New job: Senior Telehealth Program Manager at Riverside Health");
    assertThat(text).contains("Pay: ₹18–24 LPA").contains("Why it fits:").contains("in US, as you asked")
        .doesNotContain("(sub-").doesNotContain("core · ");
    Matcher manage = Pattern.compile("Manage this alert: (http://127\\.0\\.0\\.1:\\d+/manage\\?s=\\S+)").matcher(text);
    assertThat(manage.find()).isTrue();

    web().get(manage.group(1));
    browser.screenshot("06-manage");
    assertThat(web().findElement(By.id("state")).getText()).isEqualTo("on");
    assertThat(web().findElement(By.cssSelector("dl.criteria")).getText()).contains("IN, US").contains("₹10 LPA");

    web().findElement(By.cssSelector("button.pause")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("state"), "paused"));
    assertThat(web().findElement(By.cssSelector(".notice")).getText()).isEqualTo("Paused: no alerts until you resume.");
    web().findElement(By.cssSelector("button.resume")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("state"), "on"));

    new Select(web().findElement(By.id("frequency"))).selectByValue("daily");
    new Select(web().findElement(By.id("digestHour"))).selectByValue("9");
    WebElement zone = web().findElement(By.id("timeZone"));
    zone.clear();
    zone.sendKeys("Asia/Kolkata");
    web().findElement(By.cssSelector("form.schedule button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved"));
    browser.screenshot("07-manage-saved");
    assertThat(web().findElement(By.cssSelector(".notice")).getText())
        .isEqualTo("Saved: a daily digest at 09:00 Asia/Kolkata.");

    web().findElement(By.id("edit")).click();
    waiting().until(ExpectedConditions.attributeToBe(By.id("countries"), "value", "IN, US"));
    assertThat(web().findElement(By.tagName("h1")).getText()).isEqualTo("Edit your job alert");
    assertThat(web().findElement(By.id("minAnnualSalary")).getAttribute("value")).isEqualTo("10");
    web().findElement(By.cssSelector("input[name=levels][value=senior]")).click();
    WebElement countries = web().findElement(By.id("countries"));
    countries.clear();
    countries.sendKeys("India");
    web().findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("out"), "Saved"));
    browser.screenshot("08-edit-saved");
    assertThat(web().findElement(By.id("out")).getText()).isEqualTo("Saved. Changed: levels, countries. 1 live job fits "
        + "it now; the ones you have not had come in one email.");

    web().get(manage.group(1));
    assertThat(web().findElement(By.cssSelector("dl.criteria")).getText()).contains("senior").contains("IN")
        .doesNotContain("US");

    // back to instant alerts: a job that fits the edited criteria is alerted, while paused nothing is sent
    new Select(web().findElement(By.id("frequency"))).selectByValue("instant");
    web().findElement(By.cssSelector("form.schedule button")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved"));
    int before = smtp.getReceivedMessages().length;
    publish(Fixtures.job("browser-job-2", "Senior Telehealth Program Manager", io.telejobs.contracts.Tier.CORE,
        io.telejobs.contracts.Level.SENIOR, "IN", io.telejobs.contracts.WorkMode.HYBRID, "INR", 2_000_000, 2_600_000));
    assertThat(smtp.waitForIncomingEmail(30_000, before + 1)).as("an alert for the edited criteria").isTrue();
    assertThat(smtp.getReceivedMessages()[before].getSubject())
        .isEqualTo("New job: Senior Telehealth Program Manager at Riverside Health");
    assertThat(textPart(smtp.getReceivedMessages()[before])).contains("browser-job-2");

    web().findElement(By.cssSelector("button.pause")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("state"), "paused"));
    publish(Fixtures.job("browser-job-3", "Senior Telehealth Program Manager", io.telejobs.contracts.Tier.CORE,
        io.telejobs.contracts.Level.SENIOR, "IN", io.telejobs.contracts.WorkMode.REMOTE, "INR", 2_100_000, 2_700_000));
    io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier", Topics.MATCHED.name(),
        Duration.ofSeconds(60));
    io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier-delivery",
        Topics.ALERTS.name(), Duration.ofSeconds(60));
    assertThat(smtp.getReceivedMessages()).as("nothing while paused").hasSize(before + 1);

    // the email's unsubscribe link: a page whose button unsubscribes
    Matcher unsubscribe = Pattern.compile("Unsubscribe: (http://127\\.0\\.0\\.1:\\d+/unsubscribe\\?s=\\S+)")
        .matcher(textPart(smtp.getReceivedMessages()[before]));
    assertThat(unsubscribe.find()).isTrue();
    web().get(unsubscribe.group(1));
    browser.screenshot("09-unsubscribe");
    web().findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Unsubscribed"));
    web().get(manage.group(1));
    assertThat(web().findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
  }

  @Test
  @Order(5)
  void aSecondAlertCanBeDeletedFromItsManagePage() throws Exception {
    int before = smtp.getReceivedMessages().length;
    web().get(site + "/");
    web().findElement(By.id("email")).sendKeys("second@example.com");
    web().findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("out"), "Almost done"));
    assertThat(smtp.waitForIncomingEmail(15_000, before + 1)).isTrue();
    Matcher confirm = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/confirm\\?s=(\\S+)&t=\\S+)")
        .matcher(textPart(smtp.getReceivedMessages()[before]));
    assertThat(confirm.find()).isTrue();
    web().get(confirm.group(1));
    web().findElement(By.cssSelector("button[type=submit]")).click();
    waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Subscription confirmed"));
    String id = java.net.URLDecoder.decode(confirm.group(2), java.nio.charset.StandardCharsets.UTF_8);
    String token = new io.telejobs.notifier.security.TokenSigner(
        TestNotifier.SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8)).sign("manage", id);
    String managePage = site + "/manage?s=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        + "&t=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8);
    web().get(managePage);
    assertThat(web().findElement(By.id("state")).getText()).isEqualTo("on");
    web().findElement(By.cssSelector("button.danger")).click();
    waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Alert deleted"));
    web().get(managePage);
    assertThat(web().findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
    web().get(managePage.replace("&t=", "&t=x"));
    assertThat(web().findElement(By.tagName("h1")).getText()).as("a forged token").isEqualTo("Link not valid");
  }

  private static String textPart(MimeMessage mail) throws Exception {
    Object content = mail.getContent();
    if (content instanceof String s) {
      return s;
    }
    Multipart parts = (Multipart) content;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof Multipart nested) {
        for (int j = 0; j < nested.getCount(); j++) {
          if (nested.getBodyPart(j).isMimeType("text/plain")) {
            return (String) nested.getBodyPart(j).getContent();
          }
        }
      }
    }
    throw new AssertionError("no text part");
  }
}
