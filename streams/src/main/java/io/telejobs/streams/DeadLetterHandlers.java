package io.telejobs.streams;

import io.telejobs.contracts.DeadLetters;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poison record never stops a Streams application: every failure of any processing step, of writing
 * a result (a record too large for Kafka, one that cannot be serialised) and of reading an input becomes
 * a dead letter (the source record's bytes, cut to {@link DeadLetters#MAX_VALUE_BYTES}, with the cause
 * in {@code dlq.*} headers) and processing goes on. The dead letter is written in the same transaction as
 * the task's other output, so it is neither lost nor doubled.
 *
 * <p>{@link #configure} sets all three handlers on a Streams configuration.
 */
public final class DeadLetterHandlers {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

  /** Config key: the dead-letter topic. */
  public static final String TOPIC = "telejobs.dead.letter.topic";
  /** Config key: the application named in the dead letters' headers. */
  public static final String APP = "telejobs.dead.letter.app";

  private DeadLetterHandlers() {}

  /** Adds the handlers, the topic and the application name to Streams properties. */
  public static Properties configure(Properties streams, String app, String deadLetterTopic) {
    streams.put(TOPIC, deadLetterTopic);
    streams.put(APP, app);
    streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, Processing.class.getName());
    streams.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, Production.class.getName());
    streams.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, Deserialization.class.getName());
    streams.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
    return streams;
  }

  /** What every handler needs: where dead letters go and how they are named. */
  private abstract static class Base {
    String topic;
    String app;

    public void configure(Map<String, ?> configs) {
      Object t = configs.get(TOPIC);
      Object a = configs.get(APP);
      if (t == null || a == null) {
        throw new IllegalStateException("dead-letter handlers need " + TOPIC + " and " + APP);
      }
      topic = t.toString();
      app = a.toString();
    }

    ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext ctx, String stage, Exception e) {
      Headers headers = DeadLetters.headers(ctx.headers(), app, stage, e, ctx.topic(), ctx.partition(), ctx.offset());
      LOG.warn("{}: dead-lettering the record at {}-{}@{}: {} failed: {}", app, ctx.topic(), ctx.partition(),
          ctx.offset(), stage, e.getMessage());
      return new ProducerRecord<>(topic, null, ctx.sourceRawKey(),
          DeadLetters.cappedValue(ctx.sourceRawValue(), headers), headers);
    }
  }

  /** Any exception a processor throws. */
  public static final class Processing extends Base implements ProcessingExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext ctx, Record<?, ?> record, Exception e) {
      return Response.resume(List.of(deadLetter(ctx, "process:" + ctx.processorNodeId(), e)));
    }
  }

  /**
   * A result Kafka would not take. A passing broker problem is retried; a record that can never be
   * written (too large, not serialisable) is dead-lettered.
   */
  public static final class Production extends Base implements ProductionExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext ctx, ProducerRecord<byte[], byte[]> record, Exception e) {
      if (e instanceof RetriableException && !(e instanceof RecordTooLargeException)) {
        return Response.retry();
      }
      return Response.resume(List.of(deadLetter(ctx, "produce:" + record.topic(), e)));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext ctx, ProducerRecord record, Exception e,
        SerializationExceptionOrigin origin) {
      return Response.resume(List.of(deadLetter(ctx, "serialize:" + record.topic(), e)));
    }
  }

  /** An input record that cannot be read with its topic's serdes. */
  public static final class Deserialization extends Base implements DeserializationExceptionHandler {
    @Override
    public Response handleError(ErrorHandlerContext ctx, ConsumerRecord<byte[], byte[]> record, Exception e) {
      return Response.resume(List.of(deadLetter(ctx, "deserialize", e)));
    }
  }
}
