package io.telejobs.contracts;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/** Header names carried by every dead-letter record, so that an operator can see why it is there. */
public final class DeadLetters {
  private DeadLetters() {}

  /**
   * The original headers plus the cause of the failure and where the record came from.
   *
   * @param topic source topic, or null when unknown
   */
  public static Headers headers(Headers original, String app, String stage, Throwable cause, String topic,
      int partition, long offset) {
    Headers h = new RecordHeaders(original == null ? new org.apache.kafka.common.header.Header[0] : original.toArray());
    put(h, APP, app);
    put(h, STAGE, stage);
    put(h, ERROR_CLASS, cause.getClass().getName());
    put(h, ERROR_MESSAGE, Limits.cut(String.valueOf(cause.getMessage()), 2_000));
    if (topic != null) {
      put(h, SOURCE_TOPIC, topic);
      put(h, SOURCE_PARTITION, Integer.toString(partition));
      put(h, SOURCE_OFFSET, Long.toString(offset));
    }
    return h;
  }

  /**
   * The value a dead letter can carry: the original bytes, or their first {@link #MAX_VALUE_BYTES} when
   * larger, so that a record that was itself too large can still be dead-lettered (with
   * {@link #TRUNCATED} set).
   */
  public static byte[] cappedValue(byte[] original, Headers headers) {
    if (original == null || original.length <= MAX_VALUE_BYTES) {
      return original;
    }
    put(headers, TRUNCATED, Integer.toString(original.length));
    return java.util.Arrays.copyOf(original, MAX_VALUE_BYTES);
  }

  /** The largest value a dead letter carries: well below Kafka's default 1 MB record limit. */
  public static final int MAX_VALUE_BYTES = 512 * 1024;

  private static void put(Headers headers, String key, String value) {
    headers.remove(key);
    headers.add(key, value.getBytes(StandardCharsets.UTF_8));
  }

  /** The exception class of the failure. */
  public static final String ERROR_CLASS = "dlq.error.class";
  /** The failure's message. */
  public static final String ERROR_MESSAGE = "dlq.error.message";
  /** Which stage failed: deserialize, process, deliver. */
  public static final String STAGE = "dlq.stage";
  /** Original topic, partition and offset. */
  public static final String SOURCE_TOPIC = "dlq.source.topic";
  public static final String SOURCE_PARTITION = "dlq.source.partition";
  public static final String SOURCE_OFFSET = "dlq.source.offset";
  /** Set, to the original size in bytes, when the value is only the start of the original. */
  public static final String TRUNCATED = "dlq.truncated-from-bytes";
  /** The application that dead-lettered it. */
  public static final String APP = "dlq.app";
}
