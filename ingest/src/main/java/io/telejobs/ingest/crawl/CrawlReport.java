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
    count(r -> r.pagesFetched);
  }

  void postingFound() {
    count(r -> r.postingsFound);
  }

  void error() {
    count(r -> r.errors);
  }

  void notModified() {
    count(r -> r.notModified);
  }

  private void count(java.util.function.Function<CrawlReport, AtomicLong> counter) {
    counter.apply(this).incrementAndGet();
    parents.forEach(p -> p.count(counter));
  }

  @Override
  public String toString() {
    return "pages fetched=" + pagesFetched.get() + " (not modified: " + notModified.get() + "), postings found="
        + postingsFound.get() + ", errors=" + errors.get();
  }
}
