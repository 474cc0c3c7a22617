package io.telejobs.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.Alert;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.matcher.MatcherConfig;
import io.telejobs.matcher.MatcherService;
import io.telejobs.notifier.NotifierConfig;
import io.telejobs.notifier.NotifierService;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;

/**
 * End-to-end latency: postings are published to {@code jobs.postings.v1} at a steady rate (default 50 a
 * second for 120 s; a tenth of them fit three instant-alert subscribers) through the real matcher and
 * notifier, on an embedded broker, to a real SMTP server (GreenMail). For every subscriber × fitting job
 * it measures the time from handing the posting to the producer to the SMTP server holding the email,
 * and what each stage adds: publish → matched job visible (read_committed), → alert visible, → email
 * accepted. The baseline in the same run is the broker alone: publish → the posting visible to a
 * read_committed consumer of {@code jobs.postings.v1}.
 *
 * <p>Last line: {@code RESULT e2e-latency p50_ms=… p99_ms=… max_ms=… broker_p50_ms=… ratio=…} (ratio:
 * end-to-end p50 over the broker's p50).
 */
public final class E2eLatency {
  private static final Pattern EMPLOYER = Pattern.compile("E2E Employer (\\d+)");
  private static final int SUBSCRIBERS = 3;

  private E2eLatency() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 120;
    int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    Path state = Bench.stateDir("e2e");
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Properties client = broker.clientProperties();
      TopicAdmin.ensure(client, Topics.all(), 3, (short) 1);
      Map<String, String> env = NotifierCurrent.notifierEnv(broker, smtp);
      env.put("APP_MAX_EMAILS_PER_HOUR", "1000000"); // every fitting job is an instant email
      Map<String, String> matcherEnv = app(env, "telejobs-matcher", state);
      Map<String, String> notifierEnv = app(env, "telejobs-notifier", state);
      try (MatcherService matcher = new MatcherService(MatcherConfig.fromEnv(matcherEnv), matcherEnv);
          NotifierService notifier = new NotifierService(NotifierConfig.fromEnv(notifierEnv), notifierEnv)) {
        matcher.start();
        notifier.start();
        awaitRunning(matcher::state, notifier::state);
        if (!notifier.worker().awaitReady(Duration.ofSeconds(60))) {
          throw new IllegalStateException("the delivery worker was not ready in 60 s");
        }
        String api = "http://127.0.0.1:" + env.get("APP_HTTP_PORT");
        for (int k = 0; k < SUBSCRIBERS; k++) {
          String id = NotifierCurrent.subscribe(api, "{\"email\":\"e2e-" + k + "@example.com\",\"tiers\":[\"core\"],"
              + "\"countries\":[\"US\"]}");
          NotifierCurrent.confirm(api, id);
        }
        NotifierCurrent.awaitMail(smtp, SUBSCRIBERS, Duration.ofSeconds(60)); // the confirmation emails

        Map<Integer, Long> published = new ConcurrentHashMap<>();
        Map<Integer, Long> visible = new ConcurrentHashMap<>();
        Map<Integer, Long> matched = new ConcurrentHashMap<>();
        Map<String, Long> alerted = new ConcurrentHashMap<>();
        Map<String, Long> mailed = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> watchers = List.of(
            watch(client, Topics.POSTINGS.name(), Topics.POSTINGS.valueSerde().deserializer(), running,
                (JobPosting p, Long at) -> number(p.company(), n -> visible.putIfAbsent(n, at))),
            watch(client, Topics.MATCHED.name(), Topics.MATCHED.valueSerde().deserializer(), running,
                (MatchedJob j, Long at) -> number(j.company(), n -> matched.putIfAbsent(n, at))),
            watch(client, Topics.ALERTS.name(), Topics.ALERTS.valueSerde().deserializer(), running,
                (Alert a, Long at) -> number(a.job().company(), n -> alerted.putIfAbsent(a.subscription().email() + " " + n, at))),
            started("e2e-mailbox", () -> pollMailbox(smtp, running, mailed)));
        TimeUnit.SECONDS.sleep(2); // the watchers have their partitions

        int total = seconds * rate;
        int fitting = 0;
        Properties p = io.telejobs.contracts.PostingPartitioner.writer(client);
        p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        System.out.printf(Locale.ROOT, "publishing %d postings at %d a second (a tenth fit %d subscribers)%n", total, rate,
            SUBSCRIBERS);
        try (KafkaProducer<String, JobPosting> producer = new KafkaProducer<>(p, Serdes.String().serializer(),
            Topics.POSTINGS.valueSerde().serializer())) {
          long t0 = System.nanoTime();
          for (int i = 0; i < total; i++) {
            long due = t0 + (long) i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
              LockSupport.parkNanos(wait);
            }
            boolean fits = i % 10 == 0;
            fitting += fits ? 1 : 0;
            JobPosting posting = posting(i, fits);
            published.put(i, System.nanoTime());
            producer.send(new ProducerRecord<>(Topics.POSTINGS.name(), posting.id(), posting));
          }
        }
        int expected = fitting * SUBSCRIBERS;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (mailed.size() < expected && System.nanoTime() < deadline) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
        running.set(false);
        for (Thread t : watchers) {
          t.join(10_000);
        }

        List<Double> e2e = new ArrayList<>();
        List<Double> toMatched = new ArrayList<>();
        List<Double> toAlert = new ArrayList<>();
        List<Double> toMail = new ArrayList<>();
        List<Double> brokerHop = new ArrayList<>();
        published.forEach((n, at) -> {
          if (visible.containsKey(n)) {
            brokerHop.add(ms(visible.get(n) - at));
          }
        });
        for (int i = 0; i < total; i += 10) {
          Long pub = published.get(i);
          Long m = matched.get(i);
          if (m != null) {
            toMatched.add(ms(m - pub));
          }
          for (int k = 0; k < SUBSCRIBERS; k++) {
            String key = "e2e-" + k + "@example.com " + i;
            Long a = alerted.get(key);
            Long mail = mailed.get(key);
            if (mail != null) {
              e2e.add(ms(mail - pub));
            }
            if (a != null && m != null) {
              toAlert.add(ms(a - m));
            }
            if (a != null && mail != null) {
              toMail.add(ms(mail - a));
            }
          }
        }
        System.out.printf(Locale.ROOT, "emails: %d of %d expected; matched jobs seen: %d of %d; alerts seen: %d%n",
            e2e.size(), expected, toMatched.size(), fitting, alerted.size());
        Map<String, Integer> perRecipient = new java.util.TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
          for (jakarta.mail.Address a : m.getAllRecipients()) {
            perRecipient.merge(a.toString(), 1, Integer::sum);
          }
        }
        System.out.println("emails per recipient (confirmations included): " + perRecipient);
        System.out.printf(Locale.ROOT, "stage p50/p99 ms: broker hop %s, publish→matched %s, matched→alert %s, "
            + "alert→SMTP %s%n", pair(brokerHop), pair(toMatched), pair(toAlert), pair(toMail));
        if (e2e.size() < expected) {
          System.out.println("missing emails: the figures below cover only those that arrived");
        }
        double p50 = pct(e2e, 50);
        double brokerP50 = pct(brokerHop, 50);
        System.out.printf(Locale.ROOT, "RESULT e2e-latency p50_ms=%.0f p99_ms=%.0f max_ms=%.0f broker_p50_ms=%.1f ratio=%.1f%n",
            p50, pct(e2e, 99), pct(e2e, 100), brokerP50, p50 / Math.max(brokerP50, 0.1));
      }
    } finally {
      smtp.stop();
    }
  }

  private static Map<String, String> app(Map<String, String> env, String id, Path state) {
    Map<String, String> m = new HashMap<>(env);
    m.put("KAFKA_APPLICATION_ID", id);
    m.put("KAFKA_STATE_DIR", state.resolve(id).toString());
    String extra = System.getProperty("bench.env", "");
    for (String kv : extra.split(",")) {
      if (kv.contains("=")) {
        m.put(kv.substring(0, kv.indexOf('=')).strip(), kv.substring(kv.indexOf('=') + 1).strip());
      }
    }
    return m;
  }

  /** A posting: a tenth are "Senior Telehealth Project Manager" in the US, the rest fit no one. */
  static JobPosting posting(int i, boolean fits) {
    String title = fits ? "Senior Telehealth Project Manager" : (i % 3 == 0 ? "Software Engineer" : "Warehouse Operations Manager");
    String text = fits
        ? "Lead the roll-out of our telehealth platform across 20 clinics. Epic experience, PMP preferred."
        : "Join our team. Competitive benefits.";
    return new JobPosting(JobPosting.SCHEMA_VERSION, "e2e:" + i, "e2e", Integer.toString(i), title, "E2E Employer " + i,
        List.of("Columbus, OH, US"), List.of("US"), WorkMode.REMOTE, null, List.of("FULL_TIME"), null, text, null, null,
        "https://careers.example.org/jobs/" + i, "https://careers.example.org/jobs/" + i,
        "https://careers.example.org/jobs/" + i, Instant.now(), Integer.toHexString(i));
  }

  private static <V> Thread watch(Properties client, String topic, Deserializer<V> values, AtomicBoolean running,
      BiConsumer<V, Long> seen) {
    Properties c = new Properties();
    c.putAll(client);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return started("e2e-watch-" + topic, () -> {
      try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(c, Serdes.String().deserializer(), values)) {
        List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
            .map(pi -> new TopicPartition(topic, pi.partition())).toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        parts.forEach(consumer::position);
        while (running.get()) {
          for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(20))) {
            if (r.value() != null) {
              seen.accept(r.value(), System.nanoTime());
            }
          }
        }
      }
    });
  }

  private static Thread started(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Records when each email is first seen. GreenMail lists messages grouped by mailbox, so a new message
   * can appear before older ones: every poll looks at all of them and remembers which it has seen.
   */
  private static void pollMailbox(GreenMail smtp, AtomicBoolean running, Map<String, Long> mailed) {
    java.util.Set<MimeMessage> done = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    int count = 0;
    while (running.get()) {
      MimeMessage[] all = smtp.getReceivedMessages();
      long now = System.nanoTime();
      if (all.length != count) {
        count = all.length;
        for (MimeMessage message : all) {
          if (!done.add(message)) {
            continue;
          }
          try {
            Matcher m = EMPLOYER.matcher(String.valueOf(message.getSubject()));
            if (m.find()) {
              mailed.putIfAbsent(message.getRecipients(Message.RecipientType.TO)[0].toString() + " " + m.group(1), now);
            }
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      LockSupport.parkNanos(2_000_000);
    }
  }

  private static void number(String company, java.util.function.IntConsumer then) {
    Matcher m = EMPLOYER.matcher(company == null ? "" : company);
    if (m.find()) {
      then.accept(Integer.parseInt(m.group(1)));
    }
  }

  private static void awaitRunning(java.util.function.Supplier<KafkaStreams.State> a,
      java.util.function.Supplier<KafkaStreams.State> b) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (a.get() != KafkaStreams.State.RUNNING || b.get() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("matcher " + a.get() + ", notifier " + b.get() + " after 120 s");
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String pair(List<Double> values) {
    return String.format(Locale.ROOT, "%.0f/%.0f", pct(values, 50), pct(values, 99));
  }

  /** The p-th percentile (nearest rank); 100 is the maximum. */
  static double pct(List<Double> values, double p) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
