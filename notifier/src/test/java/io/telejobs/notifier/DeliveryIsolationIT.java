package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.Alert;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.FixtureHttpServer;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hostile or failing receiver never stops alerts for anyone else (hardening issue, items 1 and 8), on
 * a real broker, a real SMTP server and real HTTP receivers.
 */
class DeliveryIsolationIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static KafkaFixture kafka;
  private static GreenMail smtp;
  private static int smtpPort;
  private static NotifierService notifier;
  private static String api;

  @TempDir
  static Path state;

  @BeforeAll
  static void start() throws Exception {
    kafka = KafkaFixture.fresh();
    TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
    smtpPort = TestNotifier.freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    int apiPort = TestNotifier.freePort();
    api = "http://127.0.0.1:" + apiPort;
    Map<String, String> env = TestNotifier.env(kafka, state, smtpPort, apiPort);
    env.put("APP_WEBHOOK_TIMEOUT", "PT1S");
    env.put("APP_DELIVERY_BACKOFF", "PT0.3S");
    env.put("APP_DELIVERY_MAX_BACKOFF", "PT1S");
    env.put("APP_DELIVERY_RETRY_FOR", "PT5M");
    env.put("APP_SMTP_SECURITY", "none");
    notifier = TestNotifier.start(env);
  }

  @AfterAll
  static void stop() {
    notifier.close();
    smtp.stop();
    kafka.close();
  }

  private static Alert alert(String subscriptionId, String email, String webhookUrl, String jobId) {
    Subscription s = new Subscription(Subscription.SCHEMA_VERSION, subscriptionId, email, webhookUrl, Criteria.any(),
        Frequency.INSTANT, SubscriptionStatus.ACTIVE, Fixtures.AT, null, null, null);
    MatchedJob job = Fixtures.telehealthJob(jobId);
    return new Alert(Alert.SCHEMA_VERSION, Alert.idFor(subscriptionId, jobId), s, job, List.of(), Fixtures.AT);
  }

  /** Writes alerts to partition 0 of alerts.v2, in this order, as the decision topology would. */
  private static void publishToOnePartition(Alert... alerts) throws Exception {
    try (KafkaProducer<String, Alert> p = new KafkaProducer<>(kafka.clientProperties(), Serdes.String().serializer(),
        Topics.ALERTS.valueSerde().serializer())) {
      for (Alert a : alerts) {
        p.send(new ProducerRecord<>(Topics.ALERTS.name(), 0, a.subscription().id(), a)).get();
      }
    }
  }

  private static List<DeliveryRecord.Outcome> outcomes(TopicReader<String, DeliveryRecord> log, String alertId) {
    return log.poll().stream().filter(r -> r.key().equals(alertId)).map(r -> r.value().outcome()).toList();
  }

  private static List<MimeMessage> mailWithId(String alertId) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return ("<" + alertId + "@alerts.telejobs>").equals(m.getMessageID());
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  @Test
  void aWebhookPortOutOfRangeIsRefusedWithAMessage() throws Exception {
    for (String port : List.of("65536", "0", "99999999999")) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/subscriptions"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"webhookUrl\": \"https://hooks.example.com:" + port + "/x\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(port).isEqualTo(400);
      assertThat(Json.mapper().readTree(r.body()).get("error").asText()).contains("port");
    }
  }

  @Test
  void anAlertWhoseDeliveryCannotWorkIsDeadLetteredAndTheNextOneStillGoesOut() throws Exception {
    // an alert written before the port check existed: its delivery used to throw and restart the worker forever
    Alert poison = alert("sub-poison", null, "http://127.0.0.1:65536/hook", "job-poison");
    Alert next = alert("sub-after-poison", "after-poison@example.com", null, "job-after-poison");
    try (TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(),
        Topics.DELIVERIES.name(), Serdes.String(), Topics.DELIVERIES.valueSerde())) {
      publishToOnePartition(poison, next);

      log.pollUntil(rs -> outcomes(log, next.alertId()).contains(DeliveryRecord.Outcome.DELIVERED),
          Duration.ofSeconds(60));
      assertThat(outcomes(log, poison.alertId())).contains(DeliveryRecord.Outcome.DEAD_LETTERED)
          .doesNotContain(DeliveryRecord.Outcome.DELIVERED);
      assertThat(log.poll()).filteredOn(r -> r.key().equals(poison.alertId())
          && r.value().outcome() == DeliveryRecord.Outcome.DEAD_LETTERED).singleElement()
          .satisfies(r -> assertThat(r.value().detail()).contains("port"));
      assertThat(outcomes(log, next.alertId())).as("delivered once, never re-read after a restart")
          .containsExactly(DeliveryRecord.Outcome.DELIVERED);
    }
    assertThat(mailWithId(next.alertId())).hasSize(1);
  }

  @Test
  void aSlowReceiverIsTriedOnceAndDoesNotHoldUpOtherSubscribers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (FixtureHttpServer slow = FixtureHttpServer.serving("none");
        TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(),
            Topics.DELIVERIES.name(), Serdes.String(), Topics.DELIVERIES.valueSerde())) {
      slow.on("/hook", ex -> {
        try {
          release.await(30, TimeUnit.SECONDS); // answers long after the 1 s webhook timeout
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        FixtureHttpServer.send(ex, 204, null, new byte[0]);
      });
      String hook = slow.baseUrl() + "/hook";
      Alert[] slowOnes = new Alert[5];
      for (int i = 0; i < slowOnes.length; i++) {
        slowOnes[i] = alert("sub-slow", null, hook, "job-slow-" + i);
      }
      Alert other = alert("sub-other", "other@example.com", null, "job-other");
      Alert[] all = Arrays.copyOf(slowOnes, slowOnes.length + 1);
      all[slowOnes.length] = other;
      long start = System.nanoTime();
      publishToOnePartition(all);

      log.pollUntil(rs -> outcomes(log, other.alertId()).contains(DeliveryRecord.Outcome.DELIVERED),
          Duration.ofSeconds(30));
      Duration took = Duration.ofNanos(System.nanoTime() - start);

      assertThat(took).as("five 1 s timeouts in a row would take 5 s").isLessThan(Duration.ofMillis(4500));
      for (int i = 1; i < slowOnes.length; i++) {
        assertThat(outcomes(log, slowOnes[i].alertId())).as("alert %d waits on the retry topic", i)
            .startsWith(DeliveryRecord.Outcome.RETRY_SCHEDULED);
      }
      assertThat(outcomes(log, slowOnes[0].alertId())).startsWith(DeliveryRecord.Outcome.FAILED,
          DeliveryRecord.Outcome.RETRY_SCHEDULED);
    } finally {
      release.countDown();
    }
  }

  @Test
  void alertsOutlastAnSmtpOutageAndEachIsDeliveredOnceWhenItReturns() throws Exception {
    smtp.stop();
    Alert[] during = {alert("sub-outage-1", "o1@example.com", null, "job-outage-1"),
        alert("sub-outage-2", "o2@example.com", null, "job-outage-2"),
        alert("sub-outage-3", "o3@example.com", null, "job-outage-3")};
    try (TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(),
        Topics.DELIVERIES.name(), Serdes.String(), Topics.DELIVERIES.valueSerde())) {
      publishToOnePartition(during);
      // the outage lasts through several attempts (retries start at 0.3 s and double to 1 s)
      log.pollUntil(rs -> rs.stream().filter(r -> r.key().equals(during[0].alertId())
          && r.value().outcome() == DeliveryRecord.Outcome.FAILED).count() >= 4, Duration.ofSeconds(60));
      smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();

      for (Alert a : during) {
        log.pollUntil(rs -> outcomes(log, a.alertId()).contains(DeliveryRecord.Outcome.DELIVERED), Duration.ofSeconds(60));
      }
      for (Alert a : during) {
        assertThat(outcomes(log, a.alertId())).doesNotContain(DeliveryRecord.Outcome.DEAD_LETTERED)
            .filteredOn(o -> o == DeliveryRecord.Outcome.DELIVERED).hasSize(1);
        assertThat(mailWithId(a.alertId())).as(a.alertId()).hasSize(1);
      }
    }
  }

  @Test
  void theRedriveCommandPutsDeadLetteredDeliveriesBackAndEachGoesOutOnce() throws Exception {
    Alert gaveUp = alert("sub-redrive", "redrive@example.com", null, "job-redrive");
    byte[] value = Topics.ALERTS.valueSerde().serializer().serialize(Topics.ALERTS.name(), gaveUp);
    var headers = io.telejobs.contracts.DeadLetters.headers(null, "notifier", "deliver-email",
        new Exception("SMTP failure: connection refused; tried for PT24H"), Topics.NOTIFIER_RETRIES.name(), 0, 7);
    var unreadable = io.telejobs.contracts.DeadLetters.headers(null, "notifier", "deserialize",
        new Exception("cannot read Alert"), Topics.ALERTS.name(), 0, 8);
    try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(kafka.clientProperties(),
        new org.apache.kafka.common.serialization.ByteArraySerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      p.send(new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null, gaveUp.alertId().getBytes(StandardCharsets.UTF_8),
          value, headers)).get();
      p.send(new ProducerRecord<>(Topics.NOTIFIER_DLQ.name(), null, "broken".getBytes(StandardCharsets.UTF_8),
          "{".getBytes(StandardCharsets.UTF_8), unreadable)).get();
    }
    Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(printed, true, StandardCharsets.UTF_8);

    int code = new picocli.CommandLine(new io.telejobs.notifier.cli.RedriveCommand(env, out,
        java.time.Clock.systemUTC())).execute();

    assertThat(code).isZero();
    assertThat(utf8(printed.toByteArray())).contains("redriven  " + gaveUp.alertId() + " by email")
        .contains("left      broken: failed at deserialize").contains("1 delivery(ies) re-driven, 1 left");
    try (TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(),
        Topics.DELIVERIES.name(), Serdes.String(), Topics.DELIVERIES.valueSerde())) {
      log.pollUntil(rs -> outcomes(log, gaveUp.alertId()).contains(DeliveryRecord.Outcome.DELIVERED),
          Duration.ofSeconds(60));
    }
    printed.reset();
    new picocli.CommandLine(new io.telejobs.notifier.cli.RedriveCommand(env, out, java.time.Clock.systemUTC())).execute();
    assertThat(utf8(printed.toByteArray())).as("a second run re-drives nothing again")
        .contains("0 delivery(ies) re-driven, 0 left");
    assertThat(mailWithId(gaveUp.alertId())).hasSize(1);
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
