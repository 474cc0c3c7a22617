package io.telejobs.ingest.extract;

/** Structured data was present but could not be read. The message says which block and why. */
public final class ExtractionException extends Exception {
  public ExtractionException(String message, Throwable cause) {
    super(message, cause);
  }
}
