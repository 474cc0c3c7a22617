package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.analytics.AnalyticsConfig;
import io.telejobs.analytics.AnalyticsService;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.Browser;
import io.telejobs.testkit.ConsumerLag;
import io.telejobs.testkit.KafkaFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The local run's sample market history, as the dashboard shows it: at least 500 jobs over 90 days, US and
 * India, every tier and level, pay in USD and INR, some closed, all labelled as sample data.
 */
class SampleHistoryIT {
  @TempDir
  Path state;

  @Test
  void theDashboardShowsTheSampleHistoryLabelledAsSuch() throws Exception {
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
      java.time.Instant now = java.time.Instant.now();
      LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
      int jobs = SampleHistory.publish(kafka.clientProperties(), now);
      assertThat(jobs).isGreaterThanOrEqualTo(500);
      AnalyticsService analytics = new AnalyticsService(AnalyticsConfig.fromEnv(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "KAFKA_STATE_DIR", state.toString(),
          "APP_ANALYTICS_PORT", "0")), Clock.systemUTC());
      try (analytics) {
        analytics.start();
        ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-analytics", Topics.MATCHED_SAMPLE.name(),
            Duration.ofSeconds(60));
        String site = "http://127.0.0.1:" + analytics.port();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ask = HttpRequest.newBuilder(URI.create(site
            + "/api/stats?interval=week&from=" + today.minusDays(89) + "&to=" + today)).build();
        HttpResponse<String> answer;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        do { // 503 while Streams rebalances after start, even once the input is consumed
          answer = http.send(ask, HttpResponse.BodyHandlers.ofString());
        } while (answer.statusCode() == 503 && System.nanoTime() < deadline);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode stats = Json.mapper().readTree(answer.body());
        assertThat(stats.get("jobs").asInt()).isEqualTo(jobs);
        assertThat(stats.get("sampleJobs").asInt()).isEqualTo(jobs);
        Set<String> levelCurrency = new HashSet<>();
        stats.get("pay").forEach(p -> levelCurrency.add(p.get("level").asText() + " " + p.get("currency").asText()));
        assertThat(levelCurrency).contains("entry USD", "mid USD", "senior USD", "lead USD", "entry INR", "mid INR",
            "senior INR", "lead INR");
        JsonNode last = stats.get("periods").get(stats.get("periods").size() - 1);
        int everNew = 0;
        for (JsonNode p : stats.get("periods")) {
          everNew += p.get("newByTier").get("core").asInt() + p.get("newByTier").get("adjacent").asInt()
              + p.get("newByTier").get("pathway").asInt();
        }
        int liveNow = last.get("liveByTier").get("core").asInt() + last.get("liveByTier").get("adjacent").asInt()
            + last.get("liveByTier").get("pathway").asInt();
        assertThat(liveNow).as("some jobs have closed").isLessThan(everNew);
        for (String tier : new String[] {"core", "adjacent", "pathway"}) {
          assertThat(last.get("liveByTier").get(tier).asInt()).as(tier).isPositive();
        }

        try (Browser browser = Browser.start(Path.of("target", "browser"))) {
          var web = browser.driver();
          web.manage().window().setSize(new org.openqa.selenium.Dimension(1200, 1500));
          web.get(site + "/");
          new WebDriverWait(web, Duration.ofSeconds(20))
              .until(d -> d.findElement(By.tagName("body")).getAttribute("data-ready") != null);
          assertThat(web.findElement(By.id("sample")).getText())
              .isEqualTo(jobs + " of these " + jobs + " jobs are sample data (the local run's sample history).");
          assertThat(web.findElements(By.cssSelector("#latest tbody tr"))).hasSize(20);
          browser.screenshot("dashboard-sample-history");
        }
      }
    }
  }
}
