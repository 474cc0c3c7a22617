package io.telejobs.matcher.topology;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.tag.Tagger;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
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
 * jobs.postings.v1 (bytes) -> tag (store: matched-ids) -> split
 *   publish -> jobs.matched.v1 (MatchedJob)
 *   retract -> jobs.matched.v1 (tombstone)
 *   failed  -> matcher.dlq.v1 (original bytes, cause in headers)
 *   skip    -> (nothing)
 * </pre>
 */
public final class MatcherTopology {
  /** The state store of posting ids currently published as matched. */
  public static final String MATCHED_IDS_STORE = "matched-ids";

  private MatcherTopology() {}

  public static Topology build(Tagger tagger, Clock clock) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(MATCHED_IDS_STORE), Serdes.String(), Serdes.String()));

    KStream<byte[], byte[]> postings = builder.stream(Topics.POSTINGS.name(),
        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("postings-source"));

    KStream<byte[], Outcome> outcomes = postings.processValues(
        () -> new TagProcessor(tagger, clock, MATCHED_IDS_STORE), Named.as("tag"), MATCHED_IDS_STORE);

    Produced<byte[], MatchedJob> toMatched =
        Produced.with(Serdes.ByteArray(), Topics.MATCHED.valueSerde());
    outcomes.split(Named.as("route-"))
        .branch((k, v) -> v instanceof Outcome.Publish, Branched.withConsumer(s -> s
            .mapValues(v -> ((Outcome.Publish) v).job(), Named.as("publish-value"))
            .to(Topics.MATCHED.name(), toMatched.withName("matched-sink")), "publish"))
        .branch((k, v) -> v instanceof Outcome.Retract, Branched.withConsumer(s -> s
            .mapValues(v -> (MatchedJob) null, Named.as("tombstone-value"))
            .to(Topics.MATCHED.name(), toMatched.withName("tombstone-sink")), "retract"))
        .branch((k, v) -> v instanceof Outcome.Failed, Branched.withConsumer(s -> s
            .mapValues(v -> ((Outcome.Failed) v).value(), Named.as("dlq-value"))
            .to(Topics.MATCHER_DLQ.name(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName("dlq-sink")), "failed"))
        .noDefaultBranch();
    return builder.build();
  }
}
