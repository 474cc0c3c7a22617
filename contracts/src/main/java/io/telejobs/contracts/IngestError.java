package io.telejobs.contracts;

import java.time.Instant;

/**
 * A failure while crawling: a page that could not be fetched, parsed or published.
 *
 * <p>Topic {@link Topics#INGEST_ERRORS} ({@code ingest.errors.v1}). Key: the URL. Value: this record as
 * JSON.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION}
 * @param source the configured source name
 * @param url the URL that failed
 * @param stage where it failed
 * @param reason a human-readable cause
 * @param at when
 */
public record IngestError(
    int schemaVersion, String source, String url, Stage stage, String reason, Instant at) {

  public static final int SCHEMA_VERSION = 1;

  /** The crawl stage that failed. */
  public enum Stage {
    ROBOTS,
    FETCH,
    PARSE,
    EXTRACT,
    /** A field was longer than its limit and was cut, or unusable and dropped; the posting was published. */
    LIMIT,
    PUBLISH
  }

  public IngestError {
    JobPosting.requireText(source, "source");
    JobPosting.requireText(url, "url");
    if (stage == null || at == null) {
      throw new IllegalArgumentException("stage and at are required");
    }
    reason = reason == null || reason.isBlank() ? "unknown" : reason;
  }
}
