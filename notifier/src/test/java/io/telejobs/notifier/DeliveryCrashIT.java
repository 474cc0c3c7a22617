package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.Alert;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.delivery.DeliveryObserver;
import io.telejobs.net.AddressPolicy;
import io.telejobs.net.OutboundHttp;
import io.telejobs.notifier.delivery.Breakers;
import io.telejobs.notifier.delivery.DeliveryCounters;
import io.telejobs.notifier.delivery.DeliveryWorker;
import io.telejobs.notifier.delivery.EmailRenderer;
import io.telejobs.notifier.delivery.RetryPolicy;
import io.telejobs.notifier.delivery.SmtpEmailSender;
import io.telejobs.notifier.delivery.SmtpSettings;
import io.telejobs.notifier.delivery.WebhookSender;
import io.telejobs.notifier.security.TokenSigner;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The delivery worker dies at each step of a delivery and a new one takes over, on a real broker and a
 * real SMTP server. No alert is lost; only a death between the server's acceptance and the record of it
 * sends a second email, and that one carries the same Message-ID.
 */
class DeliveryCrashIT {
  /** Stands for the process dying: not an exception the worker handles. */
  static final class SimulatedCrash extends Error {
    SimulatedCrash(String where) {
      super("simulated crash " + where);
    }
  }

  private static final OutboundHttp WEBHOOKS = new OutboundHttp(new OutboundHttp.Settings("test", Duration.ofSeconds(2),
      Duration.ofSeconds(2), Duration.ofSeconds(5), 1024, AddressPolicy.publicOnly()));
  private static KafkaFixture kafka;
  private static GreenMail smtp;
  private static final TokenSigner SIGNER = new TokenSigner("crash-test-secret-0123456789abcdefghij".getBytes(StandardCharsets.UTF_8));

  @BeforeAll
  static void start() {
    kafka = KafkaFixture.fresh();
    TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
  }

  @AfterAll
  static void stop() {
    smtp.stop();
    kafka.close();
  }

  private static DeliveryWorker worker(String group) {
    return worker(group, 1);
  }

  /** A worker in {@code lanes} lanes, with as many SMTP connections. */
  private static DeliveryWorker worker(String group, int lanes) {
    SmtpSettings settings = new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "none", "", "",
        "alerts@example.org", Duration.ofSeconds(10));
    RetryPolicy retry = new RetryPolicy(Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMinutes(1));
    return new DeliveryWorker(kafka.clientProperties(), group, new SmtpEmailSender(settings, lanes),
        new WebhookSender(SIGNER, WEBHOOKS, Clock.systemUTC()), new EmailRenderer("http://localhost:8080", SIGNER), retry,
        new Breakers(retry, Clock.systemUTC()), Clock.systemUTC(), d -> { }, s -> false, new DeliveryCounters())
        .inLanes(lanes);
  }

  /** {@code n} alerts for one job, each for a subscriber of its own (keyed by subscription, as the decider keys them). */
  private static List<Alert> publishAlerts(String prefix, int n) throws Exception {
    MatchedJob job = Fixtures.telehealthJob("job-" + prefix);
    List<Alert> out = new java.util.ArrayList<>();
    try (KafkaProducer<String, Alert> p = new KafkaProducer<>(kafka.clientProperties(), Serdes.String().serializer(),
        Topics.ALERTS.valueSerde().serializer())) {
      for (int i = 0; i < n; i++) {
        String subId = prefix + "-" + i;
        Alert a = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(subId, job.jobId()),
            Fixtures.subscription(subId, subId + "@example.com", Criteria.any()), job, List.of(), Fixtures.AT);
        p.send(new ProducerRecord<>(Topics.ALERTS.name(), subId, a)).get();
        out.add(a);
      }
    }
    return out;
  }

  /** Runs {@code worker} on a thread named {@code thread} until its group has read every alert, then closes it. */
  private static void runUntilCaughtUp(DeliveryWorker worker, String group, String thread) throws Exception {
    Thread t = new Thread(worker, thread);
    t.start();
    try {
      io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), group, Topics.ALERTS.name(),
          Duration.ofSeconds(60));
    } finally {
      worker.close();
      t.join(30_000);
    }
  }

  /** DELIVERED records per alert id on the log so far. */
  private static java.util.Map<String, Long> deliveredRecords(List<Alert> alerts) {
    Set<String> ids = new java.util.HashSet<>();
    alerts.forEach(a -> ids.add(a.alertId()));
    try (TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(), Topics.DELIVERIES.name(),
        Serdes.String(), Topics.DELIVERIES.valueSerde())) {
      return log.drainFor(Duration.ofSeconds(1)).stream()
          .filter(r -> ids.contains(r.key()) && r.value().outcome() == DeliveryRecord.Outcome.DELIVERED)
          .collect(java.util.stream.Collectors.groupingBy(r -> r.key(), java.util.stream.Collectors.counting()));
    }
  }

  @org.junit.jupiter.api.Test
  void inLanesEveryAlertIsDeliveredOnceAndTheLanesRunOnThreadsOfTheirOwn() throws Exception {
    List<Alert> alerts = publishAlerts("lanes", 30);
    String group = "delivery-lanes";
    Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
    DeliveryWorker worker = worker(group, 3).observedBy(new DeliveryObserver() {
      @Override
      public void beforeSend(Alert a, DeliveryRecord.Channel c) {
        threads.add(Thread.currentThread().getName());
      }
    });
    runUntilCaughtUp(worker, group, "lanes-worker");
    java.util.Map<String, Long> delivered = deliveredRecords(alerts);
    assertThat(delivered).hasSize(30).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1L));
    for (Alert a : alerts) {
      assertThat(mailWithId("<" + a.alertId() + "@alerts.telejobs>")).as(a.alertId()).hasSize(1);
    }
    assertThat(threads).containsExactlyInAnyOrder("lanes-worker", "notifier-delivery-lane-1",
        "notifier-delivery-lane-2");
  }

  @org.junit.jupiter.api.Test
  void aCrashInOneLaneLosesNoAlertAndRepeatsOnlyWithTheSameMessageId() throws Exception {
    List<Alert> alerts = publishAlerts("lane-crash", 30);
    Alert victim = alerts.get(17);
    String group = "delivery-lane-crash";
    DeliveryWorker first = worker(group, 3).observedBy(new DeliveryObserver() {
      @Override
      public void afterSend(Alert a, DeliveryRecord.Channel c) {
        if (a.alertId().equals(victim.alertId())) {
          throw new SimulatedCrash("after-send in a lane");
        }
      }
    });
    Thread dying = new Thread(first, "dying-lanes-worker");
    dying.setUncaughtExceptionHandler((th, e) -> { }); // the crash is the point
    dying.start();
    dying.join(60_000);
    assertThat(dying.isAlive()).as("the first worker died").isFalse();

    runUntilCaughtUp(worker(group, 3), group, "taking-over-lanes-worker");
    java.util.Map<String, Long> delivered = deliveredRecords(alerts);
    // a record the dying worker had written but not waited for may be on the log as well as the new one
    assertThat(delivered).as("every alert delivered").hasSize(30)
        .allSatisfy((id, n) -> assertThat(n).as(id).isBetween(1L, 2L));
    assertThat(mailWithId("<" + victim.alertId() + "@alerts.telejobs>")).as("the alert sent when the worker died")
        .hasSize(2);
    for (Alert a : alerts) {
      assertThat(mailWithId("<" + a.alertId() + "@alerts.telejobs>")).as(a.alertId()).hasSizeBetween(1, 2);
    }
  }

  @org.junit.jupiter.api.Test
  void aJobThatClosedBeforeDeliveryIsNotSent() throws Exception {
    String subId = "closed-before";
    MatchedJob job = Fixtures.telehealthJob("job-closed-before-delivery");
    Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(subId, job.jobId()),
        Fixtures.subscription(subId, subId + "@example.com", Criteria.any()), job, List.of(), Fixtures.AT);
    try (KafkaProducer<String, Alert> alerts = new KafkaProducer<>(kafka.clientProperties(), Serdes.String().serializer(),
        Topics.ALERTS.valueSerde().serializer());
        KafkaProducer<String, MatchedJob> jobs = new KafkaProducer<>(kafka.clientProperties(), Serdes.String().serializer(),
            Topics.MATCHED.valueSerde().serializer())) {
      jobs.send(new ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), job)).get();
      alerts.send(new ProducerRecord<>(Topics.ALERTS.name(), subId, alert)).get();
      jobs.send(new ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), null)).get(); // closes before delivery
    }
    String group = "delivery-closed";
    DeliveryWorker worker = worker(group);
    Thread t = new Thread(worker, "worker-closed");
    t.start();
    try (TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(), Topics.DELIVERIES.name(),
        Serdes.String(), Topics.DELIVERIES.valueSerde())) {
      io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), group, Topics.ALERTS.name(), Duration.ofSeconds(60));
      var outcomes = log.drainFor(Duration.ofSeconds(1)).stream().filter(r -> r.key().equals(alert.alertId()))
          .map(r -> r.value().outcome()).toList();
      assertThat(outcomes).containsExactly(DeliveryRecord.Outcome.CANCELLED);
    } finally {
      worker.close();
      t.join(30_000);
    }
    assertThat(mailWithId("<" + alert.alertId() + "@alerts.telejobs>")).isEmpty();
  }

  private static List<MimeMessage> mailWithId(String messageId) {
    return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
      try {
        return messageId.equals(m.getMessageID());
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  @ParameterizedTest(name = "crash {0}: {1} email(s)")
  @CsvSource({"before-send, 1", "after-send, 2", "after-record, 1"})
  void noAlertIsLostAndOnlyTheAcceptanceWindowRepeats(String where, int expectedEmails) throws Exception {
    String subId = "crash-" + where;
    MatchedJob job = Fixtures.telehealthJob("job-" + where);
    Subscription sub = Fixtures.subscription(subId, subId + "@example.com", Criteria.any());
    Alert alert = new Alert(Alert.SCHEMA_VERSION, Alert.idFor(subId, job.jobId()), sub, job, List.of(), Fixtures.AT);
    String messageId = "<" + alert.alertId() + "@alerts.telejobs>";
    try (KafkaProducer<String, Alert> p = new KafkaProducer<>(kafka.clientProperties(), Serdes.String().serializer(),
        Topics.ALERTS.valueSerde().serializer())) {
      p.send(new ProducerRecord<>(Topics.ALERTS.name(), subId, alert)).get();
    }

    String group = "delivery-" + where;
    DeliveryWorker first = worker(group).observedBy(new DeliveryObserver() {
      @Override
      public void beforeSend(Alert a, DeliveryRecord.Channel c) {
        crashIf("before-send", a);
      }

      @Override
      public void afterSend(Alert a, DeliveryRecord.Channel c) {
        crashIf("after-send", a);
      }

      @Override
      public void afterRecord(Alert a, DeliveryRecord.Channel c) {
        crashIf("after-record", a);
      }

      private void crashIf(String point, Alert a) {
        if (point.equals(where) && a.alertId().equals(alert.alertId())) {
          throw new SimulatedCrash(point);
        }
      }
    });
    Thread dying = new Thread(first, "dying-worker");
    dying.setUncaughtExceptionHandler((t, e) -> { }); // the crash is the point
    dying.start();
    dying.join(60_000);
    assertThat(dying.isAlive()).as("the first worker died at " + where).isFalse();

    DeliveryWorker second = worker(group);
    Thread survivor = new Thread(second, "taking-over-worker");
    survivor.start();
    try (TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(), Topics.DELIVERIES.name(),
        Serdes.String(), Topics.DELIVERIES.valueSerde())) {
      io.telejobs.testkit.ConsumerLag.awaitCaughtUp(kafka.clientProperties(), group, Topics.ALERTS.name(),
          Duration.ofSeconds(60));
      var outcomes = log.drainFor(Duration.ofSeconds(1)).stream().filter(r -> r.key().equals(alert.alertId()))
          .map(r -> r.value().outcome()).toList();
      switch (where) {
        case "after-record" -> assertThat(outcomes).containsExactly(DeliveryRecord.Outcome.DELIVERED,
            DeliveryRecord.Outcome.SKIPPED_DUPLICATE);
        default -> assertThat(outcomes).containsExactly(DeliveryRecord.Outcome.DELIVERED);
      }
    } finally {
      second.close();
      survivor.join(30_000);
    }
    assertThat(mailWithId(messageId)).as("emails with Message-ID %s", messageId).hasSize(expectedEmails);
  }
}
