package io.telejobs.matcher.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.Postings;
import io.telejobs.matcher.Profiles;
import io.telejobs.matcher.tag.TagInput;
import io.telejobs.matcher.tag.Tagger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dedup step alone, on a mock context with a real in-memory store. */
class DedupProcessorTest {
  private static final Tagger TAGGER = new Tagger(Profiles.TELEHEALTH);
  private MockProcessorContext<String, Member> context;
  private DedupProcessor dedup;

  @BeforeEach
  void setUp() {
    context = new MockProcessorContext<>();
    KeyValueStore<String, DedupGroup> store = Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(MatcherTopology.DEDUP_STORE), Serdes.String(), MemberCodec.groupSerde())
        .withLoggingDisabled().build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore(store);
    dedup = new DedupProcessor(Duration.ofDays(30));
    dedup.init(context);
  }

  private static byte[] json(String id) {
    var posting = Postings.posting(id, "Telehealth Project Manager", "Lead our telehealth roll-out.");
    MatchedJob job = TAGGER.tag(TagInput.of(posting)).toMatchedJob(posting, Instant.parse("2026-12-04T10:00:00Z"));
    return Topics.MATCHED.valueSerde().serializer().serialize("t", job);
  }

  private MatchedJob lastPublished() {
    List<MockProcessorContext.CapturedForward<? extends String, ? extends Member>> out = context.forwarded();
    Member m = out.get(out.size() - 1).record().value();
    return Topics.MATCHED.valueSerde().deserializer().deserialize("t", m.json());
  }

  /** A member written before its links were kept (codec version 3) has no source: the content's own stay. */
  @Test
  void aMemberWithoutItsLinksKeepsTheContentsOwn() {
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate("a", "acme|pm|us",
        new Member(json("a"), "https://careers.example.org/jobs/a", null, null, null)), 1L));
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate("b", "acme|pm|us",
        new Member(json("b"), "https://careers.example.org/jobs/b", null, null, null)), 2L));
    MatchedJob grouped = lastPublished();
    assertThat(grouped.jobId()).isEqualTo("a");
    assertThat(grouped.postingId()).isEqualTo("b");
    assertThat(grouped.source()).isEqualTo("test");
    assertThat(grouped.sourceUrls()).containsExactly("https://careers.example.org/jobs/a",
        "https://careers.example.org/jobs/b");
  }

  @Test
  void aPostingNotInTheGroupLeavingPublishesNothing() {
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate("a", "acme|pm|us",
        new Member(json("a"), "https://careers.example.org/jobs/a", null, "https://careers.example.org/jobs/a", "test")),
        1L));
    context.resetForwards();
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate("x", "acme|pm|us", null), 2L));
    assertThat(context.forwarded()).isEmpty();
  }
}
