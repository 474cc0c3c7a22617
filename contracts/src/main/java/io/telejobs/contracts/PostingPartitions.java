package io.telejobs.contracts;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * Where a posting lives in {@code jobs.postings.v1}: the partition of its hiring company. The matcher
 * groups the same job from several sources by an identity that starts with the company's key
 * ({@link CompanyKey}), so every posting that can share an identity shares a partition, and the matcher
 * dedups within one task, without a repartition topic.
 *
 * <p>Every writer of the postings topic chooses the partition with {@link #of}. When a posting's company
 * changes, so does its partition: ingest then writes a tombstone to the old partition carrying
 * {@link #MOVED_TO} and the new record carrying {@link #MOVED_FROM}, so that no stale copy stays in the old
 * partition (the topic is compacted per partition) and the matcher knows the job moved rather than closed.
 */
public final class PostingPartitions {
  /** Header of the tombstone left in a posting's old partition: the partition it moved to. */
  public static final String MOVED_TO = "telejobs-moved-to";
  /** Header of a posting written to a new partition: the partition it left. */
  public static final String MOVED_FROM = "telejobs-moved-from";

  private PostingPartitions() {}

  /** The partition, of {@code partitions}, for postings of {@code company}: Kafka's own hash of its {@link CompanyKey}. */
  public static int of(String company, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException("a topic has at least one partition, not " + partitions);
    }
    return Utils.toPositive(Utils.murmur2(CompanyKey.of(company).getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
