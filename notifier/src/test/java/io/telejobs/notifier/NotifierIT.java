package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notifier on a real broker with a real SMTP server (GreenMail) and its HTTP API: double opt-in,
 * instant alerts, unsubscribe taking effect at once, forged tokens refused, bad requests named.
 */
class NotifierIT {
  private static final String ADMIN = "admin-token-for-integration-tests-0123456789";
  private static KafkaFixture kafka;
  private static GreenMail smtp;
  private static NotifierService notifier;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static String api;
  @TempDir
  static Path state;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaFixture.fresh();
    TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int port;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      port = s.getLocalPort();
    }
    api = "http://127.0.0.1:" + port;
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_STATE_DIR", state.toString());
    env.put("APP_SMTP_HOST", "127.0.0.1");
    env.put("APP_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("APP_TOKEN_SECRET", "integration-test-secret-0123456789abcdef");
    env.put("APP_HTTP_PORT", Integer.toString(port));
    env.put("APP_PUBLIC_URL", api);
    env.put("APP_ADMIN_TOKEN", ADMIN);
    env.put("APP_DELIVERY_BACKOFF", "PT0.05S");
    env.put("APP_DELIVERY_MAX_BACKOFF", "PT0.2S");
    env.put("APP_DELIVERY_RETRY_FOR", "PT1.5S");
    env.put("APP_WEBHOOK_ALLOWLIST", "127.0.0.1");
    notifier = new NotifierService(NotifierConfig.fromEnv(env), env);
    notifier.bindMetrics(metrics);
    notifier.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (notifier.state() != KafkaStreams.State.RUNNING || !notifier.worker().awaitReady(Duration.ofMillis(100))) {
      assertThat(System.nanoTime()).as("notifier ready in 60 s").isLessThan(deadline);
    }
    assertThat(notifier.subscriptions().awaitReady(Duration.ofSeconds(30))).isTrue();
  }

  @AfterAll
  static void stop() {
    notifier.close();
    smtp.stop();
    kafka.close();
  }

  private static HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> r) throws Exception {
    return Json.mapper().readTree(r.body());
  }

  private static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(address);
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  private static void publishJob(MatchedJob job) throws Exception {
    try (KafkaProducer<String, MatchedJob> p = new KafkaProducer<>(kafka.clientProperties(), Serdes.String().serializer(),
        Topics.MATCHED.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), job)).get();
    }
  }

  /** Waits until the decision topology and the delivery worker have committed everything published so far. */
  private static void awaitNotifierCaughtUp() {
    io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier", Topics.MATCHED.name(),
        Duration.ofSeconds(60));
    io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier-delivery",
        Topics.ALERTS.name(), Duration.ofSeconds(60));
  }

  /** Waits for the delivery log to hold an outcome for this subscription and job. */
  private static DeliveryRecord awaitOutcome(TopicReader<String, DeliveryRecord> log, String subscriptionId, String jobId) {
    return log.pollUntil(rs -> rs.stream().anyMatch(r -> r.value().subscriptionId().equals(subscriptionId)
            && r.value().jobId().equals(jobId) && r.value().outcome() != DeliveryRecord.Outcome.FAILED
            && r.value().outcome() != DeliveryRecord.Outcome.RETRY_SCHEDULED),
        Duration.ofSeconds(60)).stream().map(r -> r.value())
        .filter(d -> d.subscriptionId().equals(subscriptionId) && d.jobId().equals(jobId)
            && d.outcome() != DeliveryRecord.Outcome.FAILED && d.outcome() != DeliveryRecord.Outcome.RETRY_SCHEDULED)
        .reduce((a, b) -> b).orElseThrow();
  }

  private static final io.micrometer.prometheusmetrics.PrometheusMeterRegistry metrics =
      io.telejobs.observability.Metrics.registry("notifier");

  /** The value of one series on the notifier's /metrics page. */
  private static double metric(String series) {
    return metrics.scrape().lines().filter(l -> l.startsWith(series + " ")).findFirst()
        .map(l -> Double.parseDouble(l.substring(series.length() + 1)))
        .orElseThrow(() -> new AssertionError("no series " + series + " in /metrics"));
  }

  @Test
  void optInGatesAlertsAndUnsubscribeStopsThemAtOnce() throws Exception {
    HttpResponse<String> created = send("POST", "/api/subscriptions",
        "{\"email\": \"lee@example.com\", \"tiers\": [\"core\"], \"countries\": [\"US\"]}", null);
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json(created).get("id").asText();
    String manage = json(created).get("manageToken").asText();
    assertThat(json(created).get("status").asText()).isEqualTo("pending");

    try (TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(), Topics.DELIVERIES.name(),
        Serdes.String(), Topics.DELIVERIES.valueSerde())) {
      // the opt-in gate: a fitting job while pending sends nothing
      publishJob(Fixtures.telehealthJob("optin-1"));
      awaitNotifierCaughtUp();
      smtp.waitForIncomingEmail(10_000, 1);
      List<MimeMessage> first = mailTo("lee@example.com");
      assertThat(first).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("Confirm your telehealth job alerts"));

      // follow the link from the email
      Matcher link = Pattern.compile("(http://\\S+/confirm\\?s=\\S+)").matcher(GreenMailUtil.getBody(first.get(0)).replace("=\r\n", "").replace("=3D", "="));
      assertThat(link.find()).isTrue();
      HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(link.group(1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(json(send("GET", "/api/subscriptions/" + id, null, manage)).get("status").asText())
          .as("opening the link (as a mail scanner would) confirms nothing").isEqualTo("pending");
      Matcher s = Pattern.compile("name=\"s\" value=\"([^\"]+)\"").matcher(page.body());
      Matcher t = Pattern.compile("name=\"t\" value=\"([^\"]+)\"").matcher(page.body());
      assertThat(s.find() && t.find()).as("the page's form carries the link's token").isTrue();
      HttpResponse<String> confirmed = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/confirm"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("s=" + s.group(1) + "&t=" + t.group(1))).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(confirmed.statusCode()).isEqualTo(200);
      assertThat(json(send("GET", "/api/subscriptions/" + id, null, manage)).get("status").asText()).isEqualTo("active");

      // now a fitting job is alerted
      publishJob(Fixtures.telehealthJob("optin-2"));
      assertThat(awaitOutcome(log, id, "optin-2").outcome()).isEqualTo(DeliveryRecord.Outcome.DELIVERED);
      assertThat(mailTo("lee@example.com")).hasSize(2);
      assertThat(metric("notifier_deliveries_total{outcome=\"sent\",service=\"notifier\"}")).isGreaterThanOrEqualTo(1);
      assertThat(metric("notifier_subscriptions{service=\"notifier\"}")).isGreaterThanOrEqualTo(1);

      // one-click unsubscribe from the alert's header, then nothing more
      MimeMessage alert = mailTo("lee@example.com").get(1);
      String header = alert.getHeader("List-Unsubscribe")[0];
      String unsubscribe = header.substring(1, header.length() - 1);
      HttpResponse<String> done = HTTP.send(HttpRequest.newBuilder(URI.create(unsubscribe))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(send("GET", "/api/subscriptions/" + id, null, ADMIN).statusCode()).isEqualTo(404);

      publishJob(Fixtures.telehealthJob("optin-3"));
      awaitNotifierCaughtUp();
      assertThat(mailTo("lee@example.com")).hasSize(2);
      assertThat(log.poll()).noneMatch(r -> r.value().jobId().equals("optin-3") && r.value().subscriptionId().equals(id));
    }
  }

  @Test
  void webhookIsSignedSoTheReceiverCanVerifyItAndCarriesAnIdempotencyKey() throws Exception {
    java.util.List<String> verified = new java.util.concurrent.CopyOnWriteArrayList<>();
    String[] secret = new String[1];
    try (io.telejobs.testkit.FixtureHttpServer receiver = io.telejobs.testkit.FixtureHttpServer.serving("none")) {
      receiver.on("/hook", ex -> {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (Receivers.answeredChallenge(ex, body)) {
          return;
        }
        long ts = Long.parseLong(ex.getRequestHeaders().getFirst("X-Telejobs-Timestamp"));
        String expected = io.telejobs.notifier.delivery.WebhookSender.signature(secret[0], ts, body);
        boolean fresh = Math.abs(java.time.Instant.now().getEpochSecond() - ts) < 300;
        boolean valid = java.security.MessageDigest.isEqual(expected.getBytes(),
            ex.getRequestHeaders().getFirst("X-Telejobs-Signature").getBytes());
        int status = valid && fresh ? 204 : 401;
        if (status == 204) {
          verified.add(ex.getRequestHeaders().getFirst("Idempotency-Key") + " " + new String(body, java.nio.charset.StandardCharsets.UTF_8));
        }
        io.telejobs.testkit.FixtureHttpServer.send(ex, status, null, new byte[0]);
      });
      JsonNode created = json(send("POST", "/api/subscriptions",
          "{\"webhookUrl\": \"" + receiver.baseUrl() + "/hook\", \"tiers\": [\"core\"]}", null));
      assertThat(created.get("status").asText()).as("webhooks need no email opt-in").isEqualTo("active");
      secret[0] = created.get("webhookSecret").asText();
      String id = created.get("id").asText();

      try (TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(), Topics.DELIVERIES.name(),
          Serdes.String(), Topics.DELIVERIES.valueSerde())) {
        publishJob(Fixtures.telehealthJob("hook-1"));
        DeliveryRecord outcome = awaitOutcome(log, id, "hook-1");
        assertThat(outcome.outcome()).isEqualTo(DeliveryRecord.Outcome.DELIVERED);
        assertThat(outcome.channel()).isEqualTo(DeliveryRecord.Channel.WEBHOOK);
      }
      io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier-delivery",
          Topics.ALERTS.name(), Duration.ofSeconds(60));
      // the new job, once; the jobs earlier tests left live reached the hook too, once each, marked current
      assertThat(verified.stream().filter(v -> v.startsWith(io.telejobs.contracts.Alert.idFor(id, "hook-1") + " ")))
          .singleElement().satisfies(v -> assertThat(v).contains("\"subscriptionId\":\"" + id + "\"")
              .contains("\"current\":false"));
      assertThat(verified.stream().filter(v -> !v.contains("\"id\":\"hook-1\"")))
          .allSatisfy(v -> assertThat(v).contains("\"current\":true"));
      assertThat(verified).extracting(v -> v.substring(0, v.indexOf(' '))).doesNotHaveDuplicates();
      assertThat(receiver.requests("/hook")).as("the verification request, then the alerts")
          .hasSize(1 + verified.size());
    }
  }

  @Test
  void failingWebhookIsRetriedWithTheSameKeyThenDeadLettered() throws Exception {
    try (io.telejobs.testkit.FixtureHttpServer receiver = io.telejobs.testkit.FixtureHttpServer.serving("none");
        TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(), Topics.DELIVERIES.name(),
            Serdes.String(), Topics.DELIVERIES.valueSerde());
        TopicReader<byte[], byte[]> dlq = new TopicReader<>(kafka.clientProperties(), Topics.NOTIFIER_DLQ.name(),
            Serdes.ByteArray(), Serdes.ByteArray())) {
      boolean[] verified = new boolean[1];
      receiver.on("/down", ex -> {
        byte[] body = ex.getRequestBody().readAllBytes();
        if (!verified[0] && Receivers.answeredChallenge(ex, body)) {
          verified[0] = true; // up when registered, down by the time the job comes
          return;
        }
        io.telejobs.testkit.FixtureHttpServer.send(ex, 503, null, new byte[0]);
      });
      String id = json(send("POST", "/api/subscriptions",
          "{\"webhookUrl\": \"" + receiver.baseUrl() + "/down\", \"tiers\": [\"core\"]}", null)).get("id").asText();

      publishJob(Fixtures.telehealthJob("hook-down"));
      DeliveryRecord last = awaitOutcome(log, id, "hook-down");

      assertThat(last.outcome()).isEqualTo(DeliveryRecord.Outcome.DEAD_LETTERED);
      int failed = (int) log.poll().stream().filter(r -> r.value().subscriptionId().equals(id)
          && r.value().outcome() == DeliveryRecord.Outcome.FAILED)
          .peek(r -> assertThat(r.value().detail()).contains("503")).count();
      assertThat(failed).as("attempts within the 1.5 s retry span").isGreaterThanOrEqualTo(2);
      assertThat(receiver.requests("/down").subList(1, receiver.requests("/down").size())).hasSize(failed)
          .extracting(r -> r.header("Idempotency-Key")).containsOnly(io.telejobs.contracts.Alert.idFor(id, "hook-down"));
      var dead = dlq.pollUntil(rs -> rs.stream().anyMatch(r -> new String(r.headers().lastHeader("dlq.stage").value(),
          java.nio.charset.StandardCharsets.UTF_8).equals("deliver-webhook")), Duration.ofSeconds(30));
      assertThat(dead).isNotEmpty();
    }
  }

  @Test
  void forgedOrForeignTokensAreRefused() throws Exception {
    String a = json(send("POST", "/api/subscriptions", "{\"email\": \"a@example.com\"}", null)).get("id").asText();
    JsonNode b = json(send("POST", "/api/subscriptions", "{\"email\": \"b@example.com\"}", null));

    assertThat(send("GET", "/api/subscriptions/" + a, null, b.get("manageToken").asText()).statusCode()).isEqualTo(403);
    assertThat(send("DELETE", "/api/subscriptions/" + a, null, "forged").statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/subscriptions/" + a, null, null).statusCode()).isEqualTo(403);
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(api + "/confirm?s=" + a + "&t=" + b.get("manageToken").asText())).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(api + "/confirm"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("s=" + a + "&t=" + b.get("manageToken").asText())).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(api + "/unsubscribe?s=" + a + "&t=AAAA"))
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(send("GET", "/api/subscriptions/" + a, null, ADMIN).statusCode()).as("still there").isEqualTo(200);
  }

  @Test
  void badRequestsAreA400ThatNamesTheField() throws Exception {
    HttpResponse<String> r = send("POST", "/api/subscriptions", "{\"email\": \"x@example.com\", \"tiers\": [\"core\", \"boss\"]}", null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json(r).get("field").asText()).isEqualTo("criteria.tiers[1]");

    HttpResponse<String> wrongType = send("POST", "/api/subscriptions", "{\"email\": \"x@example.com\", \"minAnnualSalary\": \"lots\"}", null);
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(json(wrongType).get("field").asText()).isEqualTo("minAnnualSalary");

    HttpResponse<String> notJson = send("POST", "/api/subscriptions", "{nope", null);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(json(notJson).get("field").asText()).isEqualTo("body");
  }

  @Test
  void subscriptionsLiveOnTheCompactedTopic() throws Exception {
    HttpResponse<String> created = send("POST", "/api/subscriptions", "{\"email\": \"topic@example.com\"}", null);
    String id = json(created).get("id").asText();
    try (TopicReader<String, Subscription> subs = new TopicReader<>(kafka.clientProperties(), Topics.SUBSCRIPTIONS.name(),
        Serdes.String(), Topics.SUBSCRIPTIONS.valueSerde())) {
      assertThat(subs.pollUntil(rs -> rs.stream().anyMatch(x -> x.key().equals(id)), Duration.ofSeconds(30)))
          .anySatisfy(x -> assertThat(x.value().email()).isEqualTo("topic@example.com"));
    }
  }
}
