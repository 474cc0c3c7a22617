package io.telejobs.analytics.topology;

import io.telejobs.analytics.market.JobFact;
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
 * </pre>
 */
public final class AnalyticsTopology {
  public static final String JOBS_STORE = "market-jobs";

  private AnalyticsTopology() {}

  public static Topology build() {
    StreamsBuilder b = new StreamsBuilder();
    b.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(JOBS_STORE), Serdes.String(),
        Serdes.ByteArray()));
    b.stream(List.of(Topics.MATCHED.name(), Topics.MATCHED_SAMPLE.name()),
            Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("matched-source"))
        .process(FactUpdater::new, Named.as("facts"), JOBS_STORE);
    return b.build();
  }

  /** The fact of a matched job first seen on {@code firstSeen}. Plain mapping, no I/O. */
  public static JobFact fact(MatchedJob j, LocalDate firstSeen, boolean sample) {
    return new JobFact(j.jobId(), j.title(), j.company(), j.country(),
        j.workMode() == null ? "unknown" : j.workMode().name().toLowerCase(java.util.Locale.ROOT),
        j.tier().name().toLowerCase(java.util.Locale.ROOT), j.level().name().toLowerCase(java.util.Locale.ROOT),
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
  static final class FactUpdater implements Processor<byte[], byte[], Void, Void> {
    private KeyValueStore<String, byte[]> store;
    private ProcessorContext<Void, Void> context;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
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
      if (r.value() == null) {
        if (before != null) {
          store.put(id, write(before.closed(day)));
        }
        return;
      }
      MatchedJob job = Topics.MATCHED.valueSerde().deserializer().deserialize(Topics.MATCHED.name(), r.value());
      boolean sample = context.recordMetadata().map(m -> m.topic().equals(Topics.MATCHED_SAMPLE.name())).orElse(false);
      LocalDate firstSeen = before != null ? before.firstSeen()
          : job.fetchedAt() != null ? job.fetchedAt().atZone(ZoneOffset.UTC).toLocalDate() : day;
      store.put(id, write(fact(job, firstSeen, sample)));
    }
  }
}
