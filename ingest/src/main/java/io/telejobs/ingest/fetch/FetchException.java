package io.telejobs.ingest.fetch;

/** A fetch failed: network error, timeout, or a status that is not success. The message says why. */
public final class FetchException extends Exception {
  private final int status;

  public FetchException(String message, int status, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status, or -1 when no response arrived. */
  public int status() {
    return status;
  }
}
