package io.telejobs.analytics.topology;

import io.telejobs.analytics.market.JobFact;
import io.telejobs.analytics.stats.SalarySample;
import io.telejobs.analytics.stats.StatFacts;
import io.telejobs.analytics.stats.StatRows;
import io.telejobs.contracts.JsonSerde;
import io.telejobs.contracts.Json;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The analytics topology: keeps one {@link JobFact} per job, with the day it was first seen and the day it
 * closed, from the compacted matched-jobs topic (and the sample-history topic). The statistics are computed
 * from this store when they are asked for.
 *
 * <pre>
 * jobs.matched.v2, jobs.matched.sample.v1 -> facts (store: market-jobs)
 *   jobs.matched.v2 only -> stat facts -> table live-jobs -> counts (stats-counts),
 *                           salary percentiles (stats-salaries) -> jobs.stats.v1
 * </pre>
 *
 * <p>The statistics rows moved here from the matcher: the matcher tags and dedups only.
 */
public final class AnalyticsTopology {
  public static final String JOBS_STORE = "market-jobs";
  /** Published job id to what the live job counts in ({@link StatFacts}). */
  public static final String LIVE_JOBS_STORE = "live-jobs";
  /** Count row key to live jobs in it. */
  public static final String STATS_COUNTS_STORE = "stats-counts";
  /** Salary row key to its sample. */
  public static final String STATS_SALARIES_STORE = "stats-salaries";

  private AnalyticsTopology() {}

  public static Topology build() {
    StreamsBuilder b = new StreamsBuilder();
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JOBS_STORE), Serdes.String(),
        Serdes.ByteArray()));
    KStream<String, StatFacts> live = b.stream(List.of(Topics.MATCHED.name(), Topics.MATCHED_SAMPLE.name()),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("matched-source"))
        .process(FactUpdater::new, Named.as("facts"), JOBS_STORE);
    stats(live);
    return b.build();
  }

  /**
   * Market statistics rows from the live matched jobs (the sample history is left out): counts per day x tier
   * x level x band x country x work mode, and salary percentiles per day x level x currency, on
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

  /** The fact of a matched job first seen on {@code firstSeen}. Plain mapping, no I/O. */
  public static JobFact fact(MatchedJob j, LocalDate firstSeen, boolean sample) {
    return new JobFact(j.jobId(), j.title(), j.company(), j.country(),
        j.workMode() == null ? "unknown" : j.workMode().name().toLowerCase(java.util.Locale.ROOT),
        j.tier().name().toLowerCase(java.util.Locale.ROOT), j.level().name().toLowerCase(java.util.Locale.ROOT),
        j.salary() == null || j.salary().band() == null ? null : j.salary().band().name().toLowerCase(java.util.Locale.ROOT),
        j.salary() == null ? null : j.salary().currency(),
        j.salary() == null || j.salary().annualMin() == null ? null : j.salary().annualMin().doubleValue(),
        j.salary() == null || j.salary().annualMax() == null ? null : j.salary().annualMax().doubleValue(),
        j.skills(), j.certifications(), j.industries(), j.link(), firstSeen, null, sample);
  }

  public static byte[] write(JobFact f) {
    try {
      return Json.mapper().writeValueAsBytes(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JobFact read(byte[] bytes) {
    try {
      return Json.mapper().readValue(bytes, JobFact.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A job's first appearance sets its first-seen day (when ingest fetched it); later versions keep that day and
   * take the new facets; a tombstone closes it on the day of the tombstone. A record that cannot be read is
   * dead-lettered by the processing-exception handler ({@code analytics.dlq.v1}).
   */
  static final class FactUpdater implements Processor<byte[], byte[], String, StatFacts> {
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<String, StatFacts> context;

    @Override
    public void init(ProcessorContext<String, StatFacts> context) {
      this.context = context;
      this.store = context.getStateStore(JOBS_STORE);
    }

    @Override
    public void process(Record<byte[], byte[]> r) {
      if (r.key() == null) {
        return;
      }
      String id = new String(r.key(), StandardCharsets.UTF_8);
      byte[] old = store.get(id);
      JobFact before = old == null ? null : read(old);
      LocalDate day = Instant.ofEpochMilli(r.timestamp()).atZone(ZoneOffset.UTC).toLocalDate();
      boolean sample = context.recordMetadata().map(m -> m.topic().equals(Topics.MATCHED_SAMPLE.name())).orElse(false);
      if (r.value() == null) {
        if (before != null) {
          store.put(id, write(before.closed(day)));
        }
        if (!sample) {
          context.forward(new Record<>(id, null, r.timestamp()));
        }
        return;
      }
      MatchedJob job = Topics.MATCHED.valueSerde().deserializer().deserialize(Topics.MATCHED.name(), r.value());
      LocalDate firstSeen = before != null ? before.firstSeen()
          : job.fetchedAt() != null ? job.fetchedAt().atZone(ZoneOffset.UTC).toLocalDate() : day;
      store.put(id, write(fact(job, firstSeen, sample)));
      if (!sample) {
        context.forward(new Record<>(id, StatFacts.of(job), r.timestamp()));
      }
    }
  }
}
