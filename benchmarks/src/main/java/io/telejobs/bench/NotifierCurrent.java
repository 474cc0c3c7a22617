package io.telejobs.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.telejobs.broker.EmbeddedKafkaBroker;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.NormalizedSalary;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.TopicAdmin;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.WorkMode;
import io.telejobs.notifier.NotifierConfig;
import io.telejobs.notifier.NotifierService;
import io.telejobs.notifier.security.TokenSigner;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;

/**
 * "Jobs that fit your alert now" at scale, through the real notifier on an embedded broker and a real SMTP
 * server (GreenMail): N live matched jobs (default 100,000) are loaded first; then a subscription that fits
 * about 1% of them is created and confirmed, and the time from the confirming POST to the email reaching the
 * SMTP server is measured. The baseline, in the same run: the time from publishing one new job to its instant
 * alert reaching the SMTP server.
 *
 * <p>Last line: {@code RESULT notifier-current live_jobs=… fits=… confirm_to_email_ms=… new_job_to_email_ms=…
 * ratio=…}
 */
public final class NotifierCurrent {
  static final String SECRET = "benchmark-secret-0123456789abcdef0123";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private NotifierCurrent() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path state = Bench.stateDir("current");
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
      Properties client = broker.clientProperties();
      TopicAdmin.ensure(client, Topics.all(), 3, (short) 1);
      long t0 = System.nanoTime();
      int fits = preload(client, n);
      System.out.printf(Locale.ROOT, "loaded %d live matched jobs (%d fit the measured alert) in %.1f s%n", n, fits,
          (System.nanoTime() - t0) / 1e9);

      Map<String, String> env = notifierEnv(broker, smtp);
      int port = Integer.parseInt(env.get("APP_HTTP_PORT"));
      env.put("KAFKA_STATE_DIR", state.toString());
      try (NotifierService notifier = new NotifierService(NotifierConfig.fromEnv(env), env)) {
        notifier.start();
        String api = "http://127.0.0.1:" + port;
        t0 = System.nanoTime();
        awaitCaughtUp(client, "telejobs-notifier", Topics.MATCHED.name(), Duration.ofMinutes(10));
        System.out.printf(Locale.ROOT, "notifier read the live jobs in %.1f s%n", (System.nanoTime() - t0) / 1e9);

        // baseline: an alert that fits no live job, then one new job for it
        String baseline = subscribe(api, "{\"email\":\"baseline@example.com\",\"tiers\":[\"core\"],\"countries\":[\"NZ\"]}");
        confirm(api, baseline);
        awaitMail(smtp, 1, Duration.ofSeconds(60)); // its confirmation email
        long published = System.nanoTime();
        publish(client, job(n + 1, Tier.CORE, Level.MID, "NZ"));
        awaitMail(smtp, 2, Duration.ofMinutes(2));
        double newJobMs = (System.nanoTime() - published) / 1e6;

        String measured = subscribe(api, "{\"email\":\"measured@example.com\",\"tiers\":[\"core\"],"
            + "\"countries\":[\"US\"],\"levels\":[\"senior\"]}");
        awaitMail(smtp, 3, Duration.ofSeconds(60)); // its confirmation email
        long confirmed = System.nanoTime();
        confirm(api, measured);
        awaitMail(smtp, 4, Duration.ofMinutes(10));
        double currentMs = (System.nanoTime() - confirmed) / 1e6;
        String subject = smtp.getReceivedMessages()[3].getSubject();
        System.out.println("email: " + subject);
        System.out.printf(Locale.ROOT, "RESULT notifier-current live_jobs=%d fits=%d confirm_to_email_ms=%.0f "
            + "new_job_to_email_ms=%.0f ratio=%.1f%n", n, fits, currentMs, newJobMs, currentMs / newJobMs);
      }
    } finally {
      smtp.stop();
    }
  }

  /**
   * What the benchmarks' notifier needs: the broker, the SMTP server, a free web port ({@code APP_HTTP_PORT}),
   * the shared token secret.
   */
  static Map<String, String> notifierEnv(EmbeddedKafkaBroker broker, GreenMail smtp) throws java.io.IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("APP_SMTP_HOST", "127.0.0.1");
    env.put("APP_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
    env.put("APP_TOKEN_SECRET", SECRET);
    env.put("APP_HTTP_PORT", Integer.toString(port));
    env.put("APP_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.put("APP_METRICS_PORT", "off");
    return env;
  }

  private static final String[] TITLES = {"Telehealth Program Manager", "Senior Telehealth Project Manager",
      "Healthcare IT Project Manager", "Telehealth Coordinator", "Virtual Care Operations Manager", "EHR Analyst"};

  /** One live job: core for 1 in 10, the rest adjacent or pathway; US, IN or GB; every level. */
  static MatchedJob job(int i, Tier tier, Level level, String country) {
    Instant at = Instant.parse("2026-11-25T09:00:00Z");
    NormalizedSalary pay = new NormalizedSalary("USD", "YEAR", BigDecimal.valueOf(90_000 + (i % 50) * 1_000),
        BigDecimal.valueOf(120_000 + (i % 50) * 1_000), BigDecimal.valueOf(90_000 + (i % 50) * 1_000),
        BigDecimal.valueOf(120_000 + (i % 50) * 1_000), level, null);
    String title = TITLES[i % TITLES.length];
    return new MatchedJob(MatchedJob.SCHEMA_VERSION, "job-" + i, "job-" + i, "bench", title, "Employer " + (i % 997),
        List.of("City " + (i % 300) + ", " + country), country, WorkMode.values()[i % 3], List.of("FULL_TIME"),
        LocalDate.of(2026, 11, 1 + i % 28), null, "https://careers.example.org/jobs/" + i,
        "https://careers.example.org/jobs/" + i + "/apply", List.of("https://careers.example.org/jobs/" + i),
        "Lead the roll-out of our telehealth platform across clinics.", List.of("telehealth", "epic", "rollout"),
        "telehealth-project-manager", "1.0.0", tier, level, 0.5 + (i % 50) / 100.0, pay, List.of(), List.of(),
        List.of(), List.of(), at, at);
  }

  private static int preload(Properties client, int n) throws Exception {
    Properties p = new Properties();
    p.putAll(client);
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
    Random r = new Random(42);
    int fits = 0;
    String[] countries = {"US", "IN", "GB", "US", "IN"};
    Level[] levels = {Level.ENTRY, Level.MID, Level.SENIOR, Level.LEAD};
    try (KafkaProducer<String, MatchedJob> producer = new KafkaProducer<>(p, Serdes.String().serializer(),
        Topics.MATCHED.valueSerde().serializer())) {
      for (int i = 0; i < n; i++) {
        Tier tier = r.nextInt(10) == 0 ? Tier.CORE : r.nextBoolean() ? Tier.ADJACENT : Tier.PATHWAY;
        String country = countries[r.nextInt(countries.length)];
        Level level = levels[r.nextInt(levels.length)];
        if (tier == Tier.CORE && country.equals("US") && level == Level.SENIOR) {
          fits++;
        }
        MatchedJob job = job(i, tier, level, country);
        producer.send(new ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), job));
      }
      producer.flush();
    }
    return fits;
  }

  private static void publish(Properties client, MatchedJob job) throws Exception {
    try (KafkaProducer<String, MatchedJob> producer = new KafkaProducer<>(client, Serdes.String().serializer(),
        Topics.MATCHED.valueSerde().serializer())) {
      producer.send(new ProducerRecord<>(Topics.MATCHED.name(), job.jobId(), job)).get();
    }
  }

  static String subscribe(String api, String json) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/subscriptions"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IllegalStateException("subscribing answered " + r.statusCode() + ": " + r.body());
    }
    return Json.mapper().readTree(r.body()).get("id").asText();
  }

  static void confirm(String api, String id) throws Exception {
    String token = new TokenSigner(SECRET.getBytes(StandardCharsets.UTF_8)).sign("confirm", id);
    String form = "s=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&t=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/confirm"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("confirming answered " + r.statusCode());
    }
  }

  static void awaitMail(GreenMail smtp, int count, Duration timeout) {
    if (!smtp.waitForIncomingEmail(timeout.toMillis(), count)) {
      throw new IllegalStateException("email " + count + " did not arrive in " + timeout);
    }
  }

  private static void awaitCaughtUp(Properties client, String group, String topic, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (Admin admin = Admin.create(client)) {
      while (true) {
        var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        var parts = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
            .map(pi -> new TopicPartition(topic, pi.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        parts.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        boolean done = parts.stream().allMatch(tp -> committed.get(tp) != null
            && committed.get(tp).offset() >= ends.get(tp).offset());
        if (done) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(group + " did not catch up on " + topic + " in " + timeout);
        }
        TimeUnit.MILLISECONDS.sleep(100);
      }
    }
  }
}
