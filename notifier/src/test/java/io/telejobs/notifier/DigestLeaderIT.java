package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.Alert;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.delivery.DeliveryWorker;
import io.telejobs.notifier.delivery.EmailRenderer;
import io.telejobs.notifier.delivery.SmtpEmailSender;
import io.telejobs.notifier.delivery.SmtpSettings;
import io.telejobs.notifier.digest.DigestScheduler;
import io.telejobs.notifier.security.TokenSigner;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** Two notifier instances both run a digest scheduler: exactly one sends, and the other takes over. */
class DigestLeaderIT {
  private static final Instant DECIDED = Instant.parse("2026-11-25T02:00:00Z");

  private static Alert queued(String subscriptionId, String jobId) {
    Subscription s = new Subscription(Subscription.SCHEMA_VERSION, subscriptionId, subscriptionId + "@example.org",
        null, Criteria.any(), Frequency.DAILY, SubscriptionStatus.ACTIVE, Fixtures.AT, null, "UTC", 9);
    return new Alert(Alert.SCHEMA_VERSION, Alert.idFor(subscriptionId, jobId), s, Fixtures.telehealthJob(jobId), java.util.List.of(), DECIDED);
  }

  private static void enqueue(KafkaProducer<byte[], byte[]> p, Alert a) throws Exception {
    p.send(new ProducerRecord<>(Topics.DIGESTS.name(), a.alertId().getBytes(StandardCharsets.UTF_8),
        Topics.DIGESTS.valueSerde().serializer().serialize(Topics.DIGESTS.name(), a))).get();
  }

  @Test
  void onlyTheElectedSchedulerSendsAndAnotherTakesOverWhenItStops() throws Exception {
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
      GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      io.telejobs.testkit.MovableClock clock = new io.telejobs.testkit.MovableClock(Instant.parse("2026-11-25T08:00:00Z"));
      SmtpSettings settings = new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "none", "", "",
          "telejobs alerts <alerts@localhost>", Duration.ofSeconds(10));
      EmailRenderer renderer = new EmailRenderer("http://localhost:8080",
          new TokenSigner("leader-test-secret-0123456789abcdefgh".getBytes(StandardCharsets.UTF_8)));
      DigestScheduler a = new DigestScheduler(kafka.clientProperties(), new SmtpEmailSender(settings), renderer, clock,
          DeliveryWorker.CurrentSubscriptions.NONE, "leader-test");
      DigestScheduler b = new DigestScheduler(kafka.clientProperties(), new SmtpEmailSender(settings), renderer, clock,
          DeliveryWorker.CurrentSubscriptions.NONE, "leader-test");
      try (KafkaProducer<byte[], byte[]> p = new KafkaProducer<>(kafka.clientProperties(), new ByteArraySerializer(),
              new ByteArraySerializer());
          TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(),
              Topics.DELIVERIES.name(), Serdes.String(), Topics.DELIVERIES.valueSerde())) {
        new Thread(a, "digests-a").start();
        new Thread(b, "digests-b").start();
        // both have joined the group (3 partitions between 2 members), and exactly one holds partition 0
        await().atMost(Duration.ofSeconds(60)).until(() -> a.electionPartitions() > 0 && b.electionPartitions() > 0
            && a.electionPartitions() + b.electionPartitions() == 3 && (a.isLeader() ^ b.isLeader()));
        DigestScheduler leader = a.isLeader() ? a : b;
        DigestScheduler follower = leader == a ? b : a;

        enqueue(p, queued("sub-1", "job-1"));
        clock.set(Instant.parse("2026-11-25T09:30:00Z")); // past the 09:00 digest hour
        assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> leader.digestsSent.get() == 1);
        List<ConsumerRecord<String, DeliveryRecord>> first = log.pollUntil(rs -> rs.size() >= 1, Duration.ofSeconds(30));
        // both schedulers see the due item; give the follower several rounds to (wrongly) send it too
        List<ConsumerRecord<String, DeliveryRecord>> afterQuiet = log.drainFor(Duration.ofSeconds(3));
        assertThat(afterQuiet).hasSameSizeAs(first);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
        assertThat(follower.digestsSent.get()).isZero();

        leader.close(); // leaves the group; the other instance is elected
        await().atMost(Duration.ofSeconds(60)).until(follower::isLeader);
        enqueue(p, queued("sub-2", "job-2"));
        assertThat(smtp.waitForIncomingEmail(30_000, 2)).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> follower.digestsSent.get() == 1);
        assertThat(leader.digestsSent.get()).as("the stopped scheduler sent nothing more").isEqualTo(1);
        assertThat(log.pollUntil(rs -> rs.size() >= 2, Duration.ofSeconds(30)))
            .extracting(r -> r.value().subscriptionId() + "=" + r.value().outcome())
            .containsExactly("sub-1=DELIVERED", "sub-2=DELIVERED");
      } finally {
        a.close();
        b.close();
        smtp.stop();
      }
    }
  }
}
