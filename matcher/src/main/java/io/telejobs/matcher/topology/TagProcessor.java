package io.telejobs.matcher.topology;

import io.telejobs.contracts.DeadLetters;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.PostingPartitions;
import io.telejobs.contracts.Topics;
import io.telejobs.matcher.tag.Budget;
import io.telejobs.matcher.tag.JobIdentity;
import io.telejobs.matcher.tag.TagInput;
import io.telejobs.matcher.tag.Tagger;
import io.telejobs.matcher.tag.Tagging;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a raw posting record and decides its {@link Outcome}. It remembers the identity of every posting
 * published as matched, so that a closed posting, or one that stops matching, is taken out of its group
 * (a tombstone when it was the last). Any failure becomes a {@link Outcome.Failed} with the cause in
 * headers. Postings that never matched produce nothing.
 */
final class TagProcessor implements FixedKeyProcessor<byte[], byte[], Outcome> {
  private static final Logger LOG = LoggerFactory.getLogger(TagProcessor.class);

  private final Tagger tagger;
  private final Clock clock;
  private final Duration budget;
  private final LongSupplier ticker;
  private final String storeName;
  private FixedKeyProcessorContext<byte[], Outcome> context;
  private KeyValueStore<String, String> matched;

  TagProcessor(Tagger tagger, Clock clock, String storeName, Duration budget, LongSupplier ticker) {
    this.tagger = tagger;
    this.clock = clock;
    this.budget = budget;
    this.ticker = ticker;
    this.storeName = storeName;
  }

  @Override
  public void init(FixedKeyProcessorContext<byte[], Outcome> context) {
    this.context = context;
    this.matched = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<byte[], byte[]> record) {
    if (record.key() == null) {
      fail(record, "read", new IllegalArgumentException("record has no key (posting id)"));
      return;
    }
    String id = new String(record.key(), StandardCharsets.UTF_8);
    if (record.value() == null) {
      retract(record, id, record.headers().lastHeader(PostingPartitions.MOVED_TO) != null);
      return;
    }
    Tagging byTitle;
    Tagger.Title title;
    try {
      title = tagger.readTitle(PostingPeek.title(record.value()));
      byTitle = tagger.certainNone(title);
    } catch (java.io.IOException e) {
      fail(record, "deserialize", new org.apache.kafka.common.errors.SerializationException(
          "cannot read JobPosting from " + Topics.POSTINGS.name() + ": " + e.getMessage().lines().findFirst().orElse(""), e));
      return;
    } catch (RuntimeException e) {
      fail(record, "tag", e);
      return;
    }
    if (byTitle != null) {
      retract(record, id, false);
      return;
    }
    JobPosting posting;
    try {
      posting = Topics.POSTINGS.valueSerde().deserializer().deserialize(Topics.POSTINGS.name(), record.value());
    } catch (RuntimeException e) {
      fail(record, "deserialize", e);
      return;
    }
    Tagging tagging;
    try {
      tagging = tagger.tag(TagInput.of(posting), title, Budget.of(budget, ticker));
    } catch (Budget.Exceeded e) {
      fail(record, "budget", e);
      return;
    } catch (RuntimeException e) {
      fail(record, "tag", e);
      return;
    }
    if (!tagging.matches()) {
      retract(record, id, false);
      return;
    }
    String identity = title.reads(posting.title())
        ? JobIdentity.ofTokens(posting.company(), title.tokens(), posting.locations(), tagging.country())
        : JobIdentity.of(posting.company(), posting.title(), posting.locations(), tagging.country());
    String previous = matched.get(id);
    boolean changedGroup = previous != null && !previous.equals(identity);
    if (changedGroup) {
      context.forward(record.withValue(new Outcome.Retract(id, previous, true))); // it moved to another group
    }
    matched.put(id, identity);
    MatchedJob job = tagging.toMatchedJob(posting, clock.instant());
    byte[] json = Topics.MATCHED.valueSerde().serializer().serialize(Topics.MATCHED.name(), job);
    Member member = new Member(json, posting.sourceUrl(), posting.applyUrl(), posting.postingUrl(), posting.source());
    context.forward(record.withValue(new Outcome.Publish(id, member, identity, changedGroup || movedIn(record))));
  }

  /**
   * A posting that closed or does not match: if it was published, take it out of its group. One that moved in
   * from another partition may have been published there: its id gets a tombstone from here.
   *
   * @param movedAway a tombstone left in its old partition when its company changed
   */
  private void retract(FixedKeyRecord<byte[], byte[]> record, String id, boolean movedAway) {
    String identity = matched.get(id);
    if (identity != null) {
      matched.delete(id);
      context.forward(record.withValue(new Outcome.Retract(id, identity, movedAway)));
    } else if (movedIn(record)) {
      context.forward(record.withValue(new Outcome.Retract(id, null, false)));
    }
  }

  private static boolean movedIn(FixedKeyRecord<byte[], byte[]> record) {
    return record.value() != null && record.headers().lastHeader(PostingPartitions.MOVED_FROM) != null;
  }

  private void fail(FixedKeyRecord<byte[], byte[]> record, String stage, Throwable cause) {
    RecordMetadata meta = context.recordMetadata().orElse(null);
    Headers headers = DeadLetters.headers(record.headers(), "matcher", stage, cause,
        meta == null ? null : meta.topic(), meta == null ? -1 : meta.partition(), meta == null ? -1 : meta.offset());
    LOG.warn("dead-lettering record at {}: {} failed: {}", meta == null ? "?" : meta.topic() + "-"
        + meta.partition() + "@" + meta.offset(), stage, cause.getMessage());
    context.forward(record.withValue((Outcome) new Outcome.Failed(record.value(), stage, cause)).withHeaders(headers));
  }
}
