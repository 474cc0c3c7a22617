package io.telejobs.matcher.topology;

import io.telejobs.contracts.JsonSerde;
import io.telejobs.matcher.stats.SalarySample;
import io.telejobs.matcher.stats.StatFacts;
import io.telejobs.matcher.stats.StatRows;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
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
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The matcher's only topology. It routes; the tagging is plain Java in {@link Tagger}.
 *
 * <pre>
 * jobs.postings.v1 (bytes) -> tag (store matched-ids) -> split
 *   failed  -> matcher.dlq.v1 (original bytes, cause in headers)
 *   changes -> key by job identity -> repartition "by-identity"
 *           -> dedup (stores dedup-groups, dedup-members) -> jobs.matched.v2 (MatchedJob, or tombstone)
 *           -> facts -> table live-jobs -> counts (stats-counts), salary percentiles (stats-salaries) -> jobs.stats.v1
 * </pre>
 */
public final class MatcherTopology {
  /** Posting id to the identity it is published under. */
  public static final String MATCHED_IDS_STORE = "matched-ids";
  /** Identity to its group of postings. */
  public static final String DEDUP_GROUPS_STORE = "dedup-groups";
  /** Identity plus posting id to the posting's tagged job. */
  public static final String DEDUP_MEMBERS_STORE = "dedup-members";
  /** Published job id to what the live job counts in ({@link StatFacts}), for the statistics. */
  public static final String LIVE_JOBS_STORE = "live-jobs";
  /** Count row key to live jobs in it (queryable). */
  public static final String STATS_COUNTS_STORE = "stats-counts";
  /** Salary row key to its sample (queryable). */
  public static final String STATS_SALARIES_STORE = "stats-salaries";
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
        Stores.persistentKeyValueStore(DEDUP_GROUPS_STORE), Serdes.String(), new JsonSerde<>(DedupGroup.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(DEDUP_MEMBERS_STORE), Serdes.String(), MemberCodec.memberSerde()));

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
        .map((k, v) -> byIdentity(v), Named.as("key-by-identity"))
        .repartition(Repartitioned.with(Serdes.String(), MemberCodec.updateSerde()).withName("by-identity"))
        .process(() -> new DedupProcessor(dedupWindow), Named.as("dedup"), DEDUP_GROUPS_STORE, DEDUP_MEMBERS_STORE);
    SizeGuard.fitting(published.mapValues(m -> m == null ? null : m.json(), Named.as("matched-json")), maxMatchedBytes,
            "matcher", Topics.MATCHER_DLQ.name(), Topics.MATCHED.name(), "matched")
        .to(Topics.MATCHED.name(), Produced.with(Serdes.String(), Serdes.ByteArray()).withName("matched-sink"));
    stats(published.mapValues(m -> m == null ? null : m.facts(), Named.as("stat-facts")));
    return builder.build();
  }

  /**
   * Market statistics from the live published jobs: counts per day x tier x level x band x country x work
   * mode, and salary percentiles per day x level x currency. Both are queryable stores and rows on
   * {@code jobs.stats.v1}; a row whose count drops to zero becomes a tombstone.
   */
  private static void stats(KStream<String, StatFacts> published) {
    JsonSerde<StatFacts> factsSerde = new JsonSerde<>(StatFacts.class);
    KTable<String, StatFacts> live = published
        .toTable(Named.as("live-jobs"), Materialized.<String, StatFacts, KeyValueStore<Bytes, byte[]>>as(LIVE_JOBS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(factsSerde));

    live.groupBy((id, facts) -> KeyValue.pair(facts.countKey(), facts),
            Grouped.with("stats-count-rows", Serdes.String(), factsSerde))
        .count(Named.as("stats-count"), Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(STATS_COUNTS_STORE)
            .withKeySerde(Serdes.String()).withValueSerde(Serdes.Long()))
        .toStream(Named.as("stats-count-changes"))
        .mapValues((key, count) -> count == null || count == 0 ? null : StatRows.countRow(key, count),
            Named.as("stats-count-row"))
        .to(Topics.STATS.name(), Produced.with(Serdes.String(), Topics.STATS.valueSerde()).withName("stats-count-out"));

    live.filter((id, facts) -> facts.salaryKey() != null, Named.as("jobs-with-pay"))
        .groupBy((id, facts) -> KeyValue.pair(facts.salaryKey(), facts.midpoint()),
            Grouped.with("stats-salary-rows", Serdes.String(), Serdes.Long()))
        .aggregate(SalarySample::empty, (key, v, sample) -> sample.add(v), (key, v, sample) -> sample.remove(v),
            Named.as("stats-salary"), Materialized.<String, SalarySample, KeyValueStore<Bytes, byte[]>>as(STATS_SALARIES_STORE)
                .withKeySerde(Serdes.String()).withValueSerde(new JsonSerde<>(SalarySample.class)))
        .toStream(Named.as("stats-salary-changes"))
        .mapValues((key, sample) -> sample == null || sample.size() == 0 ? null : StatRows.salaryRow(key, sample),
            Named.as("stats-salary-row"))
        .to(Topics.STATS.name(), Produced.with(Serdes.String(), Topics.STATS.valueSerde()).withName("stats-salary-out"));
  }

  private static KeyValue<String, DedupUpdate> byIdentity(Outcome v) {
    if (v instanceof Outcome.Publish p) {
      return KeyValue.pair(p.identity(), new DedupUpdate(p.jobId(), p.identity(), p.member()));
    }
    Outcome.Retract r = (Outcome.Retract) v;
    return KeyValue.pair(r.identity(), new DedupUpdate(r.jobId(), r.identity(), null));
  }
}
