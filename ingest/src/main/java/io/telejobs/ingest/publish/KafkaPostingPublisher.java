package io.telejobs.ingest.publish;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.Topic;
import io.telejobs.contracts.Topics;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.ingest.crawl.PostingSink;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
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
  public final AtomicInteger published = new AtomicInteger();
  public final AtomicInteger unchanged = new AtomicInteger();
  public final AtomicInteger errorsPublished = new AtomicInteger();

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
    PostingLedger.Change change = ledger.record(posting.id(), posting.contentHash());
    if (change == PostingLedger.Change.UNCHANGED) {
      unchanged.incrementAndGet();
      return;
    }
    send(Topics.POSTINGS, posting.id(), posting);
    published.incrementAndGet();
  }

  @Override
  public void error(IngestError error) {
    send(Topics.INGEST_ERRORS, error.url(), error);
    errorsPublished.incrementAndGet();
  }

  /** Waits until every record sent so far is acknowledged; fails if any was not. */
  public void flush() {
    producer.flush();
    Exception failure = sendFailure.getAndSet(null);
    if (failure != null) {
      throw new IllegalStateException("publishing to Kafka failed: " + failure.getMessage(), failure);
    }
  }

  private <V> void send(Topic<String, V> topic, String key, V value) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), k, v), (meta, e) -> {
      if (e != null) {
        LOG.error("could not publish {} to {}: {}", key, topic.name(), e.toString());
        sendFailure.compareAndSet(null, e);
      }
    });
  }

  private void restoreLedger(Properties clientProps) {
    Properties c = new Properties();
    c.putAll(clientProps);
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    c.remove(ConsumerConfig.GROUP_ID_CONFIG);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> parts = consumer.partitionsFor(Topics.POSTINGS.name(), Duration.ofSeconds(30))
          .stream().map(pi -> new TopicPartition(pi.topic(), pi.partition())).toList();
      consumer.assign(parts);
      consumer.seekToBeginning(parts);
      Map<TopicPartition, Long> end = consumer.endOffsets(parts);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (parts.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        if (System.nanoTime() > deadline) {
          LOG.warn("ledger restore stopped after 2 minutes; some unchanged postings may be republished");
          break;
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          String id = Topics.POSTINGS.keySerde().deserializer().deserialize(r.topic(), r.key());
          String hash = null;
          if (r.value() != null) {
            try {
              hash = Topics.POSTINGS.valueSerde().deserializer().deserialize(r.topic(), r.value())
                  .contentHash();
            } catch (RuntimeException e) {
              continue; // an unreadable old record: the next crawl republishes that posting
            }
          }
          ledger.restore(id, hash);
        }
      }
    }
    LOG.info("ledger restored from {}: {} live postings", Topics.POSTINGS.name(), ledger.size());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
