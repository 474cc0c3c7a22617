package io.telejobs.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.DeliveryRecord;
import io.telejobs.contracts.Frequency;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Subscription;
import io.telejobs.contracts.SubscriptionStatus;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.notifier.NotifierConfig;
import io.telejobs.notifier.NotifierService;
import io.telejobs.notifier.subscriptions.JobFacts;
import io.telejobs.notifier.subscriptions.MatchIndex;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Fan-out at scale through the real notifier on an embedded broker and a GreenMail SMTP server. Publishes
 * S subscriptions of the model in {@code shared/bench/subscription-model.md} (default 1,000,000, instant
 * email alerts) to {@code subscriptions.v1}, waits until the decision app runs (every task has read them
 * and built its index), publishes a warm-up job that fits about 1% of them and waits until its alerts are decided
 * and delivered (so that the JIT has compiled both paths, as in a notifier that has been running), then publishes
 * J model jobs (default 2) that fit about a tenth of the subscribers each, and measures:
 * <ul>
 *   <li>alert decisions per second: alerts on {@code alerts.v2} (read_committed) from publishing the jobs
 *       until the last expected one; the expected count is the index's own match count for each job, built
 *       in this process from the same subscriptions, and every alert id must be distinct (exactly once);
 *   <li>deliveries per second: DELIVERED records on {@code deliveries.v1} for these jobs, over D (default
 *       20,000) after the first 20,000 (a third of the alerts at most), which run while the JIT compiles,
 *       and the CPU time of the whole process per email over the same window, with the threads that took
 *       most of it, the garbage collector's and the JIT compiler's time;
 *   <li>the SMTP ceiling: bare Angus Mail loops sending one of the notifier's own emails D times over as
 *       many kept connections as the notifier has delivery lanes, to the same server reset and sent to as
 *       many recipients as the notifier's had received before its timed window, in the same run.
 * </ul>
 * GreenMail's mailboxes are emptied as mail arrives, so the run holds no million messages.
 *
 * <p>Last line: {@code RESULT notifier-fanout subs=… jobs=… alerts=… decided_per_s=… delivered_per_s=…
 * smtp_ceiling_per_s=… ratio=… cpu_us_per_email=… ceiling_cpu_us_per_email=…} (ratio = delivered / ceiling).
 */
public final class NotifierFanout {
  /** How a DELIVERED outcome reads in a delivery record's JSON (enums are written in lower case). */
  private static final String DELIVERED_JSON =
      "\"outcome\":\"" + DeliveryRecord.Outcome.DELIVERED.name().toLowerCase(Locale.ROOT) + "\"";

  private NotifierFanout() {}

  public static void main(String[] args) throws Exception {
    int subs = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    int jobCount = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int sample = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
    Instant now = Instant.now();

    SubscriptionModel model = new SubscriptionModel();
    List<MatchIndex.Entry> entries = model.subscriptions(subs, 11);
    List<MatchedJob> jobs = new ArrayList<>();
    List<JobFacts> facts = model.jobs(jobCount, 7);
    for (int i = 0; i < jobCount; i++) {
      jobs.add(job(i, facts.get(i), now));
    }
    long expected = 0;
    MatchIndex local = MatchIndex.build(entries);
    for (MatchedJob j : jobs) {
      expected += local.match(JobFacts.of(j)).size();
    }
    // a warm-up job first, fitting about 1% of the subscribers: the timed jobs then meet a JIT-compiled decision
    // and delivery path, as a notifier that has been running does (the first burst of a fresh JVM ran at
    // about two thirds of the machine's speed while the compiler worked)
    long warmTarget = Math.max(1_000, subs / 100);
    MatchedJob warmJob = null;
    long warmCount = 0;
    List<JobFacts> candidates = model.jobs(60, 13);
    for (int i = 0; i < candidates.size(); i++) {
      long c = local.match(candidates.get(i)).size();
      if (c > 0 && (warmJob == null || Math.abs(c - warmTarget) < Math.abs(warmCount - warmTarget))) {
        warmJob = job(1_000 + i, candidates.get(i), now);
        warmCount = c;
      }
    }
    if (warmJob == null) {
      throw new IllegalStateException("none of 60 model jobs fits any of the " + subs + " subscriptions: no warm-up");
    }
    local = null;
    System.out.printf(Locale.ROOT, "%d subscriptions, %d jobs, %d alerts expected (%.0f per job); a warm-up job "
        + "fitting %d first%n", subs, jobCount, expected, expected / (double) jobCount, warmCount);

    Path state = Bench.stateDir("fanout");
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicReference<MimeMessage> oneEmail = new AtomicReference<>();
    double decidedPerS;
    double deliveredPerS;
    double deliveredCpuUs;
    // the first deliveries run while the JIT compiles the delivery path, so the rate is timed after them: a
    // third of the timed jobs' emails at most (with only 2,000 untimed, the JIT compiled through the whole
    // window, over a millisecond of compiler time an email in a 100,000-subscription run)
    int warm = (int) Math.min(20_000, expected / 3);
    int deliveredSample = (int) Math.min(sample, expected - 1 - warm);
    int lanes;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Properties client = broker.clientProperties();
      TopicAdmin.ensure(client, Topics.all(), 3, (short) 1);
      long t0 = System.nanoTime();
      publishSubscriptions(client, entries, now);
      entries = null;
      System.out.printf(Locale.ROOT, "published the subscriptions in %.1f s%n", (System.nanoTime() - t0) / 1e9);

      Map<String, String> env = NotifierCurrent.notifierEnv(broker, smtp);
      env.put("KAFKA_STATE_DIR", state.toString());
      env.put("APP_MAX_EMAILS_PER_HOUR", "1000");
      Bench.addEnv(env); // -Dbench.env="KAFKA_PRODUCER_BATCH_SIZE=1048576" tries settings
      lanes = NotifierConfig.fromEnv(env).deliveryLanes();
      Set<String> jobIds = ConcurrentHashMap.newKeySet();
      jobs.forEach(j -> jobIds.add(j.jobId()));
      Set<String> alertIds = ConcurrentHashMap.newKeySet();
      AtomicLong alerts = new AtomicLong();
      AtomicLong alertBytes = new AtomicLong();
      String warmId = warmJob.jobId();
      AtomicLong warmAlerts = new AtomicLong();
      AtomicLong warmDelivered = new AtomicLong();
      AtomicLong lastAlertNanos = new AtomicLong();
      AtomicLong delivered = new AtomicLong();
      AtomicLong firstDelivered = new AtomicLong();
      AtomicLong sampleDelivered = new AtomicLong();
      AtomicLong cpuAtFirst = new AtomicLong();
      AtomicLong cpuAtSample = new AtomicLong();
      AtomicReference<Map<String, Long>> threadsAtFirst = new AtomicReference<>();
      AtomicReference<Map<String, Long>> threadsAtSample = new AtomicReference<>();
      Thread emptier = started("fanout-mailboxes", () -> {
        while (running.get()) {
          MimeMessage[] got = smtp.getReceivedMessages();
          if (got.length > 0) {
            oneEmail.compareAndSet(null, got[got.length - 1]);
            purge(smtp);
          }
          pause(200);
        }
      });
      try (NotifierService notifier = new NotifierService(NotifierConfig.fromEnv(env), env)) {
        t0 = System.nanoTime();
        notifier.start();
        // the watcher reads only the two ids it needs: parsing every alert whole made it the slowest reader
        Thread alertWatch = watch(client, Topics.ALERTS.name(), Serdes.ByteArray().deserializer(), running,
            (byte[] a) -> {
              String[] ids = peek(a);
              if (warmId.equals(ids[1])) {
                warmAlerts.incrementAndGet();
              } else if (jobIds.contains(ids[1])) {
                alertIds.add(ids[0]);
                alerts.incrementAndGet();
                alertBytes.addAndGet(a.length);
                lastAlertNanos.set(System.nanoTime());
              }
            });
        // likewise the delivery records: parsing each whole cost the notifier a tenth of the machine's CPU
        Thread deliveryWatch = watch(client, Topics.DELIVERIES.name(), Serdes.ByteArray().deserializer(), running,
            (byte[] d) -> {
              String text = new String(d, java.nio.charset.StandardCharsets.ISO_8859_1);
              if (text.contains(DELIVERED_JSON) && warmId.equals(stringAfter(text, "\"jobId\":\"", 0))) {
                warmDelivered.incrementAndGet();
              } else if (text.contains(DELIVERED_JSON)
                  && jobIds.contains(stringAfter(text, "\"jobId\":\"", 0))) {
                long n = delivered.incrementAndGet();
                if (n == warm + 1) {
                  cpuAtFirst.set(Bench.processCpu());
                  threadsAtFirst.set(Bench.threadCpu());
                  firstDelivered.set(System.nanoTime());
                }
                if (n == warm + 1 + deliveredSample) {
                  cpuAtSample.set(Bench.processCpu());
                  threadsAtSample.set(Bench.threadCpu());
                  sampleDelivered.set(System.nanoTime());
                }
              }
            });
        // the decision app runs once every task has read the subscriptions and built its index
        if (!waitFor(() -> notifier.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING,
            Duration.ofMinutes(20))) {
          throw new IllegalStateException("the notifier did not start deciding in 20 minutes: " + notifier.state());
        }
        System.out.printf(Locale.ROOT, "notifier read the subscriptions and built its index in %.1f s%n",
            (System.nanoTime() - t0) / 1e9);

        long warmPublished = System.nanoTime();
        publish(client, Topics.MATCHED.name(), warmId,
            Topics.MATCHED.valueSerde().serializer().serialize(Topics.MATCHED.name(), warmJob));
        long warmExpected = warmCount;
        if (!waitFor(() -> warmAlerts.get() >= warmExpected, Duration.ofMinutes(30))) {
          throw new IllegalStateException("only " + warmAlerts.get() + " of " + warmCount + " warm-up alerts");
        }
        double warmS = (System.nanoTime() - warmPublished) / 1e9;
        if (!waitFor(() -> warmDelivered.get() >= warmExpected, Duration.ofMinutes(30))) {
          throw new IllegalStateException("only " + warmDelivered.get() + " of " + warmCount + " warm-up emails");
        }
        System.out.printf(Locale.ROOT, "warm-up job: %d alerts decided in %.1f s (%.0f/s, a fresh JVM), then "
            + "delivered%n", warmCount, warmS, warmCount / warmS);

        long published = System.nanoTime();
        for (MatchedJob j : jobs) {
          publish(client, Topics.MATCHED.name(), j.jobId(),
              Topics.MATCHED.valueSerde().serializer().serialize(Topics.MATCHED.name(), j));
        }
        long expectedAlerts = expected;
        if (!waitFor(() -> alerts.get() >= expectedAlerts, Duration.ofMinutes(30))) {
          throw new IllegalStateException("only " + alerts.get() + " of " + expected + " alerts in 30 minutes");
        }
        double decideS = (lastAlertNanos.get() - published) / 1e9;
        waitFor(() -> alerts.get() > expectedAlerts, Duration.ofSeconds(5)); // any extra alert shows up here
        if (alerts.get() != expected || alertIds.size() != expected) {
          throw new IllegalStateException("expected " + expected + " distinct alerts, got " + alerts.get()
              + " records with " + alertIds.size() + " distinct ids");
        }
        decidedPerS = expected / decideS;
        System.out.printf(Locale.ROOT, "%d alerts decided in %.1f s: %.0f/s, each once; %.0f bytes an alert%n",
            expected, decideS, decidedPerS, alertBytes.get() / (double) expected);

        if (!waitFor(() -> sampleDelivered.get() > 0, Duration.ofMinutes(30))) {
          throw new IllegalStateException("only " + delivered.get() + " deliveries in 30 minutes");
        }
        deliveredPerS = deliveredSample / ((sampleDelivered.get() - firstDelivered.get()) / 1e9);
        deliveredCpuUs = (cpuAtSample.get() - cpuAtFirst.get()) / 1e3 / deliveredSample;
        System.out.printf(Locale.ROOT, "%d emails delivered (DELIVERED records) after the first %d at %.0f/s, "
            + "%.0f us of CPU an email for the whole process; the threads that took most:%s%n", deliveredSample, warm,
            deliveredPerS, deliveredCpuUs, Bench.topThreads(threadsAtFirst.get(), threadsAtSample.get(), 12, deliveredSample));
        running.set(false);
        alertWatch.join();
        deliveryWatch.join();
        emptier.join();
      }

    } finally {
      running.set(false);
    }
    try {
      // the ceiling's server first receives as many recipients as the notifier's did before its timed window
      Ceiling ceiling = smtpCeiling(smtp, oneEmail.get(), deliveredSample, lanes, (int) warmCount + warm);
      System.out.printf(Locale.ROOT, "bare Angus Mail loops, %d kept connections, the same email: %.0f emails/s, "
          + "%.0f us of CPU an email for the whole process%n", lanes, ceiling.perS(), ceiling.cpuUs());
      System.out.printf(Locale.ROOT, "RESULT notifier-fanout subs=%d jobs=%d alerts=%d decided_per_s=%.0f "
          + "delivered_per_s=%.0f smtp_ceiling_per_s=%.0f ratio=%.3f cpu_us_per_email=%.0f "
          + "ceiling_cpu_us_per_email=%.0f%n", subs, jobCount, expected, decidedPerS, deliveredPerS, ceiling.perS(),
          deliveredPerS / ceiling.perS(), deliveredCpuUs, ceiling.cpuUs());
    } finally {
      smtp.stop();
    }
  }

  /** The ceiling's rate, and the CPU time of the whole process per email while it ran. */
  private record Ceiling(double perS, double cpuUs) {}

  /**
   * The ceiling: the same message sent {@code n} times over {@code connections} connections that stay open
   * (as many as the notifier's delivery lanes), each on a thread of its own, as fast as Angus Mail and the
   * server allow, to as many new recipients as the notifier wrote to. GreenMail makes a mailbox for each new
   * recipient and takes longer the more it holds, so the server is reset first and then, untimed, sent to
   * {@code warmRecipients} others: as many as the notifier's server had received when its timed window began.
   */
  private static Ceiling smtpCeiling(GreenMail smtp, MimeMessage email, int n, int connections, int warmRecipients)
      throws Exception {
    if (email == null) {
      throw new IllegalStateException("no email from the notifier was seen");
    }
    smtp.reset();
    Properties p = new Properties();
    p.put("mail.smtp.host", "127.0.0.1");
    p.put("mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
    Session session = Session.getInstance(p);
    MimeMessage message = new MimeMessage(session, toStream(email));
    AtomicBoolean running = new AtomicBoolean(true);
    Thread emptier = started("ceiling-mailboxes", () -> {
      while (running.get()) {
        purge(smtp);
        pause(200);
      }
    });
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(connections);
    try {
      java.util.concurrent.CyclicBarrier warm = new java.util.concurrent.CyclicBarrier(connections + 1);
      java.util.concurrent.CyclicBarrier go = new java.util.concurrent.CyclicBarrier(connections + 1);
      List<java.util.concurrent.Future<?>> senders = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int lane = c;
        senders.add(threads.submit(() -> {
          try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            for (int i = lane; i < warmRecipients; i += connections) { // warm-up
              transport.sendMessage(message, new InternetAddress[] {new InternetAddress("warm" + i + "@example.com")});
            }
            warm.await();
            go.await();
            for (int i = lane; i < n; i += connections) {
              transport.sendMessage(message, new InternetAddress[] {new InternetAddress("sub-" + i + "@example.com")});
            }
          }
          return null;
        }));
      }
      warm.await();
      long cpu0 = Bench.processCpu();
      long t0 = System.nanoTime();
      go.await();
      for (java.util.concurrent.Future<?> f : senders) {
        f.get();
      }
      long t1 = System.nanoTime();
      return new Ceiling(n / ((t1 - t0) / 1e9), (Bench.processCpu() - cpu0) / 1e3 / n);
    } finally {
      threads.shutdownNow();
      running.set(false);
      emptier.join();
    }
  }

  private static java.io.InputStream toStream(MimeMessage m) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    m.writeTo(out);
    return new java.io.ByteArrayInputStream(out.toByteArray());
  }

  /** A model job as the matcher would publish it: its words as keywords, its pay as an annual USD or INR range. */
  static MatchedJob job(int i, JobFacts f, Instant at) {
    NormalizedSalary pay = f.currency() == null ? null : new NormalizedSalary(f.currency(), "YEAR", f.topAnnualPay(),
        f.topAnnualPay(), f.topAnnualPay(), f.topAnnualPay(), null, null);
    String id = "fanout-" + i;
    return new MatchedJob(MatchedJob.SCHEMA_VERSION, id, id, "bench", "Program Manager", f.company(),
        List.of("City, " + f.country()), f.country(), f.workMode(), List.of("FULL_TIME"), LocalDate.of(2026, 11, 20),
        null, "https://careers.example.org/jobs/" + id, "https://careers.example.org/jobs/" + id + "/apply",
        List.of("https://careers.example.org/jobs/" + id), "Lead the roll-out of our telehealth platform.",
        new ArrayList<>(new java.util.TreeSet<>(f.words())), "telehealth-project-manager", "1.0.0", f.tier(), f.level(),
        0.8, pay, List.of(), List.of(), List.of(), List.of(), at, at);
  }

  private static void publishSubscriptions(Properties client, List<MatchIndex.Entry> entries, Instant at) {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, Serdes.String().serializer(),
        Serdes.ByteArray().serializer())) {
      var serializer = Topics.SUBSCRIPTIONS.valueSerde().serializer();
      for (MatchIndex.Entry e : entries) {
        Subscription s = Subscription.of(e.id(), e.id() + "@example.com", null, e.criteria(), Frequency.INSTANT,
            SubscriptionStatus.ACTIVE, at);
        producer.send(new ProducerRecord<>(Topics.SUBSCRIPTIONS.name(), s.id(),
            serializer.serialize(Topics.SUBSCRIPTIONS.name(), s)));
      }
      producer.flush();
    }
  }

  private static void publish(Properties client, String topic, String key, byte[] value) throws Exception {
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(client, Serdes.String().serializer(),
        Serdes.ByteArray().serializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /** Reads a topic from its end (read_committed) on a thread of its own until {@code running} is false. */
  private static <V> Thread watch(Properties client, String topic, Deserializer<V> values, AtomicBoolean running,
      java.util.function.Consumer<V> seen) {
    Properties c = new Properties();
    c.putAll(client);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    KafkaConsumer<String, V> consumer = new KafkaConsumer<>(c, Serdes.String().deserializer(), values);
    List<TopicPartition> parts = consumer.partitionsFor(topic).stream()
        .map(pi -> new TopicPartition(topic, pi.partition())).toList();
    consumer.assign(parts);
    consumer.seekToEnd(parts);
    parts.forEach(consumer::position); // the end is fixed now, before anything is published
    return started("fanout-watch-" + topic, () -> {
      try (consumer) {
        while (running.get()) {
          for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(50))) {
            if (r.value() != null) {
              seen.accept(r.value());
            }
          }
        }
      }
    });
  }

  /** An alert record's alert id and job id, found in its JSON text without reading the rest. */
  static String[] peek(byte[] json) {
    String s = new String(json, java.nio.charset.StandardCharsets.ISO_8859_1);
    int job = s.indexOf("\"job\":{");
    return new String[] {stringAfter(s, "\"alertId\":\"", 0), job < 0 ? null : stringAfter(s, "\"id\":\"", job)};
  }

  private static String stringAfter(String s, String marker, int from) {
    int at = s.indexOf(marker, from);
    if (at < 0) {
      return null;
    }
    int start = at + marker.length();
    return s.substring(start, s.indexOf('"', start));
  }

  private static void purge(GreenMail smtp) {
    try {
      smtp.purgeEmailFromAllMailboxes();
    } catch (com.icegreen.greenmail.store.FolderException e) {
      throw new IllegalStateException("cannot empty the test mailboxes", e);
    }
  }

  private static Thread started(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The poll interval of the benchmark's own loops (mailbox emptying, waiting on a condition with a deadline). */
  private static void pause(long ms) {
    java.util.concurrent.locks.LockSupport.parkNanos(ms * 1_000_000L);
  }

  /** Polls {@code done} every 50 ms until it holds or the timeout passes; whether it held. */
  private static boolean waitFor(java.util.function.BooleanSupplier done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      pause(50);
    }
    return true;
  }
}
