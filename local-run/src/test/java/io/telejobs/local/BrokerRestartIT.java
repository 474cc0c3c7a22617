package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Topics;
import io.telejobs.testkit.ConsumerLag;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker is stopped while postings flow (after alerts have started to go out) and started again
 * at once on the same data and port. The matcher,
 * the notifier and its delivery worker recover on their own: every fitting posting is matched once, and
 * every subscriber × job gets exactly one email.
 */
class BrokerRestartIT {
  private static final int POSTINGS = 80;
  private final AlertFlow flow = new AlertFlow("Restart");

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
      Properties client = broker.clientProperties();
      AlertFlow.subscribe(client);
      int fitting = 0;
      try (KafkaProducer<String, JobPosting> producer = AlertFlow.producer(client)) {
        for (int i = 0; i < POSTINGS; i++) {
          fitting += AlertFlow.fits(i) ? 1 : 0;
          JobPosting posting = flow.posting(i);
          producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), posting.id(), posting));
          if (i == POSTINGS / 2) {
            producer.flush();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> flow.emailCount(smtp) >= 3); // alerts flow
            broker.close(); // every client loses its connections and in-flight transactions
            broker = EmbeddedKafkaBroker.start(data, false, Map.of(), port); // the same data, the same port
          }
        }
        producer.flush();
      }
      int expected = fitting * AlertFlow.SUBSCRIBERS.size();
      Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
          .until(() -> flow.emails(smtp).size() >= expected);
      ConsumerLag.awaitCaughtUp(client, "telejobs-notifier-delivery", Topics.ALERTS.name(), Duration.ofMinutes(2));

      Map<String, List<String>> emails = flow.emails(smtp);
      assertThat(emails).as("every subscriber × fitting job").hasSize(expected);
      assertThat(emails.values()).as("no email twice").allSatisfy(ids -> assertThat(ids).hasSize(1));
      Map<String, Long> perJob = flow.matchedPerJob(client);
      assertThat(perJob).as("every fitting posting matched").hasSize(fitting);
      assertThat(perJob.values()).as("matched once (read_committed)").containsOnly(1L);
    } finally {
      pipeline.close();
      smtp.stop();
      broker.close();
    }
  }
}
