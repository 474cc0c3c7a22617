package io.telejobs.ingest.fetch;

/** A fetch failed: network error, timeout, or a status that is not success. The message says why. */
public final class FetchException extends Exception {
  private final int status;
  private final java.time.Duration retryAfter;

  public FetchException(String message, int status, Throwable cause) {
    this(message, status, cause, null);
  }

  public FetchException(String message, int status, Throwable cause, java.time.Duration retryAfter) {
    super(message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** How long the server asked us to wait (Retry-After), or null. */
  public java.time.Duration retryAfter() {
    return retryAfter;
  }

  /** The HTTP status, or -1 when no response arrived. */
  public int status() {
    return status;
  }
}
