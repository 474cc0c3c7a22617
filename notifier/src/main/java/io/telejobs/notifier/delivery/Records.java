package io.telejobs.notifier.delivery;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Writes a record and waits for the broker: an outcome is on the log before anything that depends on it. */
public final class Records {
  private Records() {}

  public static void sendAndWait(KafkaProducer<byte[], byte[]> producer, ProducerRecord<byte[], byte[]> record) {
    Future<RecordMetadata> written;
    try {
      written = producer.send(record);
      producer.flush(); // the delivery log lingers to batch the lanes' records; a caller waiting goes now
    } catch (RuntimeException e) {
      throw new LogWriteException("cannot write to " + record.topic() + ": " + e.getMessage(), e);
    }
    await(written, record.topic());
  }

  /** Waits for a record sent to {@code topic}; a failure or 30 s without an answer is a {@link LogWriteException}. */
  static void await(Future<RecordMetadata> written, String topic) {
    try {
      written.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LogWriteException("interrupted while writing to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      throw new LogWriteException("cannot write to " + topic + ": " + cause, cause);
    }
  }
}
