package io.telejobs.ingest;

import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.ingest.crawl.CrawlReport;
import io.telejobs.ingest.crawl.Crawler;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.ingest.crawl.UrlCanonicalizer;
import io.telejobs.ingest.extract.JsonLdExtractor;
import io.telejobs.ingest.fetch.HostGate;
import io.telejobs.ingest.fetch.JsoupFetcher;
import io.telejobs.ingest.publish.KafkaPostingPublisher;
import io.telejobs.ingest.source.Source;
import io.telejobs.ingest.source.SourcesFile;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires fetcher, crawler and publisher from a config, and crawls every source. */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final List<Source> sources;
  private final Crawler crawler;
  private final KafkaPostingPublisher publisher;
  private final PostingLedger ledger = new PostingLedger();
  private final int closeAfterMisses;
  private final Clock clock = Clock.systemUTC();

  /** Totals of one crawl of every source. */
  public record Summary(int pagesFetched, int postingsFound, int published, int unchanged, int closed, int errors) {
    @Override
    public String toString() {
      return "pages fetched=" + pagesFetched + ", postings found=" + postingsFound + ", published (new or changed)="
          + published + ", unchanged=" + unchanged + ", closed=" + closed + ", errors=" + errors;
    }
  }

  public IngestService(IngestConfig config) {
    this.sources = SourcesFile.load(config.sourcesFile(), config.env());
    new Env(config.env()).ensureTopics(List.of(Topics.POSTINGS, Topics.INGEST_ERRORS));
    this.crawler = new Crawler(new JsoupFetcher(config.fetchPolicy(), HostGate.system()),
        new JsonLdExtractor(), new UrlCanonicalizer(), Clock.systemUTC());
    this.publisher = new KafkaPostingPublisher(config.kafka(), ledger);
    this.closeAfterMisses = config.closeAfterMissedCrawls();
  }

  /** Crawls every source once, logging progress every few seconds, and returns the totals. */
  public Summary crawlOnce() throws InterruptedException {
    CrawlReport report = new CrawlReport();
    int publishedBefore = publisher.published.get();
    int unchangedBefore = publisher.unchanged.get();
    int closedBefore = publisher.closedCount.get();
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ingest-progress");
      t.setDaemon(true);
      return t;
    });
    progress.scheduleAtFixedRate(() -> LOG.info("crawling: {}", report), 2, 2, TimeUnit.SECONDS);
    try {
      for (Source source : sources) {
        LOG.info("crawling source {} ({} seed(s))", source.name(), source.seeds().size());
        Crawler.Result result = crawler.crawl(source, publisher, report);
        if (result.complete()) {
          for (String id : ledger.closeMissing(source.name(), result.seen(), closeAfterMisses,
              java.time.LocalDate.now(clock))) {
            publisher.closed(id, "not found in " + closeAfterMisses + " complete crawl(s) in a row, or past validThrough");
          }
        } else {
          LOG.info("source {}: incomplete crawl; no posting counted as missing", source.name());
        }
      }
      publisher.flush();
    } finally {
      progress.shutdownNow();
    }
    Summary summary = new Summary(report.pagesFetched.get(), report.postingsFound.get(),
        publisher.published.get() - publishedBefore, publisher.unchanged.get() - unchangedBefore,
        publisher.closedCount.get() - closedBefore, report.errors.get());
    LOG.info("crawl done: {}", summary);
    return summary;
  }

  @Override
  public void close() {
    publisher.close();
  }
}
