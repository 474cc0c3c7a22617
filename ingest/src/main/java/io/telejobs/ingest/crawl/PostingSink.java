package io.telejobs.ingest.crawl;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;

/** Where a crawl's results go. The Kafka publisher is the production sink; {@code extract} prints. */
public interface PostingSink {
  /** A posting found on a page (possibly unchanged since the last crawl). */
  void posting(JobPosting posting);

  /** A failure that did not stop the crawl. */
  void error(IngestError error);
}
