package io.telejobs.local;

import com.icegreen.greenmail.util.GreenMail;
import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.testkit.TopicReader;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
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

/**
 * Postings, subscribers and what reached the mailbox, for the pipeline tests under faults: a tenth
 * fit is not enough here, so every fourth posting is a US telehealth project manager job that three
 * instant subscribers want; every posting names its employer "{prefix} Employer N".
 */
final class AlertFlow {
  static final List<String> SUBSCRIBERS = List.of("ana@example.com", "ben@example.com", "chitra@example.com");

  private final String prefix;
  private final Pattern employer;

  AlertFlow(String prefix) {
    this.prefix = prefix;
    this.employer = Pattern.compile(Pattern.quote(prefix) + " Employer (\\d+)");
  }

  static boolean fits(int i) {
    return i % 4 == 0;
  }

  JobPosting posting(int i) {
    boolean fits = fits(i);
    String title = fits ? "Senior Telehealth Project Manager" : "Warehouse Operations Manager";
    return new JobPosting(JobPosting.SCHEMA_VERSION, prefix.toLowerCase() + ":" + i, prefix.toLowerCase(),
        Integer.toString(i), title, prefix + " Employer " + i, List.of("Columbus, OH, US"), List.of("US"),
        WorkMode.REMOTE, null, List.of("FULL_TIME"), null,
        fits ? "Lead the roll-out of our telehealth platform across 20 clinics." : "Run the warehouse floor.", null,
        null, "https://careers.example.org/jobs/" + i, "https://careers.example.org/jobs/" + i,
        "https://careers.example.org/jobs/" + i, Instant.now(), Integer.toHexString(i));
  }

  static KafkaProducer<String, JobPosting> producer(Properties client) {
    Properties p = io.telejobs.contracts.PostingPartitioner.writer(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000"); // rides out a broker that is away
    return new KafkaProducer<>(p, Serdes.String().serializer(), Topics.POSTINGS.valueSerde().serializer());
  }

  /** The three instant subscribers, active, on the subscriptions topic. */
  static void subscribe(Properties client) throws Exception {
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

  /** For each subscriber × job ("ana@example.com 12") the Message-IDs of the emails it got, one per email. */
  Map<String, List<String>> emails(GreenMail smtp) throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      Matcher e = employer.matcher(String.valueOf(m.getSubject()));
      if (e.find()) {
        out.computeIfAbsent(m.getRecipients(Message.RecipientType.TO)[0] + " " + e.group(1), k -> new java.util.ArrayList<>())
            .add(m.getMessageID());
      }
    }
    return out;
  }

  int emailCount(GreenMail smtp) throws Exception {
    return emails(smtp).values().stream().mapToInt(List::size).sum();
  }

  /** How often each fitting posting of this flow is on jobs.matched (read_committed). */
  Map<String, Long> matchedPerJob(Properties client) {
    Map<String, Long> perJob = new TreeMap<>();
    try (TopicReader<String, MatchedJob> matched = new TopicReader<>(client, Topics.MATCHED.name(),
        Topics.MATCHED.keySerde(), Topics.MATCHED.valueSerde())) {
      for (ConsumerRecord<String, MatchedJob> r : matched.drainFor(Duration.ofSeconds(2))) {
        if (r.value() != null && employer.matcher(r.value().company()).matches()) {
          perJob.merge(r.value().company(), 1L, Long::sum);
        }
      }
    }
    return perJob;
  }

  static Set<String> distinct(List<String> ids) {
    return new HashSet<>(ids);
  }
}
