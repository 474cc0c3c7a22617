package io.telejobs.notifier;

import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.ConfigException;
import io.telejobs.streams.DeadLetterHandlers;
import io.telejobs.contracts.config.Env;
import io.telejobs.contracts.config.EnvVar;
import io.telejobs.notifier.api.SubscriptionApi;
import io.telejobs.notifier.delivery.RetryPolicy;
import io.telejobs.notifier.delivery.SmtpSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The notifier's settings, from environment variables.
 *
 * @param kafka plain client properties ({@code KAFKA_*})
 * @param streams Kafka Streams properties for the decision topology
 * @param smtp mail server
 * @param retry delivery retries
 * @param publicUrl base URL for links in emails
 * @param tokenSecret secret for signed links
 * @param deliveryGroup consumer group of the delivery worker
 * @param httpPort port of the subscription API, 0 for any free port
 * @param adminToken bearer token that may manage any subscription; empty disables it
 * @param webhookAllowlist hosts a webhook may point at even when private (tests, internal receivers)
 * @param metricsPort port of the Prometheus {@code /metrics} endpoint of the service; -1 for none
 * @param digestsEnabled whether this instance runs a digest scheduler (the schedulers elect one that sends)
 * @param maxEmailsPerHour instant emails per subscriber per hour; the rest go out in an hourly roll-up
 * @param webhookTimeout longest time one webhook call may take
 * @param apiLimits the subscription API's limits against abuse
 * @param deliveryLanes alerts delivered at once, each email over an SMTP connection of its own
 */
public record NotifierConfig(Properties kafka, Properties streams, SmtpSettings smtp, RetryPolicy retry,
    String publicUrl, byte[] tokenSecret, String deliveryGroup, int httpPort, String adminToken,
    java.util.Set<String> webhookAllowlist, boolean digestsEnabled, int maxEmailsPerHour, int metricsPort,
    Duration webhookTimeout, SubscriptionApi.Limits apiLimits, int deliveryLanes) {

  public static final EnvVar APPLICATION_ID = EnvVar.optional("KAFKA_APPLICATION_ID", "telejobs-notifier",
      "Kafka Streams application id of the alert-decision topology");
  public static final EnvVar STATE_DIR = EnvVar.optional("KAFKA_STATE_DIR",
      System.getProperty("java.io.tmpdir") + "/telejobs-notifier-state", "Kafka Streams state directory");
  public static final EnvVar DELIVERY_GROUP = EnvVar.optional("APP_DELIVERY_GROUP", "telejobs-notifier-delivery",
      "consumer group of the delivery worker");
  public static final EnvVar SMTP_HOST = EnvVar.optional("APP_SMTP_HOST", "localhost", "SMTP server host");
  public static final EnvVar SMTP_PORT = EnvVar.optional("APP_SMTP_PORT", "25", "SMTP server port");
  public static final EnvVar SMTP_SECURITY = EnvVar.optional("APP_SMTP_SECURITY", "none",
      "none, starttls (required upgrade) or tls (implicit TLS, e.g. port 465)");
  public static final EnvVar SMTP_USERNAME = EnvVar.optional("APP_SMTP_USERNAME", "", "SMTP login; empty for none");
  public static final EnvVar SMTP_PASSWORD = EnvVar.optional("APP_SMTP_PASSWORD", "", "SMTP password");
  public static final EnvVar MAIL_FROM = EnvVar.optional("APP_MAIL_FROM", "telejobs alerts <alerts@localhost>",
      "From address of alert emails");
  public static final EnvVar PUBLIC_URL = EnvVar.optional("APP_PUBLIC_URL", "http://localhost:8080",
      "base URL of the subscription service, used in unsubscribe links");
  public static final EnvVar TOKEN_SECRET = EnvVar.required("APP_TOKEN_SECRET",
      "secret (32+ characters) that signs unsubscribe and confirmation links");
  public static final EnvVar RETRY_BACKOFF = EnvVar.optional("APP_DELIVERY_BACKOFF", "PT5S",
      "wait after a failed delivery before the next attempt; doubles each time, with jitter");
  public static final EnvVar MAX_BACKOFF = EnvVar.optional("APP_DELIVERY_MAX_BACKOFF", "PT30M",
      "longest wait between two attempts of one delivery");
  public static final EnvVar RETRY_FOR = EnvVar.optional("APP_DELIVERY_RETRY_FOR", "PT24H",
      "how long after its first failure a delivery is still tried; then it is dead-lettered (see the redrive command)");

  public static final EnvVar HTTP_PORT = EnvVar.optional("APP_HTTP_PORT", "8080",
      "port of the subscription API and pages");
  public static final EnvVar ADMIN_TOKEN = EnvVar.optional("APP_ADMIN_TOKEN", "",
      "bearer token that may manage any subscription; empty: only subscribers' own tokens work");
  public static final EnvVar WEBHOOK_TIMEOUT = EnvVar.optional("APP_WEBHOOK_TIMEOUT", "PT10S",
      "longest time one webhook call may take, answer included; a slower receiver counts as failed and is retried later");
  public static final EnvVar WEBHOOK_ALLOWLIST = EnvVar.optional("APP_WEBHOOK_ALLOWLIST", "",
      "comma-separated hosts a webhook may point at even when loopback or private");

  public static final EnvVar METRICS_PORT = EnvVar.optional("APP_METRICS_PORT", "9402",
      "port of the notifier's Prometheus /metrics endpoint (and /health), apart from the public API; off for none");
  public static final EnvVar DIGESTS_ENABLED = EnvVar.optional("APP_DIGESTS_ENABLED", "true",
      "run a daily/weekly digest scheduler in this instance; the instances that do elect one to send");

  public static final EnvVar CONFIRMATIONS_PER_ADDRESS = EnvVar.optional("APP_CONFIRMATIONS_PER_ADDRESS", "3",
      "confirmation emails one address gets per day, however often it is signed up");
  public static final EnvVar SIGNUPS_PER_CLIENT = EnvVar.optional("APP_SIGNUPS_PER_CLIENT", "30",
      "subscriptions one client IP address may create per hour");
  public static final EnvVar PENDING_EXPIRY = EnvVar.optional("APP_PENDING_EXPIRY", "P7D",
      "a subscription never confirmed is deleted after this long");
  public static final EnvVar MAX_EMAILS_PER_HOUR = EnvVar.optional("APP_MAX_EMAILS_PER_HOUR", "12",
      "instant alert emails per subscriber per hour; the rest arrive together at the top of the next hour");

  public static final EnvVar DELIVERY_LANES = EnvVar.optional("APP_DELIVERY_LANES", "4",
      "alerts one instance delivers at once (1 to 32), each email over an SMTP connection of its own");

  public static List<EnvVar> variables() {
    List<EnvVar> all = new ArrayList<>(Env.COMMON);
    all.addAll(List.of(APPLICATION_ID, STATE_DIR, DELIVERY_GROUP, SMTP_HOST, SMTP_PORT, SMTP_SECURITY,
        SMTP_USERNAME, SMTP_PASSWORD, MAIL_FROM, PUBLIC_URL, TOKEN_SECRET, RETRY_BACKOFF, MAX_BACKOFF, RETRY_FOR, HTTP_PORT,
        ADMIN_TOKEN, WEBHOOK_TIMEOUT, WEBHOOK_ALLOWLIST, DIGESTS_ENABLED, MAX_EMAILS_PER_HOUR, METRICS_PORT,
        CONFIRMATIONS_PER_ADDRESS, SIGNUPS_PER_CLIENT, PENDING_EXPIRY, DELIVERY_LANES));
    return List.copyOf(all);
  }

  /** The decision app's producer batch size (bytes), unless {@code KAFKA_PRODUCER_BATCH_SIZE} sets it. */
  static final int DECISION_BATCH_BYTES = 256 * 1024;

  public static NotifierConfig fromEnv(Map<String, String> environment) {
    Env env = new Env(environment);
    Properties kafka = env.kafkaProperties();
    kafka.remove(StreamsConfig.APPLICATION_ID_CONFIG);
    kafka.remove(StreamsConfig.STATE_DIR_CONFIG);
    Properties streams = DeadLetterHandlers.configure(env.streamsProperties(APPLICATION_ID, STATE_DIR), "notifier",
        Topics.NOTIFIER_DLQ.name());
    // one job can fit a hundred thousand subscribers: its alerts (about 2 KB each) leave in one burst, and with
    // the default 16 KB batches and five requests in flight the producer, not the decisions, set the pace
    streams.putIfAbsent(StreamsConfig.producerPrefix(org.apache.kafka.clients.producer.ProducerConfig.BATCH_SIZE_CONFIG),
        Integer.toString(DECISION_BATCH_BYTES));
    String secret = env.get(TOKEN_SECRET);
    if (secret.length() < 32) {
      throw new ConfigException(TOKEN_SECRET.name() + " must be at least 32 characters");
    }
    SmtpSettings smtp = new SmtpSettings(env.get(SMTP_HOST), env.getInt(SMTP_PORT), env.get(SMTP_SECURITY),
        env.get(SMTP_USERNAME), env.get(SMTP_PASSWORD), env.get(MAIL_FROM), Duration.ofSeconds(20));
    RetryPolicy retry;
    try {
      retry = new RetryPolicy(env.getDuration(RETRY_BACKOFF), env.getDuration(MAX_BACKOFF), env.getDuration(RETRY_FOR));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(RETRY_BACKOFF.name() + " must be positive and at most " + MAX_BACKOFF.name()
          + ", and " + RETRY_FOR.name() + " must not be negative");
    }
    String admin = env.get(ADMIN_TOKEN);
    if (!admin.isEmpty() && admin.length() < 24) {
      throw new ConfigException(ADMIN_TOKEN.name() + " must be at least 24 characters when set");
    }
    java.util.Set<String> allow = new java.util.HashSet<>();
    for (String h : env.get(WEBHOOK_ALLOWLIST).split(",")) {
      if (!h.isBlank()) {
        allow.add(h.strip().toLowerCase(java.util.Locale.ROOT));
      }
    }
    int lanes = env.getInt(DELIVERY_LANES);
    if (lanes < 1 || lanes > 32) {
      throw new ConfigException(DELIVERY_LANES.name() + " must be between 1 and 32, was " + lanes);
    }
    return new NotifierConfig(kafka, streams, smtp, retry, env.get(PUBLIC_URL),
        secret.getBytes(StandardCharsets.UTF_8), env.get(DELIVERY_GROUP), env.getInt(HTTP_PORT), admin, allow,
        env.getBoolean(DIGESTS_ENABLED), env.getInt(MAX_EMAILS_PER_HOUR), env.getPortOrOff(METRICS_PORT),
        env.getDuration(WEBHOOK_TIMEOUT), new SubscriptionApi.Limits(env.getInt(CONFIRMATIONS_PER_ADDRESS),
            env.getInt(SIGNUPS_PER_CLIENT), env.getDuration(PENDING_EXPIRY)), lanes);
  }
}
