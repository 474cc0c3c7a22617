package io.telejobs.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.ConsumerLag;
import io.telejobs.testkit.KafkaFixture;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two notifier instances share the partitions: every subscriber gets every job exactly once. */
class TwoInstancesIT {
  @TempDir
  Path state;

  private NotifierService instance(KafkaFixture kafka, GreenMail smtp, String name) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_STATE_DIR", state.resolve(name).toString());
    env.put("APP_SMTP_HOST", "127.0.0.1");
    env.put("APP_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("APP_TOKEN_SECRET", "two-instances-secret-0123456789abcdef");
    env.put("APP_HTTP_PORT", "0");
    env.put("APP_MAX_EMAILS_PER_HOUR", "1000"); // every alert instantly: this test counts emails
    NotifierService s = new NotifierService(NotifierConfig.fromEnv(env), env);
    s.start();
    return s;
  }

  @Test
  void eachSubscriberGetsEachJobOnce() throws Exception {
    int subscribers = 12;
    int jobs = 25;
    try (KafkaFixture kafka = KafkaFixture.fresh()) {
      TopicAdmin.ensure(kafka.clientProperties(), Topics.all(), 3, (short) 1);
      GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      smtp.start();
      try (KafkaProducer<String, Subscription> subs = new KafkaProducer<>(kafka.clientProperties(),
          Serdes.String().serializer(), Topics.SUBSCRIPTIONS.valueSerde().serializer())) {
        for (int i = 0; i < subscribers; i++) {
          subs.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), "s" + i,
              Fixtures.subscription("s" + i, "s" + i + "@example.com", Criteria.any()))).get();
        }
      }
      try (NotifierService a = instance(kafka, smtp, "a"); NotifierService b = instance(kafka, smtp, "b")) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (a.state() != KafkaStreams.State.RUNNING || b.state() != KafkaStreams.State.RUNNING
            || !a.worker().awaitReady(Duration.ofMillis(100)) || !b.worker().awaitReady(Duration.ofMillis(100))) {
          assertThat(System.nanoTime()).as("both instances running").isLessThan(deadline);
        }
        try (KafkaProducer<String, MatchedJob> p = new KafkaProducer<>(kafka.clientProperties(),
            Serdes.String().serializer(), Topics.MATCHED.valueSerde().serializer())) {
          for (int j = 0; j < jobs; j++) {
            MatchedJob job = Fixtures.telehealthJob("j" + j);
            p.send(new ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), job)).get();
            p.send(new ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), job)).get(); // the same job again
          }
        }
        ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier", Topics.MATCHED.name(), Duration.ofSeconds(90));
        ConsumerLag.awaitCaughtUp(kafka.clientProperties(), "telejobs-notifier-delivery", Topics.ALERTS.name(),
            Duration.ofSeconds(90));
        assertThat(a.counters().sent.get()).as("instance a delivered some").isPositive();
        assertThat(b.counters().sent.get()).as("instance b delivered some").isPositive();
      } finally {
        MimeMessage[] all = smtp.getReceivedMessages();
        smtp.stop();
        Map<String, Long> perMessageId = Arrays.stream(all).map(m -> {
          try {
            return m.getMessageID();
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        }).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(perMessageId).hasSize(subscribers * jobs);
        assertThat(perMessageId.values()).allMatch(n -> n == 1L);
      }
    }
  }
}
