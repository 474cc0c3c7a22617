package io.telejobs.contracts;

/** Header names carried by every dead-letter record, so that an operator can see why it is there. */
public final class DeadLetters {
  private DeadLetters() {}

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
  /** The application that dead-lettered it. */
  public static final String APP = "dlq.app";
}
