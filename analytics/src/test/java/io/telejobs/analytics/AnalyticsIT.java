package io.telejobs.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The analytics service on a real broker, and its dashboard in headless Chromium: the statistics API answers
 * from the matched jobs (first seen, closed), each chart shows the numbers the API returns, a filter changes
 * them, and a chart's CSV download is the API's table.
 */
class AnalyticsIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KafkaFixture kafka;
  private static AnalyticsService analytics;
  private static String site;

  @TempDir
  static Path state;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaFixture.fresh();
    TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
    try (KafkaProducer<String, MatchedJob> p = new KafkaProducer<>(kafka.clientProperties(), Serdes.String().serializer(),
        Topics.MATCHED.valueSerde().serializer())) {
      send(p, Jobs.job("us-1", "Senior Telehealth Program Manager", "Riverside Health", Tier.CORE, Level.SENIOR, "US",
          WorkMode.REMOTE, "USD", 120_000, 140_000, "2026-11-02T10:00:00Z"));
      send(p, Jobs.job("us-2", "Telehealth Project Manager", "Riverside Health", Tier.CORE, Level.MID, "US",
          WorkMode.HYBRID, "USD", 95_000, 110_000, "2026-11-03T10:00:00Z"));
      send(p, Jobs.job("us-3", "Healthcare IT Project Manager", "Lakeside Clinics", Tier.ADJACENT, Level.MID, "US",
          WorkMode.ONSITE, "USD", 100_000, 120_000, "2026-11-10T10:00:00Z"));
      send(p, Jobs.job("in-1", "Telehealth Program Manager", "Sanjeevani Virtual Care", Tier.CORE, Level.SENIOR, "IN",
          WorkMode.REMOTE, "INR", 1_800_000, 2_400_000, "2026-11-04T10:00:00Z"));
      send(p, Jobs.job("in-2", "Telehealth Coordinator", "Sanjeevani Virtual Care", Tier.PATHWAY, Level.ENTRY, "IN",
          WorkMode.HYBRID, "INR", 400_000, 600_000, "2026-11-11T10:00:00Z"));
      p.send(new ProducerRecord<String, MatchedJob>(Topics.MATCHED.name(), null,
          Instant.parse("2026-11-12T09:00:00Z").toEpochMilli(), "us-2", null)).get(); // us-2 closes on the 12th
    }
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_STATE_DIR", state.toString());
    env.put("APP_ANALYTICS_PORT", "0");
    Clock clock = Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC);
    analytics = new AnalyticsService(AnalyticsConfig.fromEnv(env), clock);
    analytics.start();
    site = "http://127.0.0.1:" + analytics.port();
    ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-analytics", Topics.MATCHED.name(), Duration.ofSeconds(60));
  }

  private static void send(KafkaProducer<String, MatchedJob> p, MatchedJob job) throws Exception {
    p.send(new ProducerRecord<>(Topics.MATCHED.name(), null, job.fetchedAt().toEpochMilli(), job.jobId(), job)).get();
  }

  @AfterAll
  static void stop() {
    analytics.close();
    kafka.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    HttpResponse<String> r = null;
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    do { // 503 while the store is being restored after start
      r = HTTP.send(HttpRequest.newBuilder(URI.create(site + path)).build(), HttpResponse.BodyHandlers.ofString());
    } while (r.statusCode() == 503 && System.nanoTime() < deadline);
    return r;
  }

  @Test
  void theApiAnswersRangesIntervalsFiltersCsvAndMistakes() throws Exception {
    JsonNode days = Json.mapper().readTree(get("/api/days").body());
    assertThat(days.get("days")).extracting(JsonNode::asText)
        .containsExactly("2026-11-02", "2026-11-03", "2026-11-04", "2026-11-10", "2026-11-11");

    JsonNode s = Json.mapper().readTree(get("/api/stats?from=2026-11-02&to=2026-11-15&interval=week").body());
    assertThat(s.get("periods")).extracting(p -> p.get("start").asText()).containsExactly("2026-11-02", "2026-11-09");
    assertThat(s.get("periods").get(0).get("newByTier").get("core").asInt()).isEqualTo(3);
    assertThat(s.get("periods").get(1).get("liveByTier").get("core").asInt()).as("us-2 closed on the 12th").isEqualTo(2);
    assertThat(s.get("jobs").asInt()).isEqualTo(5);
    assertThat(s.get("employers").get(0).get("name").asText()).isIn("Riverside Health", "Sanjeevani Virtual Care");

    HttpResponse<String> india = get("/api/stats?from=2026-11-02&to=2026-11-15&country=IN&format=csv&table=pay");
    assertThat(india.headers().firstValue("content-type")).hasValue("text/csv; charset=utf-8");
    assertThat(india.body().lines().toList()).containsExactly("level,currency,count,min,p10,p25,p50,p75,p90,max",
        "entry,INR,1,500000,500000,500000,500000,500000,500000,500000",
        "senior,INR,1,2100000,2100000,2100000,2100000,2100000,2100000,2100000");

    HttpResponse<String> bad = get("/api/stats?from=yesterday&interval=hourly");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(bad.body()).get("errors")).extracting(JsonNode::asText).containsExactly(
        "'from' must be a date such as 2026-11-25, not 'yesterday'", "'interval' must be day, week or month, not 'hourly'");
  }

  @Test
  void theDashboardDrawsTheApisNumbersFiltersAndDownloads() throws Exception {
    try (Browser browser = Browser.start(Path.of("target", "browser"))) {
      var web = browser.driver();
      web.get(site + "/");
      WebDriverWait wait = new WebDriverWait(web, Duration.ofSeconds(20));
      wait.until(d -> d.findElement(By.tagName("body")).getAttribute("data-ready") != null);
      browser.screenshot("dashboard");
      assertThat(web.findElement(By.cssSelector(".card")).getCssValue("background-color")).isEqualTo("rgba(255, 255, 255, 1)");
      assertThat(web.findElement(By.id("from")).getAttribute("value")).isEqualTo("2026-11-02");
      assertThat(web.findElement(By.id("to")).getAttribute("value")).isEqualTo("2026-11-11");

      JsonNode api = Json.mapper().readTree(get("/api/stats?from=2026-11-02&to=2026-11-11&interval=week").body());
      assertThat(seriesData(web, "chart-new")).isEqualTo(List.of(
          tier(api, "newByTier", "core"), tier(api, "newByTier", "adjacent"), tier(api, "newByTier", "pathway")));
      assertThat(seriesData(web, "chart-live").get(0)).isEqualTo(tier(api, "liveByTier", "core"));
      assertThat(web.findElements(By.cssSelector("#latest tbody tr"))).hasSize(5);
      // every other chart: the numbers the API returns
      JavascriptExecutor js = (JavascriptExecutor) web;
      assertThat(js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-pay')).getOption()"
          + ".series.map(s => s.data.map(b => b[2]))")).as("pay medians per currency panel").isEqualTo(List.of(
              List.of(500_000L, 2_100_000L), List.of(102_500L, 130_000L)));
      assertThat(js.executeScript("return echarts.getInstanceByDom(document.getElementById('chart-modes')).getOption()"
          + ".series[0].data.map(d => d.name + '=' + d.value)")).isEqualTo(List.of(
              "remote=" + api.get("workModes").get("remote").asInt(), "hybrid=" + api.get("workModes").get("hybrid").asInt(),
              "onsite=" + api.get("workModes").get("onsite").asInt()));
      List<String> employers = new java.util.ArrayList<>();
      api.get("employers").forEach(e -> employers.add(e.get("name").asText() + "=" + e.get("count").asInt()));
      assertThat(js.executeScript("const o = echarts.getInstanceByDom(document.getElementById('chart-employers'))"
          + ".getOption(); return o.yAxis[0].data.map((n, i) => n + '=' + o.series[0].data[i])")).isEqualTo(employers);

      new Select(web.findElement(By.id("country"))).selectByVisibleText("IN");
      wait.until(d -> String.valueOf(d.findElement(By.tagName("body")).getAttribute("data-ready")).contains("country=IN"));
      JsonNode india = Json.mapper().readTree(get("/api/stats?from=2026-11-02&to=2026-11-11&interval=week&country=IN").body());
      assertThat(seriesData(web, "chart-new")).isEqualTo(List.of(
          tier(india, "newByTier", "core"), tier(india, "newByTier", "adjacent"), tier(india, "newByTier", "pathway")));
      assertThat(web.findElements(By.cssSelector("#latest tbody tr"))).hasSize(2);
      browser.screenshot("dashboard-india");

      String csvLink = web.findElement(By.cssSelector("a.csv[data-table=series]")).getAttribute("href");
      String csv = HTTP.send(HttpRequest.newBuilder(URI.create(csvLink)).build(), HttpResponse.BodyHandlers.ofString()).body();
      List<String> rows = csv.lines().skip(1).toList();
      assertThat(rows).hasSize(india.get("periods").size());
      for (int i = 0; i < rows.size(); i++) {
        JsonNode p = india.get("periods").get(i);
        assertThat(rows.get(i)).startsWith(p.get("start").asText() + "," + p.get("newByTier").get("core").asInt() + ",");
      }
    }
  }

  private static List<Integer> tier(JsonNode stats, String field, String tier) {
    List<Integer> out = new java.util.ArrayList<>();
    stats.get("periods").forEach(p -> out.add(p.get(field).get(tier).asInt()));
    return out;
  }

  /** The data of each series of a chart, as ECharts holds it. */
  @SuppressWarnings("unchecked")
  private static List<List<Integer>> seriesData(org.openqa.selenium.WebDriver web, String chart) {
    Object data = ((JavascriptExecutor) web).executeScript("return echarts.getInstanceByDom(document.getElementById("
        + "arguments[0])).getOption().series.map(s => s.data);", chart);
    List<List<Integer>> out = new java.util.ArrayList<>();
    for (Object series : (List<Object>) data) {
      out.add(((List<Object>) series).stream().map(v -> ((Number) v).intValue()).toList());
    }
    return out;
  }
}
