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

  @Test
  void aPostingNotInTheGroupLeavingPublishesNothing() {
    publish("a", false, 1L);
    context.resetForwards();
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate("x", "acme|pm|us", null, false), 2L));
    assertThat(context.forwarded()).isEmpty();
  }

  private void publish(String id, boolean movedIn, long at) {
    String url = "https://careers.example.org/jobs/" + id;
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate(id, "acme|pm|us", new Member(json(id), url, null, url,
        "test"), movedIn), at));
  }

  private List<String> forwardedKeys() {
    return context.forwarded().stream().map(f -> f.record().key() + (f.record().value() == null ? " (tombstone)" : ""))
        .toList();
  }

  /** Its company changed, so its partition: the one it left says nothing for its id; the new one speaks for it. */
  @Test
  void aPostingThatMovedAwayLeavesItsIdToItsNewPartition() {
    publish("a", false, 1L);
    context.resetForwards();
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate("a", "acme|pm|us", null, true), 2L));
    assertThat(forwardedKeys()).isEmpty();
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate("a", "acme|pm|us", null, false), 3L));
    assertThat(forwardedKeys()).as("the group is gone: a later retraction of its id is the plain one")
        .containsExactly("a (tombstone)");
  }

  @Test
  void aGroupWhoseIdMovedAwayGoesOnUnderAnotherMember() {
    publish("a", false, 1L);
    publish("b", false, 2L);
    context.resetForwards();
    dedup.process(new Record<>("acme|pm|us", new DedupUpdate("a", "acme|pm|us", null, true), 3L));
    assertThat(forwardedKeys()).containsExactly("b");
    assertThat(lastPublished().jobId()).isEqualTo("b");
    assertThat(lastPublished().sourceUrls()).containsExactly("https://careers.example.org/jobs/b");
  }

  @Test
  void aPostingThatMovedInToAnotherGroupTombstonesItsOwnId() {
    publish("b", false, 1L);
    context.resetForwards();
    publish("a", true, 2L);
    assertThat(forwardedKeys()).containsExactly("b", "a (tombstone)");
    context.resetForwards();
    publish("c", false, 3L);
    assertThat(forwardedKeys()).as("only a posting that moved in").containsExactly("b");
  }

  @Test
  void aPostingThatMovedInAndDoesNotMatchTombstonesItsId() {
    dedup.process(new Record<>(null, new DedupUpdate("a", null, null, false), 1L));
    assertThat(forwardedKeys()).containsExactly("a (tombstone)");
  }
}
