package io.telejobs.ingest.crawl;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of a crawl, read by the progress display, printed as the summary and exported as
 * metrics. A report may count into parent reports too: the crawl of one source counts into the report
 * of the whole run and into that source's running totals.
 */
public final class CrawlReport {
  public final AtomicLong pagesFetched = new AtomicLong();
  public final AtomicLong postingsFound = new AtomicLong();
  public final AtomicLong errors = new AtomicLong();
  /** Pages that answered 304 Not Modified to a conditional GET. */
  public final AtomicLong notModified = new AtomicLong();
  private final List<CrawlReport> parents;

  public CrawlReport(CrawlReport... parents) {
    this.parents = List.of(parents);
  }

  void pageFetched() {
    pagesFetched.incrementAndGet();
    parents.forEach(CrawlReport::pageFetched);
  }

  void postingFound() {
    postingsFound.incrementAndGet();
    parents.forEach(CrawlReport::postingFound);
  }

  void error() {
    errors.incrementAndGet();
    parents.forEach(CrawlReport::error);
  }

  void notModified() {
    notModified.incrementAndGet();
    parents.forEach(CrawlReport::notModified);
  }

  @Override
  public String toString() {
    return "pages fetched=" + pagesFetched.get() + " (not modified: " + notModified.get() + "), postings found="
        + postingsFound.get() + ", errors=" + errors.get();
  }
}
