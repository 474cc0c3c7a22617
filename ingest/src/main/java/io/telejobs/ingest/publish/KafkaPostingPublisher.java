package io.telejobs.ingest.publish;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Topic;
import io.telejobs.contracts.TopicReplay;
import io.telejobs.contracts.Topics;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.ingest.crawl.PostingSink;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
  private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
  /** New and changed postings published. */
  public final AtomicInteger published = new AtomicInteger();
  /** Of those, the ones not published before. */
  public final AtomicInteger newPostings = new AtomicInteger();
  public final AtomicInteger unchanged = new AtomicInteger();
  public final AtomicInteger errorsPublished = new AtomicInteger();
  public final AtomicInteger closedCount = new AtomicInteger();

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
    send(Topics.POSTINGS, posting.id(), posting);
    if (change == PostingLedger.Change.NEW) {
      newPostings.incrementAndGet();
    }
    published.incrementAndGet();
  }

  @Override
  public void closed(String id, String reason) {
    LOG.info("posting {} closed: {}", id, reason);
    send(Topics.POSTINGS, id, null);
    closedCount.incrementAndGet();
  }

  @Override
  public void error(IngestError error) {
    send(Topics.INGEST_ERRORS, error.url(), error);
    errorsPublished.incrementAndGet();
  }

  /** Binds the producer's own metrics (record rates, errors, latency) to a registry. */
  public io.micrometer.core.instrument.binder.MeterBinder metricsBinder() {
    return new io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics(producer);
  }

  /** Waits until every record sent so far is acknowledged; fails if any was not. */
  @Override
  public void flush() {
    producer.flush();
    Exception failure = sendFailure.getAndSet(null);
    if (failure != null) {
      throw new IllegalStateException("publishing to Kafka failed: " + failure.getMessage(), failure);
    }
  }

  private <V> void send(Topic<String, V> topic, String key, V value) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), k, v), (meta, e) -> {
      if (e != null) {
        LOG.error("could not publish {} to {}: {}", key, topic.name(), e.toString());
        sendFailure.compareAndSet(null, e);
        if (topic == Topics.POSTINGS) {
          unpublished(key, value == null);
        }
      }
    });
  }

  /** The ledger must not count as published what was not: the next crawl tries again. */
  private void unpublished(String id, boolean wasClose) {
    if (wasClose) {
      int colon = id.indexOf(':');
      ledger.reopen(id, colon > 0 ? id.substring(0, colon) : id);
    } else {
      ledger.forget(id);
    }
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
