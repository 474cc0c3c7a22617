package io.telejobs.matcher.topology;

import io.telejobs.contracts.Topics;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.streams.SizeGuard;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The matcher's only topology. It routes; the tagging is plain Java in {@link Tagger}.
 *
 * <pre>
 * jobs.postings.v1 (bytes, partitioned by company) -> tag (store matched-ids-v2) -> split
 *   failed  -> matcher.dlq.v1 (original bytes, cause in headers)
 *   changes -> key by job identity
 *           -> dedup (store dedup-groups-v3: links and times, no job JSON for one-source jobs)
 *           -> jobs.matched.v2 (MatchedJob, or tombstone)
 * </pre>
 *
 * <p>One sub-topology, no repartition topic: every writer of the postings topic puts a posting in its company's
 * partition ({@link io.telejobs.contracts.PostingPartitions}) and a job's identity starts with that company
 * key, so all postings of one identity reach one task. A posting whose company changes arrives in its new
 * partition marked as moved, after a tombstone marked as moved in the old one; see {@link DedupUpdate#moved}.
 *
 * <p>Market statistics are the analytics service's ({@code analytics} module), which reads jobs.matched.v2.
 */
public final class MatcherTopology {
  /**
   * Posting id to the identity it is published under. Version 2: partitioned by company (version 1 was by
   * posting id; its state does not carry over, see the README's upgrade note).
   */
  public static final String MATCHED_IDS_STORE = "matched-ids-v2";
  /**
   * Identity to its group of postings (binary, {@link MemberCodec#groupSerde()}). Version 3: partitioned by
   * company, with the company part of the identity from {@link io.telejobs.contracts.CompanyKey}
   * (version 2 was partitioned by identity through a repartition topic; the first kept a JSON group and every
   * member's whole job in a second store).
   */
  public static final String DEDUP_STORE = "dedup-groups-v3";
  /** How long a posting that is not seen again stays the same job as its group. */
  public static final Duration DEFAULT_DEDUP_WINDOW = Duration.ofDays(30);

  private MatcherTopology() {}

  public static Topology build(Tagger tagger, Clock clock) {
    return build(tagger, clock, DEFAULT_DEDUP_WINDOW);
  }

  /** How long one posting may take to tag before it is dead-lettered. */
  public static final Duration DEFAULT_TAG_BUDGET = Duration.ofSeconds(2);

  /** The largest matched job written when the topic's own limit is not known: below Kafka's default 1 MB. */
  public static final int DEFAULT_MAX_MATCHED_BYTES = 1_000_000;

  public static Topology build(Tagger tagger, Clock clock, Duration dedupWindow) {
    return build(tagger, clock, dedupWindow, DEFAULT_TAG_BUDGET, System::nanoTime, DEFAULT_MAX_MATCHED_BYTES);
  }

  /**
   * @param tagBudget how long one posting may take to tag; longer ones are dead-lettered
   * @param ticker nanosecond time for the budget ({@code System::nanoTime}; tests pass their own)
   * @param maxMatchedBytes matched jobs larger than this are dead-lettered instead of written
   */
  public static Topology build(Tagger tagger, Clock clock, Duration dedupWindow, Duration tagBudget,
      java.util.function.LongSupplier ticker, int maxMatchedBytes) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(MATCHED_IDS_STORE), Serdes.String(), Serdes.String()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(DEDUP_STORE), Serdes.String(), MemberCodec.groupSerde()));

    KStream<byte[], byte[]> postings = builder.stream(Topics.POSTINGS.name(),
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("postings-source"));
    KStream<byte[], Outcome> outcomes = postings.processValues(
        () -> new TagProcessor(tagger, clock, MATCHED_IDS_STORE, tagBudget, ticker), Named.as("tag"), MATCHED_IDS_STORE);

    Map<String, KStream<byte[], Outcome>> routes = outcomes.split(Named.as("route-"))
        .branch((k, v) -> v instanceof Outcome.Failed, Branched.withConsumer(s -> s
            .mapValues(v -> ((Outcome.Failed) v).value(), Named.as("dlq-value"))
            .to(Topics.MATCHER_DLQ.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName("dlq-sink")), "failed"))
        .defaultBranch(Branched.as("changes"));

    KStream<String, Member> published = routes.get("route-changes")
        .map((k, v) -> byIdentity(v), Named.as("key-by-identity")) // no repartition: the topic is by company
        .process(() -> new DedupProcessor(dedupWindow), Named.as("dedup"), DEDUP_STORE);
    SizeGuard.fitting(published.mapValues(m -> m == null ? null : m.json(), Named.as("matched-json")), maxMatchedBytes,
            "matcher", Topics.MATCHER_DLQ.name(), Topics.MATCHED.name(), "matched")
        .to(Topics.MATCHED.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("matched-sink"));
    return builder.build();
  }

  private static KeyValue<String, DedupUpdate> byIdentity(Outcome v) {
    if (v instanceof Outcome.Publish p) {
      return KeyValue.pair(p.identity(), new DedupUpdate(p.jobId(), p.identity(), p.member(), p.movedIn()));
    }
    Outcome.Retract r = (Outcome.Retract) v;
    return KeyValue.pair(r.identity(), new DedupUpdate(r.jobId(), r.identity(), null, r.movedAway()));
  }
}
