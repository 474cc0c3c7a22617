package io.telejobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.matcher.MatcherService;
import io.telejobs.notifier.NotifierConfig;
import io.telejobs.notifier.NotifierService;
import jakarta.mail.Message;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two matchers and two notifiers on 6-partition topics while postings flow; one of each runs in its own
 * JVM and is killed (SIGKILL: no close, no commit, no leaving the group) mid-stream. The survivors take
 * over its partitions: every fitting posting is matched once (read_committed), every subscriber × job
 * gets its email, and an email sent twice is only ever the documented window — the same alert, with
 * the same Message-ID.
 */
class ScaleOutIT {
  private static final int POSTINGS = 120;
  private final AlertFlow flow = new AlertFlow("Scale");

  @TempDir
  Path dir;

  @Test
  void killingOneMatcherAndOneNotifierMidStreamLosesNothing() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    List<Process> children = new ArrayList<>();
    MatcherService matcher = null;
    NotifierService notifier = null;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Properties client = broker.clientProperties();
      TopicAdmin.ensure(client, Topics.all(), 6, (short) 1);
      Map<String, String> env = new HashMap<>();
      env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
      env.put("APP_TOPIC_PARTITIONS", "6");
      env.put("KAFKA_SESSION_TIMEOUT_MS", "6000"); // the killed members are noticed in seconds
      env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
      env.put("APP_SMTP_HOST", "127.0.0.1");
      env.put("APP_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
      env.put("APP_TOKEN_SECRET", "integration-test-secret-0123456789abcdef");
      env.put("APP_HTTP_PORT", "0");
      env.put("APP_METRICS_PORT", "off");
      env.put("APP_MAX_EMAILS_PER_HOUR", "1000");
      env.put("APP_DELIVERY_BACKOFF", "PT1S");
      children.add(child("io.telejobs.matcher.MatcherApp", withState(env, "matcher-b")));
      children.add(child("io.telejobs.notifier.NotifierApp", withState(env, "notifier-b")));
      Map<String, String> a = withState(env, "a");
      matcher = new MatcherService(MatcherConfig.fromEnv(a), a);
      notifier = new NotifierService(NotifierConfig.fromEnv(a), a);
      matcher.start();
      notifier.start();
      try (Admin admin = Admin.create(client)) {
        for (String group : List.of("telejobs-matcher", "telejobs-notifier", "telejobs-notifier-delivery")) {
          Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250))
              .until(() -> admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().size() == 2);
        }
      }
      AlertFlow.subscribe(client);
      NotifierService running = notifier;
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(
          () -> running.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);

      int fitting = 0;
      try (KafkaProducer<String, JobPosting> producer = AlertFlow.producer(client)) {
        for (int i = 0; i < POSTINGS; i++) {
          fitting += AlertFlow.fits(i) ? 1 : 0;
          JobPosting posting = flow.posting(i);
          producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), posting.id(), posting));
          if (i == POSTINGS / 2) {
            producer.flush();
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> flow.emailCount(smtp) >= 6);
            for (Process child : children) {
              child.destroyForcibly().waitFor(); // SIGKILL
            }
          }
        }
      }
      int expected = fitting * AlertFlow.SUBSCRIBERS.size();
      Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
          .until(() -> flow.emails(smtp).size() >= expected);

      Map<String, List<String>> emails = flow.emails(smtp);
      assertThat(emails).as("every subscriber × fitting job").hasSize(expected);
      assertThat(emails.values()).as("an email sent twice is the same alert (same Message-ID)")
          .allSatisfy(ids -> assertThat(AlertFlow.distinct(ids)).hasSize(1));
      System.out.printf("scale-out: %d emails for %d subscriber × job pairs (%d sent twice in the documented window)%n",
          emails.values().stream().mapToInt(List::size).sum(), expected,
          emails.values().stream().filter(ids -> ids.size() > 1).count());
      Map<String, Long> perJob = flow.matchedPerJob(client);
      assertThat(perJob).as("every fitting posting matched").hasSize(fitting);
      assertThat(perJob.values()).as("matched once (read_committed)").containsOnly(1L);
    } finally {
      children.forEach(Process::destroyForcibly);
      if (notifier != null) {
        notifier.close();
      }
      if (matcher != null) {
        matcher.close();
      }
      smtp.stop();
    }
  }

  private Map<String, String> withState(Map<String, String> env, String name) {
    Map<String, String> m = new HashMap<>(env);
    m.put("KAFKA_STATE_DIR", dir.resolve(name).toString());
    return m;
  }

  /** A service in a JVM of its own, with this test's classpath, so that it can be killed outright. */
  private Process child(String mainClass, Map<String, String> env) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass);
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve(mainClass.substring(mainClass.lastIndexOf('.') + 1) + ".log").toFile());
    return pb.start();
  }
}
