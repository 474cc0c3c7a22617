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
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.matcher.MatcherService;
import io.telejobs.notifier.NotifierConfig;
import io.telejobs.notifier.NotifierService;
import io.telejobs.testkit.TopicReader;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
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
  private static final Pattern EMPLOYER = Pattern.compile("Scale Employer (\\d+)");
  private static final int POSTINGS = 120;
  private static final List<String> SUBSCRIBERS = List.of("ana@example.com", "ben@example.com", "chitra@example.com");

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
      publishSubscriptions(client);
      NotifierService running = notifier;
      Awaitility.await().atMost(Duration.ofSeconds(60)).until(
          () -> running.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING);

      Properties p = new Properties();
      p.putAll(client);
      p.put(ProducerConfig.ACKS_CONFIG, "all");
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
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> alertEmails(smtp).size() >= 6);
            for (Process child : children) {
              child.destroyForcibly().waitFor(); // SIGKILL
            }
          }
        }
      }
      int expected = fitting * SUBSCRIBERS.size();
      Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250))
          .until(() -> pairs(smtp).size() >= expected);

      Map<String, Set<String>> idsPerPair = new TreeMap<>();
      Map<String, Integer> countPerPair = new TreeMap<>();
      for (MimeMessage m : alertEmails(smtp)) {
        Matcher e = EMPLOYER.matcher(m.getSubject());
        e.find();
        String pair = m.getRecipients(Message.RecipientType.TO)[0] + " " + e.group(1);
        idsPerPair.computeIfAbsent(pair, k -> new HashSet<>()).add(m.getMessageID());
        countPerPair.merge(pair, 1, Integer::sum);
      }
      assertThat(idsPerPair).as("every subscriber × fitting job").hasSize(expected);
      assertThat(idsPerPair.values()).as("an email sent twice is the same alert (same Message-ID)")
          .allSatisfy(ids -> assertThat(ids).hasSize(1));
      System.out.printf("scale-out: %d emails for %d subscriber × job pairs (%d sent twice in the documented window)%n",
          countPerPair.values().stream().mapToInt(Integer::intValue).sum(), expected,
          countPerPair.values().stream().filter(n -> n > 1).count());
      try (TopicReader<String, MatchedJob> matched = new TopicReader<>(client, Topics.MATCHED.name(),
          Topics.MATCHED.keySerde(), Topics.MATCHED.valueSerde())) {
        Map<String, Long> perJob = new TreeMap<>();
        for (ConsumerRecord<String, MatchedJob> r : matched.drainFor(Duration.ofSeconds(2))) {
          if (r.value() != null && r.value().company().startsWith("Scale Employer")) {
            perJob.merge(r.value().company(), 1L, Long::sum);
          }
        }
        assertThat(perJob).as("every fitting posting matched").hasSize(fitting);
        assertThat(perJob.values()).as("matched once (read_committed)").containsOnly(1L);
      }
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

  private static void publishSubscriptions(Properties client) throws Exception {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    try (KafkaProducer<String, Subscription> producer = new KafkaProducer<>(p, Topics.SUBSCRIPTIONS.keySerde().serializer(),
        Topics.SUBSCRIPTIONS.valueSerde().serializer())) {
      for (String email : SUBSCRIBERS) {
        Subscription s = new Subscription(Subscription.SCHEMA_VERSION, email.substring(0, email.indexOf('@')), email, null,
            new Criteria(Set.of(Tier.CORE), null, Set.of("US"), null, null, null, null, null, null), Frequency.INSTANT,
            SubscriptionStatus.ACTIVE, Instant.parse("2026-11-25T00:00:00Z"), null, null, null);
        producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), s.id(), s)).get();
      }
    }
  }

  private static List<MimeMessage> alertEmails(GreenMail smtp) throws Exception {
    List<MimeMessage> out = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      if (EMPLOYER.matcher(String.valueOf(m.getSubject())).find()) {
        out.add(m);
      }
    }
    return out;
  }

  private static Set<String> pairs(GreenMail smtp) throws Exception {
    Set<String> out = new HashSet<>();
    for (MimeMessage m : alertEmails(smtp)) {
      Matcher e = EMPLOYER.matcher(m.getSubject());
      e.find();
      out.add(m.getRecipients(Message.RecipientType.TO)[0] + " " + e.group(1));
    }
    return out;
  }

  private static JobPosting posting(int i, boolean fits) {
    String title = fits ? "Senior Telehealth Project Manager" : "Warehouse Operations Manager";
    return new JobPosting(JobPosting.SCHEMA_VERSION, "scale:" + i, "scale", Integer.toString(i), title,
        "Scale Employer " + i, List.of("Columbus, OH, US"), List.of("US"), WorkMode.REMOTE, null, List.of("FULL_TIME"),
        null, fits ? "Lead the roll-out of our telehealth platform across 20 clinics." : "Run the warehouse floor.", null,
        null, "https://careers.example.org/jobs/" + i, "https://careers.example.org/jobs/" + i,
        "https://careers.example.org/jobs/" + i, Instant.now(), Integer.toHexString(i));
  }
}
