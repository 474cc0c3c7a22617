package io.telejobs.notifier;

import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.contracts.config.ServiceMain;
import io.telejobs.notifier.alerts.AlertTopology;
import io.telejobs.notifier.api.SubscriptionApi;
import io.telejobs.notifier.api.SubscriptionStore;
import io.telejobs.notifier.subscriptions.SubscriptionValidator;
import io.telejobs.notifier.subscriptions.WebhookPolicy;
import io.telejobs.web.WebServer;
import io.telejobs.net.AddressPolicy;
import io.telejobs.net.OutboundHttp;
import io.telejobs.notifier.delivery.Breakers;
import io.telejobs.notifier.delivery.DeliveryCounters;
import io.telejobs.notifier.delivery.DeliveryWorker;
import io.telejobs.notifier.delivery.RetryWorker;
import io.telejobs.notifier.digest.DigestScheduler;
import io.telejobs.notifier.delivery.EmailRenderer;
import io.telejobs.notifier.delivery.EmailSender;
import io.telejobs.notifier.delivery.RateLimiter;
import io.telejobs.notifier.delivery.SmtpEmailSender;
import io.telejobs.notifier.delivery.WebhookSender;
import io.telejobs.notifier.security.TokenSigner;
import io.telejobs.notifier.subscriptions.IndexedSubscriptions;
import java.time.Clock;
import java.time.Duration;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the alert-decision topology and the delivery worker side by side. */
public final class NotifierService implements ServiceMain.Service {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);

  private final KafkaStreams streams;
  private final EmailSender email;
  static final String WEBHOOK_USER_AGENT = "telejobs-notifier/0.2 (+https://github.com/telejobs/telejobs#webhooks)";

  private final DeliveryCounters counters = new DeliveryCounters();
  private final DeliveryWorker worker;
  private final Thread workerThread;
  private final RetryWorker retries;
  private final Thread retryThread;
  private final OutboundHttp outbound;
  private final SubscriptionStore store;
  private final SubscriptionApi api;
  private final DigestScheduler digests;
  private final Thread digestThread;

  public NotifierService(NotifierConfig config, Map<String, String> environment) {
    // a connection for each delivery lane, one for the retry worker and one for the digests
    this(config, environment, new SmtpEmailSender(config.smtp(), config.deliveryLanes() + 2));
  }

  public NotifierService(NotifierConfig config, Map<String, String> environment, EmailSender email) {
    this(config, environment, email, Clock.systemUTC());
  }

  /** @param clock the time alerts are decided and digests scheduled by (tests move it) */
  public NotifierService(NotifierConfig config, Map<String, String> environment, EmailSender email, Clock clock) {
    new Env(environment).ensureTopics(List.of(Topics.MATCHED, Topics.SUBSCRIPTIONS, Topics.ALERTS, Topics.DIGESTS,
        Topics.DELIVERIES, Topics.NOTIFIER_RETRIES, Topics.NOTIFIER_DLQ));
    this.email = email;
    this.streams = new KafkaStreams(AlertTopology.build(new IndexedSubscriptions(), clock), config.streams());
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("notifier stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> LOG.info("notifier decisions state {} -> {}", before, now));
    TokenSigner signer = new TokenSigner(config.tokenSecret());
    EmailRenderer renderer = new EmailRenderer(config.publicUrl(), signer);
    this.store = new SubscriptionStore(config.kafka());
    WebhookPolicy webhookPolicy = new WebhookPolicy(new AddressPolicy(config.webhookAllowlist()));
    Duration timeout = config.webhookTimeout();
    this.outbound = new OutboundHttp(new OutboundHttp.Settings(WEBHOOK_USER_AGENT,
        timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5), timeout, timeout, 64 * 1024,
        webhookPolicy.addresses()));
    WebhookSender webhooks = new WebhookSender(signer, outbound, Clock.systemUTC());
    Breakers breakers = new Breakers(config.retry(), clock);
    DeliveryWorker.Sleeper sleep = d -> Thread.sleep(d.toMillis());
    this.worker = new DeliveryWorker(config.kafka(), config.deliveryGroup(), email, webhooks, renderer, config.retry(),
        breakers, clock, sleep, this::cancelled, counters)
        .limitedBy(new RateLimiter(config.maxEmailsPerHour(), Duration.ofHours(1), clock))
        .inLanes(config.deliveryLanes());
    this.retries = new RetryWorker(config.kafka(), config.deliveryGroup(), email, webhooks, renderer, config.retry(),
        breakers, clock, sleep, this::cancelled, counters);
    this.retryThread = new Thread(retries, "notifier-retries");
    this.digests = config.digestsEnabled()
        ? new DigestScheduler(config.kafka(), email, renderer, clock, this::cancelled, config.deliveryGroup() + "-digest-leader")
        : null;
    this.digestThread = digests == null ? null : new Thread(digests, "notifier-digests");
    this.workerThread = new Thread(worker, "notifier-delivery");
    this.api = new SubscriptionApi(WebServer.Settings.defaults("subscription-api", config.httpPort()), store,
        new SubscriptionValidator(webhookPolicy), signer, email, renderer, webhooks, config.adminToken(),
        Clock.systemUTC(), config.apiLimits()).liveJobs(new io.telejobs.notifier.alerts.LiveJobs(streams)::fit);
  }

  @Override
  public void start() {
    LOG.info("notifier starting");
    streams.start();
    workerThread.start();
    retryThread.start();
    if (digestThread != null) {
      digestThread.start();
    }
    api.start();
  }

  private boolean cancelled(io.telejobs.contracts.Subscription asDecided) {
    if (store.isDeleted(asDecided.id())) {
      return true;
    }
    return store.get(asDecided.id()).map(now -> !now.isActive()).orElse(false);
  }

  /**
   * Binds the notifier's meters: deliveries by outcome, digests sent, whether this instance sends the
   * digests, subscriptions known, and Kafka Streams' own metrics.
   */
  public void bindMetrics(MeterRegistry registry) {
    new KafkaStreamsMetrics(streams).bindTo(registry);
    deliveries(registry, "sent", "alerts delivered (email or webhook)", counters.sent);
    deliveries(registry, "duplicate", "deliveries skipped: already in the delivered-set", counters.duplicatesSkipped);
    deliveries(registry, "failed_attempt", "delivery attempts that failed", counters.failedAttempts);
    deliveries(registry, "retry_scheduled", "deliveries put on the retry topic to be tried later",
        counters.retriesScheduled);
    deliveries(registry, "dead_lettered", "alerts dead-lettered after the retry span", counters.deadLettered);
    deliveries(registry, "cancelled", "alerts not sent: unsubscribed, paused or job closed", counters.cancelled);
    deliveries(registry, "rate_limited", "instant emails moved to the hourly roll-up", counters.rateLimited);
    Gauge.builder("notifier.retries.waiting", retries, RetryWorker::waitingCount)
        .description("deliveries waiting in this instance for their next attempt").register(registry);
    if (digests != null) {
      FunctionCounter.builder("notifier.digests.sent", digests.digestsSent, AtomicInteger::get)
          .description("digest emails sent by this instance").register(registry);
      Gauge.builder("notifier.digests.leader", digests, d -> d.isLeader() ? 1 : 0)
          .description("1 when this instance is the one that sends digests").register(registry);
    }
    Gauge.builder("notifier.subscriptions", store, SubscriptionStore::size)
        .description("subscriptions known to the API view").register(registry);
  }

  private static void deliveries(MeterRegistry registry, String outcome, String description, AtomicInteger counter) {
    FunctionCounter.builder("notifier.deliveries", counter, AtomicInteger::get).description(description)
        .tag("outcome", outcome).register(registry);
  }

  /** The port the subscription API listens on. */
  public int apiPort() {
    return api.port();
  }

  /** The subscriptions as the API sees them. */
  public SubscriptionStore subscriptions() {
    return store;
  }

  public DeliveryWorker worker() {
    return worker;
  }

  public RetryWorker retryWorker() {
    return retries;
  }

  public DeliveryCounters counters() {
    return counters;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    api.close();
    worker.close();
    retries.close();
    outbound.close();
    if (digests != null) {
      digests.close();
    }
    store.close();
    if (email instanceof SmtpEmailSender smtp) {
      smtp.close(); // QUIT on the kept SMTP connection, after every sender above has stopped
    }
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
  }
}
