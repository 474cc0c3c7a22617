package io.telejobs.streams;

import io.telejobs.contracts.DeadLetters;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps records too large for their topic out of it: a broker's refusal inside a transaction aborts the
 * whole transaction, so the same record would fail again on every retry (a crash loop). A value over the
 * limit is dead-lettered here, before it is sent, with its cause; the others go on.
 */
public final class SizeGuard {
  private static final Logger LOG = LoggerFactory.getLogger(SizeGuard.class);

  private SizeGuard() {}

  /**
   * The records of {@code stream} whose values fit in {@code maxValueBytes}; the others go to
   * {@code deadLetterTopic} (string keys, cut values, cause in headers).
   *
   * @param name a name for the processors, unique in the topology
   */
  public static KStream<String, byte[]> fitting(KStream<String, byte[]> stream, int maxValueBytes, String app,
      String deadLetterTopic, String target, String name) {
    KStream<String, Sized> sized = stream.processValues(() -> new Check(maxValueBytes, app, target),
        Named.as(name + "-size-check"));
    sized.filter((k, v) -> v != null && v.tooLarge(), Named.as(name + "-too-large"))
        .mapValues(Sized::value, Named.as(name + "-too-large-value"))
        .to(deadLetterTopic, Produced.with(Serdes.String(), Serdes.ByteArray()).withName(name + "-too-large-dlq"));
    return sized.filter((k, v) -> v == null || !v.tooLarge(), Named.as(name + "-fits"))
        .mapValues(v -> v == null ? null : v.value(), Named.as(name + "-fits-value"));
  }

  /** A value and whether it was too large; a tombstone is null. */
  record Sized(byte[] value, boolean tooLarge) {}

  private static final class Check implements FixedKeyProcessor<String, byte[], Sized> {
    private final int max;
    private final String app;
    private final String target;
    private FixedKeyProcessorContext<String, Sized> context;

    Check(int max, String app, String target) {
      this.max = max;
      this.app = app;
      this.target = target;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Sized> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
      byte[] v = record.value();
      if (v == null || v.length <= max) {
        context.forward(record.withValue(v == null ? null : new Sized(v, false)));
        return;
      }
      RecordMetadata m = context.recordMetadata().orElse(null);
      RecordTooLargeException cause = new RecordTooLargeException("a " + v.length + "-byte record for " + target
          + " is over its " + max + "-byte limit");
      Headers headers = DeadLetters.headers(record.headers(), app, "produce:" + target, cause,
          m == null ? null : m.topic(), m == null ? -1 : m.partition(), m == null ? -1 : m.offset());
      LOG.warn("{}: dead-lettering {}: {}", app, record.key(), cause.getMessage());
      context.forward(record.withValue(new Sized(DeadLetters.cappedValue(v, headers), true)).withHeaders(headers));
    }
  }
}
