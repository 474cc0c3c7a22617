package io.telejobs.ingest.publish;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.Limits;
import java.time.Instant;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Topic;
import io.telejobs.contracts.TopicReplay;
import io.telejobs.contracts.Topics;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.ingest.crawl.PostingSink;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only producer of ingest. Publishes new and changed postings keyed by posting id (idempotent,
 * {@code acks=all}), skips unchanged ones, and publishes crawl errors. On start it rebuilds its ledger
 * of published content hashes from the compacted postings topic, so a restart does not republish.
 */
public final class KafkaPostingPublisher implements PostingSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaPostingPublisher.class);

  private final KafkaProducer<byte[], byte[]> producer;
  private final PostingLedger ledger;
  /** New and changed postings published. */
  public final AtomicInteger published = new AtomicInteger();
  /** Of those, the ones not published before. */
  public final AtomicInteger newPostings = new AtomicInteger();
  public final AtomicInteger unchanged = new AtomicInteger();
  public final AtomicInteger errorsPublished = new AtomicInteger();
  public final AtomicInteger closedCount = new AtomicInteger();
  /** Postings Kafka refused, reported on the next flush against their own source. */
  private final java.util.Queue<IngestError> refused = new java.util.concurrent.ConcurrentLinkedQueue<>();

  public KafkaPostingPublisher(Properties clientProps, PostingLedger ledger) {
    Properties p = new Properties();
    p.putAll(clientProps);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "telejobs-ingest");
    this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    this.ledger = ledger;
    restoreLedger(clientProps);
  }

  @Override
  public void posting(JobPosting posting) {
    PostingLedger.Change change = ledger.record(posting.id(), posting.contentHash(), posting.source(),
        posting.validThrough());
    if (change == PostingLedger.Change.UNCHANGED) {
      unchanged.incrementAndGet();
      return;
    }
    send(Topics.POSTINGS, posting.id(), posting, e -> {
      ledger.forget(posting.id()); // not published: the next crawl tries again
      refused.add(new IngestError(IngestError.SCHEMA_VERSION, posting.source(), posting.pageUrl(),
          IngestError.Stage.PUBLISH, "posting '" + Limits.cut(posting.title(), 80) + "' (" + posting.id()
              + ") could not be published: " + reason(e), Instant.now()));
    });
    if (change == PostingLedger.Change.NEW) {
      newPostings.incrementAndGet();
    }
    published.incrementAndGet();
  }

  @Override
  public void closed(String id, String reason) {
    LOG.info("posting {} closed: {}", id, reason);
    int colon = id.indexOf(':');
    String source = colon > 0 ? id.substring(0, colon) : id;
    send(Topics.POSTINGS, id, null, e -> {
      ledger.reopen(id, source); // not closed yet: the next complete crawl closes it again
      refused.add(new IngestError(IngestError.SCHEMA_VERSION, source, id, IngestError.Stage.PUBLISH,
          "the closing of posting " + id + " could not be published: " + reason(e), Instant.now()));
    });
    closedCount.incrementAndGet();
  }

  @Override
  public void error(IngestError error) {
    send(Topics.INGEST_ERRORS, error.url(), error, e -> LOG.error("could not publish the crawl error for {} to {}: {}",
        error.url(), Topics.INGEST_ERRORS.name(), reason(e)));
    errorsPublished.incrementAndGet();
  }

  /** Binds the producer's own metrics (record rates, errors, latency) to a registry. */
  public io.micrometer.core.instrument.binder.MeterBinder metricsBinder() {
    return new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(producer);
  }

  /**
   * Waits until every record sent so far is acknowledged. A record Kafka refused was already reported
   * against its own posting and source ({@code ingest.errors.v1}, stage {@code publish}) and left for the
   * next crawl; it does not fail whichever source happens to flush next.
   */
  @Override
  public void flush() {
    producer.flush();
    if (!refused.isEmpty()) {
      for (IngestError e = refused.poll(); e != null; e = refused.poll()) {
        error(e); // sent here, never from the producer's callback, which runs on its I/O thread
      }
      producer.flush();
    }
  }

  private <V> void send(Topic<String, V> topic, String key, V value, java.util.function.Consumer<Exception> onFailure) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), k, v), (meta, e) -> {
      if (e != null) {
        LOG.warn("could not publish {} to {}: {}", key, topic.name(), reason(e));
        onFailure.accept(e);
      }
    });
  }

  /** Why Kafka refused a record, in words. */
  static String reason(Exception e) {
    if (e instanceof org.apache.kafka.common.errors.RecordTooLargeException) {
      return "it is larger than Kafka accepts (" + e.getMessage() + ")";
    }
    if (e instanceof org.apache.kafka.common.errors.TimeoutException) {
      return "Kafka did not acknowledge it in time; it is tried again on the next crawl";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private void restoreLedger(Properties clientProps) {
    long read = TopicReplay.replay(clientProps, Topics.POSTINGS, (id, posting, readable) -> {
      if (readable) {
        ledger.restore(id, posting == null ? null : posting.contentHash(), posting == null ? null : posting.source(),
            posting == null ? null : posting.validThrough());
      } // an unreadable old record: the next crawl republishes that posting
    }, Duration.ofMinutes(2));
    LOG.info("ledger restored from {} ({} records): {} live postings", Topics.POSTINGS.name(), read, ledger.size());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
