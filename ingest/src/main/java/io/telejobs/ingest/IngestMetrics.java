package io.telejobs.ingest;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.telejobs.ingest.crawl.CrawlRunner;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.ingest.publish.KafkaPostingPublisher;
import io.telejobs.ingest.source.Source;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Ingest's meters, read from the counters the crawl already keeps (nothing on the crawl path knows
 * about Micrometer). Per source: pages fetched and not modified, postings found and closed, errors,
 * crawls (complete and incomplete), and the duration and end time of the last crawl. Overall: postings
 * published and unchanged, open postings in the ledger, and the Kafka producer's own metrics.
 */
final class IngestMetrics {
  private IngestMetrics() {}

  static void bind(MeterRegistry registry, List<Source> sources, CrawlRunner runner,
      KafkaPostingPublisher publisher, PostingLedger ledger) {
    for (Source source : sources) {
      CrawlRunner.SourceStats s = runner.stats(source.name());
      counter(registry, "ingest.pages.fetched", "pages fetched (304s included)", source, s, x -> x.totals.pagesFetched);
      counter(registry, "ingest.pages.not.modified", "pages that answered 304 to a conditional GET", source, s,
          x -> x.totals.notModified);
      counter(registry, "ingest.postings.found", "postings found, changed or not", source, s, x -> x.totals.postingsFound);
      counter(registry, "ingest.errors", "failures published to the ingest errors topic", source, s, x -> x.totals.errors);
      counter(registry, "ingest.crawls", "crawls of the source that ended", source, s, x -> x.crawls);
      counter(registry, "ingest.crawls.incomplete", "crawls that could not read every listing page", source, s,
          x -> x.incompleteCrawls);
      counter(registry, "ingest.postings.closed", "postings closed (tombstones)", source, s, x -> x.closed);
      Gauge.builder("ingest.last.crawl.duration", s, x -> x.lastCrawlMs.get() / 1000.0).baseUnit("seconds")
          .description("duration of the last crawl of the source").tag("source", source.name()).register(registry);
      Gauge.builder("ingest.last.crawl.end", s, x -> x.lastCrawlEndedMs.get() / 1000.0).baseUnit("seconds")
          .description("when the last crawl of the source ended (epoch seconds; 0 before the first)")
          .tag("source", source.name()).register(registry);
    }
    FunctionCounter.builder("ingest.postings.published", publisher.published, AtomicInteger::get)
        .description("new or changed postings published").register(registry);
    FunctionCounter.builder("ingest.postings.unchanged", publisher.unchanged, AtomicInteger::get)
        .description("postings found unchanged, so not published").register(registry);
    Gauge.builder("ingest.postings.open", ledger, PostingLedger::size)
        .description("postings published and not closed").register(registry);
    publisher.metricsBinder().bindTo(registry);
  }

  private static void counter(MeterRegistry registry, String name, String description, Source source,
      CrawlRunner.SourceStats stats, Function<CrawlRunner.SourceStats, AtomicLong> field) {
    FunctionCounter.builder(name, stats, x -> field.apply(x).get()).description(description)
        .tag("source", source.name()).register(registry);
  }
}
