package io.telejobs.ingest.crawl;

import java.util.concurrent.atomic.AtomicInteger;

/** Live counters of one crawl, read by the progress display and printed as the summary. */
public final class CrawlReport {
  public final AtomicInteger pagesFetched = new AtomicInteger();
  public final AtomicInteger postingsFound = new AtomicInteger();
  public final AtomicInteger errors = new AtomicInteger();
  /** Pages that answered 304 Not Modified to a conditional GET. */
  public final AtomicInteger notModified = new AtomicInteger();

  @Override
  public String toString() {
    return "pages fetched=" + pagesFetched.get() + " (not modified: " + notModified.get() + "), postings found="
        + postingsFound.get() + ", errors=" + errors.get();
  }
}
