package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.delivery.SmtpEmailSender;
import io.telejobs.testkit.ConsumerLag;
import io.telejobs.testkit.KafkaFixture;
import io.telejobs.testkit.MovableClock;
import io.telejobs.testkit.TopicReader;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A daily digest at the subscriber's local hour, driven by an injected clock, on a real broker and SMTP. */
class DigestIT {
  @TempDir
  Path state;

  @Test
  void dailyDigestGroupsTheDaysJobsAtTheLocalHourAndLeavesOutClosedOnes() throws Exception {
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
      GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      Map<String, String> env = new HashMap<>();
      env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
      env.put("KAFKA_STATE_DIR", state.toString());
      env.put("APP_SMTP_HOST", "127.0.0.1");
      env.put("APP_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
      env.put("APP_TOKEN_SECRET", "digest-test-secret-0123456789abcdefgh");
      env.put("APP_HTTP_PORT", "0");
      NotifierConfig config = NotifierConfig.fromEnv(env);
      MovableClock clock = new MovableClock(Instant.parse("2026-11-25T02:00:00Z")); // 07:30 in Kolkata
      Subscription daily = new Subscription(1, "daily-1", "priya@example.in", null, Criteria.any(), Frequency.DAILY,
          SubscriptionStatus.ACTIVE, Fixtures.AT, null, "Asia/Kolkata", 9);
      try (KafkaProducer<String, Subscription> subs = new KafkaProducer<>(kafka.clientProperties(),
          Serdes.String().serializer(), Topics.SUBSCRIPTIONS.valueSerde().serializer())) {
        subs.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), daily.id(), daily)).get();
      }
      try (NotifierService notifier = new NotifierService(config, env, new SmtpEmailSender(config.smtp()), clock);
          TopicReader<String, DeliveryRecord> log = new TopicReader<>(kafka.clientProperties(), Topics.DELIVERIES.name(),
              Serdes.String(), Topics.DELIVERIES.valueSerde())) {
        notifier.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (notifier.state() != KafkaStreams.State.RUNNING || !notifier.worker().awaitReady(Duration.ofMillis(100))) {
          assertThat(System.nanoTime()).isLessThan(deadline);
        }
        try (KafkaProducer<String, MatchedJob> p = new KafkaProducer<>(kafka.clientProperties(),
            Serdes.String().serializer(), Topics.MATCHED.valueSerde().serializer())) {
          for (String id : new String[] {"d-open-1", "d-open-2", "d-closes"}) {
            p.send(new ProducerRecord<>(Topics.MATCHED.name(), id, Fixtures.telehealthJob(id))).get();
          }
          ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier", Topics.MATCHED.name(), Duration.ofSeconds(60));
          ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier-delivery", Topics.ALERTS.name(),
              Duration.ofSeconds(60));
          p.send(new ProducerRecord<>(Topics.MATCHED.name(), "d-closes", null)).get(); // closes before 09:00
        }
        assertThat(smtp.getReceivedMessages()).as("nothing before the digest hour").isEmpty();

        clock.set(Instant.parse("2026-11-25T03:45:00Z")); // 09:15 in Kolkata
        assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
        var outcomes = log.pollUntil(rs -> rs.size() >= 3, Duration.ofSeconds(30));
        assertThat(outcomes).extracting(r -> r.value().jobId() + "=" + r.value().outcome()).containsExactlyInAnyOrder(
            "d-open-1=DELIVERED", "d-open-2=DELIVERED", "d-closes=CANCELLED");
        MimeMessage digest = smtp.getReceivedMessages()[0];
        assertThat(digest.getSubject()).isEqualTo("Your telehealth job digest: 2 job(s)");
        String body = textOf(digest);
        assertThat(body).contains("== Telehealth project and program management · senior level ==")
            .contains("Senior Telehealth Project Manager at Riverside Health - $120–140k a year")
            .contains("Manage this alert: ");
        assertThat(smtp.getReceivedMessages()).hasSize(1);
      } finally {
        smtp.stop();
      }
    }
  }

  /** The decoded text part of a multipart email. */
  private static String textOf(MimeMessage mail) throws Exception {
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) mail.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      jakarta.mail.BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.getContent() instanceof jakarta.mail.Multipart nested) {
        for (int k = 0; k < nested.getCount(); k++) {
          if (nested.getBodyPart(k).isMimeType("text/plain")) {
            return (String) nested.getBodyPart(k).getContent();
          }
        }
      }
    }
    throw new AssertionError("no text part");
  }
}
