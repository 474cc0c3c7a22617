package io.telejobs.notifier.delivery;

/** A delivery attempt failed. {@link #retryable()} says whether trying again can help. */
public final class DeliveryException extends Exception {
  private final boolean retryable;

  public DeliveryException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }
}
