package io.telejobs.notifier;

import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.notifier.alerts.AlertTopology;
import io.telejobs.notifier.delivery.DeliveryWorker;
import io.telejobs.notifier.delivery.EmailRenderer;
import io.telejobs.notifier.delivery.EmailSender;
import io.telejobs.notifier.delivery.SmtpEmailSender;
import io.telejobs.notifier.security.TokenSigner;
import io.telejobs.notifier.subscriptions.ScanIndex;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the alert-decision topology and the delivery worker side by side. */
public final class NotifierService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotifierService.class);

  private final KafkaStreams streams;
  private final DeliveryWorker worker;
  private final Thread workerThread;

  public NotifierService(NotifierConfig config, Map<String, String> environment) {
    this(config, environment, new SmtpEmailSender(config.smtp()));
  }

  public NotifierService(NotifierConfig config, Map<String, String> environment, EmailSender email) {
    new Env(environment).ensureTopics(List.of(Topics.MATCHED, Topics.SUBSCRIPTIONS, Topics.ALERTS,
        Topics.DELIVERIES, Topics.NOTIFIER_DLQ));
    this.streams = new KafkaStreams(AlertTopology.build(new ScanIndex(), Clock.systemUTC()), config.streams());
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("notifier stream thread failed; replacing it", e);
      return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    streams.setStateListener((now, before) -> LOG.info("notifier decisions state {} -> {}", before, now));
    EmailRenderer renderer = new EmailRenderer(config.publicUrl(), new TokenSigner(config.tokenSecret()));
    this.worker = new DeliveryWorker(config.kafka(), config.deliveryGroup(), email, renderer, config.retry(),
        Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
    this.workerThread = new Thread(worker, "notifier-delivery");
  }

  public void start() {
    LOG.info("notifier starting");
    streams.start();
    workerThread.start();
  }

  public DeliveryWorker worker() {
    return worker;
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  @Override
  public void close() {
    worker.close();
    streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
        .withTimeout(Duration.ofSeconds(30)));
  }
}
