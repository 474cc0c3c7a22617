package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.testkit.ConsumerLag;
import io.telejobs.testkit.TopicReader;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is stopped while postings flow and started again on the same data and port. The matcher,
 * the notifier and its delivery worker recover on their own: every fitting posting is matched once, and
 * every subscriber × job gets exactly one email.
 */
class BrokerRestartIT {
  private static final Pattern EMPLOYER = Pattern.compile("Restart Employer (\\d+)");
  private static final int POSTINGS = 80;
  private static final List<String> SUBSCRIBERS = List.of("ana@example.com", "ben@example.com", "chitra@example.com");

  @TempDir
  Path dir;

  @Test
  void theWholePipelineRidesOutABrokerRestart() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path data = dir.resolve("kafka");
    EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(data, false, Map.of(), port);
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("SAMPLE_SITE_URL", "http://127.0.0.1:9");
    env.put("APP_SOURCES_FILE", "classpath:sources/demo.json");
    env.put("APP_SMTP_HOST", "127.0.0.1");
    env.put("APP_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("APP_TOKEN_SECRET", "integration-test-secret-0123456789abcdef");
    env.put("KAFKA_STATE_DIR", dir.resolve("state").toString());
    env.put("APP_HTTP_PORT", "0");
    env.put("APP_MAX_EMAILS_PER_HOUR", "1000");
    env.put("APP_DELIVERY_BACKOFF", "PT1S");
    LocalPipeline pipeline = new LocalPipeline(env);
    try {
      pipeline.start();
      pipeline.subscribe(SUBSCRIBERS.stream().map(BrokerRestartIT::subscription).toList());
      Properties client = broker.clientProperties();
      Properties p = new Properties();
      p.putAll(client);
      p.put(ProducerConfig.ACKS_CONFIG, "all");
      p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
      int fitting = 0;
      try (KafkaProducer<String, JobPosting> producer = new KafkaProducer<>(p, Serdes.String().serializer(),
          Topics.POSTINGS.valueSerde().serializer())) {
        for (int i = 0; i < POSTINGS; i++) {
          boolean fits = i % 4 == 0;
          fitting += fits ? 1 : 0;
          JobPosting posting = posting(i, fits);
          producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), posting.id(), posting));
          if (i == POSTINGS / 2) {
            producer.flush();
            awaitEmails(smtp, 3, Duration.ofMinutes(2)); // mid-stream: alerts are flowing
            broker.close();
            Thread.sleep(3_000); // the outage itself
            broker = EmbeddedKafkaBroker.start(data, false, Map.of(), port);
          }
        }
        producer.flush();
      }
      int expected = fitting * SUBSCRIBERS.size();
      awaitEmails(smtp, expected, Duration.ofMinutes(3));
      ConsumerLag.awaitCaughtUp(client, "telejobs-notifier-delivery", Topics.ALERTS.name(), Duration.ofMinutes(2));

      Map<String, Integer> perPair = new TreeMap<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        Matcher e = EMPLOYER.matcher(String.valueOf(m.getSubject()));
        if (e.find()) {
          perPair.merge(m.getRecipients(Message.RecipientType.TO)[0] + " " + e.group(1), 1, Integer::sum);
        }
      }
      assertThat(perPair).as("every subscriber × fitting job").hasSize(expected);
      assertThat(perPair.values()).as("no email twice").containsOnly(1);
      try (TopicReader<String, MatchedJob> matched = new TopicReader<>(client, Topics.MATCHED.name(),
          Topics.MATCHED.keySerde(), Topics.MATCHED.valueSerde())) {
        List<ConsumerRecord<String, MatchedJob>> all = matched.drainFor(Duration.ofSeconds(2));
        Map<String, Long> perJob = new TreeMap<>();
        all.stream().filter(r -> r.value() != null && r.value().company().startsWith("Restart Employer"))
            .forEach(r -> perJob.merge(r.value().company(), 1L, Long::sum));
        assertThat(perJob).as("every fitting posting matched").hasSize(fitting);
        assertThat(perJob.values()).as("matched once (read_committed)").containsOnly(1L);
      }
    } finally {
      pipeline.close();
      smtp.stop();
      broker.close();
    }
  }

  private static void awaitEmails(GreenMail smtp, int count, Duration timeout) {
    Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200))
        .until(() -> countAlertEmails(smtp) >= count);
  }

  private static int countAlertEmails(GreenMail smtp) throws Exception {
    int n = 0;
    for (MimeMessage m : smtp.getReceivedMessages()) {
      n += EMPLOYER.matcher(String.valueOf(m.getSubject())).find() ? 1 : 0;
    }
    return n;
  }

  private static Subscription subscription(String email) {
    return new Subscription(Subscription.SCHEMA_VERSION, email.substring(0, email.indexOf('@')), email, null,
        new Criteria(Set.of(Tier.CORE), null, Set.of("US"), null, null, null, null, null, null), Frequency.INSTANT,
        SubscriptionStatus.ACTIVE, Instant.parse("2026-11-25T00:00:00Z"), null, null, null);
  }

  private static JobPosting posting(int i, boolean fits) {
    String title = fits ? "Senior Telehealth Project Manager" : "Warehouse Operations Manager";
    return new JobPosting(JobPosting.SCHEMA_VERSION, "restart:" + i, "restart", Integer.toString(i), title,
        "Restart Employer " + i, List.of("Columbus, OH, US"), List.of("US"), WorkMode.REMOTE, null, List.of("FULL_TIME"),
        null, fits ? "Lead the roll-out of our telehealth platform across 20 clinics." : "Run the warehouse floor.", null,
        null, "https://careers.example.org/jobs/" + i, "https://careers.example.org/jobs/" + i,
        "https://careers.example.org/jobs/" + i, Instant.now(), Integer.toHexString(i));
  }
}
