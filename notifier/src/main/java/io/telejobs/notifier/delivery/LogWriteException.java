package io.telejobs.notifier.delivery;

/**
 * Kafka would not take a delivery record. Not the alert's failure but the pipeline's: the worker stops its
 * batch without committing, and the alerts are read again once Kafka answers.
 */
final class LogWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  LogWriteException(String message, Throwable cause) {
    super(message, cause);
  }
}
