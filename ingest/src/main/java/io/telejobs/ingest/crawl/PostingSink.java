package io.telejobs.ingest.crawl;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;

/** Where a crawl's results go. The Kafka publisher is the production sink; {@code extract} prints. */
public interface PostingSink {
  /** A posting found on a page (possibly unchanged since the last crawl). */
  void posting(JobPosting posting);

  /** A posting that closed: gone from its source for several crawls, or past its validThrough. */
  void closed(String id, String reason);

  /** A failure that did not stop the crawl. */
  void error(IngestError error);

  /** Waits until what was handed over is stored; called at the end of each source's crawl. */
  default void flush() {}
}
