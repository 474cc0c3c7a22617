package io.telejobs.contracts;

import java.io.IOException;
import java.util.Map;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;

/**
 * A producer's {@code partitioner.class} for writers of {@code jobs.postings.v1} other than ingest (tools,
 * tests, benchmarks): each posting goes to its company's partition ({@link PostingPartitions#of}), read from
 * the {@link JobPosting} or from its JSON. It cannot place a tombstone (a tombstone names no company) and
 * refuses one: a closing goes where the posting is, which only the writer knows; ingest, which moves and
 * closes postings, chooses partitions itself.
 */
public final class PostingPartitioner implements Partitioner {
  /** Producer settings of such a writer: {@code clientProps} with this partitioner. */
  public static java.util.Properties writer(java.util.Properties clientProps) {
    java.util.Properties p = new java.util.Properties();
    p.putAll(clientProps);
    p.put(org.apache.kafka.clients.producer.ProducerConfig.PARTITIONER_CLASS_CONFIG, PostingPartitioner.class.getName());
    return p;
  }

  @Override
  public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
    int partitions = cluster.partitionCountForTopic(topic);
    if (value instanceof JobPosting posting) {
      return PostingPartitions.of(posting.company(), partitions);
    }
    if (valueBytes == null) {
      throw new IllegalArgumentException("a tombstone for " + topic + " names no company: give its partition");
    }
    try {
      var company = Json.mapper().readTree(valueBytes).get("company");
      return PostingPartitions.of(company == null || !company.isTextual() ? null : company.asText(), partitions);
    } catch (IOException e) { // not a posting: the matcher dead-letters it wherever it lands
      return PostingPartitions.of(null, partitions);
    }
  }

  @Override
  public void configure(Map<String, ?> configs) {}

  @Override
  public void close() {}
}
