package io.telejobs.ingest.publish;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.Limits;
import java.time.Instant;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.PostingPartitions;
import io.telejobs.contracts.Topic;
import io.telejobs.contracts.TopicReplay;
import io.telejobs.contracts.Topics;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.ingest.crawl.PostingSink;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only producer of ingest. Publishes new and changed postings keyed by posting id (idempotent,
 * {@code acks=all}) to the partition of their company ({@link PostingPartitions}), skips unchanged ones, and
 * publishes crawl errors. On start it rebuilds its ledger of published content hashes from the compacted
 * postings topic, so a restart does not republish.
 *
 * <p>A posting whose company changes moves partition: a tombstone marked {@link PostingPartitions#MOVED_TO}
 * goes to the old partition first, so no stale copy stays there. The rebuild on start finds copies left in
 * a wrong partition (a move half done, or postings written before the topic was partitioned by company):
 * the newest copy counts, older copies elsewhere get their tombstone at once, and a posting in a partition
 * other than its company's is moved by the next crawl that finds it.
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
  /** The partition each open posting was last written to. */
  private final java.util.Map<String, Integer> placed = new java.util.concurrent.ConcurrentHashMap<>();
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
    int partition = PostingPartitions.of(posting.company(), partitions());
    Integer was = placed.put(posting.id(), partition);
    RecordHeaders headers = new RecordHeaders();
    if (was != null && was != partition) { // its company changed: leave nothing in the old partition
      send(Topics.POSTINGS, was, posting.id(), null, moved(PostingPartitions.MOVED_TO, partition), e -> {
        ledger.forget(posting.id()); // the next crawl moves it again, tombstone first
        placed.put(posting.id(), was);
        refused.add(new IngestError(IngestError.SCHEMA_VERSION, posting.source(), posting.pageUrl(),
            IngestError.Stage.PUBLISH, "the old copy of posting " + posting.id() + " (its company changed) could not be "
                + "removed: " + reason(e), Instant.now()));
      });
      headers = moved(PostingPartitions.MOVED_FROM, was);
    }
    send(Topics.POSTINGS, partition, posting.id(), posting, headers, e -> {
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
    Integer partition = placed.remove(id);
    send(Topics.POSTINGS, partition, id, null, new RecordHeaders(), e -> {
      if (partition != null) {
        placed.put(id, partition);
      }
      ledger.reopen(id, source); // not closed yet: the next complete crawl closes it again
      refused.add(new IngestError(IngestError.SCHEMA_VERSION, source, id, IngestError.Stage.PUBLISH,
          "the closing of posting " + id + " could not be published: " + reason(e), Instant.now()));
    });
    closedCount.incrementAndGet();
  }

  @Override
  public void error(IngestError error) {
    send(Topics.INGEST_ERRORS, null, error.url(), error, new RecordHeaders(), e -> LOG.error(
        "could not publish the crawl error for {} to {}: {}", error.url(), Topics.INGEST_ERRORS.name(), reason(e)));
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

  /** Headers naming the partition a posting moved to or from ({@link PostingPartitions#MOVED_TO}, {@code MOVED_FROM}). */
  private static RecordHeaders moved(String header, int partition) {
    RecordHeaders headers = new RecordHeaders();
    headers.add(header, Integer.toString(partition).getBytes(StandardCharsets.UTF_8));
    return headers;
  }

  /** The postings topic's partition count, from the producer's metadata (cached after the first call). */
  private int partitions() {
    return producer.partitionsFor(Topics.POSTINGS.name()).size();
  }

  /** @param partition where to write, or null for the producer's choice by key */
  private <V> void send(Topic<String, V> topic, Integer partition, String key, V value, RecordHeaders headers,
      java.util.function.Consumer<Exception> onFailure) {
    byte[] k = topic.keySerde().serializer().serialize(topic.name(), key);
    byte[] v = value == null ? null : topic.valueSerde().serializer().serialize(topic.name(), value);
    producer.send(new ProducerRecord<>(topic.name(), partition, k, v, headers), (meta, e) -> {
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

  /** The last record of a posting in one partition, as the replay found it. */
  private record Copy(String hash, String source, java.time.LocalDate validThrough, int partition, long timestamp,
      boolean inItsPartition) {}

  /**
   * Rebuilds the ledger and where each posting is. Compaction keeps one record per posting per partition,
   * so a posting can have a live copy in more than one partition (a move whose tombstone was not written):
   * the newest copy counts and the older ones get their tombstone now. A posting not in its company's
   * partition gets an empty hash, so the next crawl that finds it takes it for changed and moves it.
   */
  private void restoreLedger(Properties clientProps) {
    int partitions = partitions();
    // per posting its one live copy (a Copy), or, rarely, copies in several partitions (a Map by partition)
    java.util.Map<String, Object> copies = new java.util.HashMap<>();
    long read = TopicReplay.replay(clientProps, Topics.POSTINGS, (id, posting, readable, partition, timestamp) -> {
      if (!readable) {
        return; // an unreadable old record: the next crawl republishes that posting
      }
      Object known = copies.get(id);
      if (posting == null) {
        if (known instanceof Copy c && c.partition() == partition) {
          copies.remove(id);
        } else if (known instanceof java.util.Map<?, ?> byPartition) {
          byPartition.remove(partition);
          if (byPartition.size() == 1) {
            copies.put(id, byPartition.values().iterator().next());
          }
        }
        return;
      }
      Copy copy = new Copy(posting.contentHash(), posting.source(), posting.validThrough(), partition, timestamp,
          PostingPartitions.of(posting.company(), partitions) == partition);
      if (known == null || known instanceof Copy c && c.partition() == partition) {
        copies.put(id, copy);
      } else if (known instanceof Copy c) {
        java.util.Map<Integer, Copy> byPartition = new java.util.HashMap<>(4);
        byPartition.put(c.partition(), c);
        byPartition.put(partition, copy);
        copies.put(id, byPartition);
      } else {
        @SuppressWarnings("unchecked")
        java.util.Map<Integer, Copy> byPartition = (java.util.Map<Integer, Copy>) known;
        byPartition.put(partition, copy);
      }
    }, Duration.ofMinutes(2));
    int stale = 0;
    int misplaced = 0;
    for (var e : copies.entrySet()) {
      @SuppressWarnings("unchecked")
      java.util.Collection<Copy> live = e.getValue() instanceof Copy c ? List.of(c)
          : ((java.util.Map<Integer, Copy>) e.getValue()).values();
      Copy newest = java.util.Collections.max(live,
          java.util.Comparator.comparingLong(Copy::timestamp).thenComparing(Copy::inItsPartition));
      ledger.restore(e.getKey(), newest.inItsPartition() ? newest.hash() : "", newest.source(), newest.validThrough());
      placed.put(e.getKey(), newest.partition());
      misplaced += newest.inItsPartition() ? 0 : 1;
      for (Copy old : live) {
        if (old != newest) {
          stale++;
          send(Topics.POSTINGS, old.partition(), e.getKey(), null, moved(PostingPartitions.MOVED_TO, newest.partition()),
              x -> LOG.warn("could not remove the stale copy of posting {} in partition {}: {}", e.getKey(),
                  old.partition(), reason(x)));
        }
      }
    }
    producer.flush();
    LOG.info("ledger restored from {} ({} records): {} live postings", Topics.POSTINGS.name(), read, ledger.size());
    if (stale > 0 || misplaced > 0) {
      LOG.info("{} stale copies of moved postings removed; {} postings not in their company's partition are moved "
          + "by the next crawl that finds them", stale, misplaced);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }
}
