package io.telejobs.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.telejobs.contracts.Topics;
import io.telejobs.contracts.config.Env;
import io.telejobs.ingest.crawl.CrawlReport;
import io.telejobs.ingest.crawl.CrawlRunner;
import io.telejobs.ingest.crawl.Crawler;
import io.telejobs.ingest.crawl.PostingLedger;
import io.telejobs.ingest.crawl.UrlCanonicalizer;
import io.telejobs.ingest.extract.JsonLdExtractor;
import io.telejobs.ingest.fetch.HostGate;
import io.telejobs.ingest.fetch.HttpFetcher;
import io.telejobs.net.OutboundHttp;
import io.telejobs.ingest.publish.KafkaPostingPublisher;
import io.telejobs.ingest.source.Source;
import io.telejobs.ingest.source.SourcesFile;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires fetcher, crawler, runner and publisher from a config; crawls every source once, or each source
 * on its own interval until closed.
 */
public final class IngestService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

  private final List<Source> sources;
  private final KafkaPostingPublisher publisher;
  private final PostingLedger ledger = new PostingLedger();
  private final CrawlRunner runner;
  private final Duration defaultInterval;
  private final HttpFetcher fetcher;

  /**
   * Totals of one crawl of every source.
   *
   * @param published new and changed postings published; {@code newPostings} of them were new
   */
  public record Summary(int pagesFetched, int postingsFound, int published, int newPostings, int unchanged, int closed,
      int errors) {
    @Override
    public String toString() {
      return "pages fetched=" + pagesFetched + ", postings found=" + postingsFound + ", new=" + newPostings
          + ", changed=" + (published - newPostings) + ", unchanged=" + unchanged + ", closed=" + closed
          + ", errors=" + errors;
    }
  }

  public IngestService(IngestConfig config, MeterRegistry metrics) {
    this.sources = SourcesFile.load(config.sourcesFile(), config.env());
    new Env(config.env()).ensureTopics(List.of(Topics.POSTINGS, Topics.INGEST_ERRORS));
    this.fetcher = new HttpFetcher(config.fetchPolicy(), HostGate.system(),
        new OutboundHttp(HttpFetcher.clientSettings(config.fetchPolicy(), config.fetchAllowlist())));
    Env env = new Env(config.env());
    Crawler.ApiKeys keys = new Crawler.ApiKeys(env.get(IngestConfig.USAJOBS_API_KEY), env.get(IngestConfig.USAJOBS_EMAIL),
        env.get(IngestConfig.ADZUNA_APP_ID), env.get(IngestConfig.ADZUNA_APP_KEY));
    for (Source s : sources) {
      if (s.type().equals("usajobs") && !keys.usaJobsReady()) {
        throw new io.telejobs.contracts.config.ConfigException("source " + s.name()
            + " reads USAJOBS, which needs APP_USAJOBS_API_KEY and APP_USAJOBS_EMAIL (the address registered with the key)");
      }
      if (s.type().equals("adzuna") && !keys.adzunaReady()) {
        throw new io.telejobs.contracts.config.ConfigException("source " + s.name()
            + " reads Adzuna, which needs APP_ADZUNA_APP_ID and APP_ADZUNA_APP_KEY");
      }
    }
    Crawler crawler = new Crawler(fetcher, new JsonLdExtractor(), new UrlCanonicalizer(config.fetchAllowlist()),
        Clock.systemUTC(), keys);
    this.publisher = new KafkaPostingPublisher(config.kafka(), ledger);
    this.runner = new CrawlRunner(crawler, publisher, ledger, config.closeAfterMissedCrawls(), Clock.systemUTC(),
        config.crawlThreads());
    this.defaultInterval = config.interval();
    IngestMetrics.bind(metrics, sources, runner, publisher, ledger);
  }

  /** Crawls every source once, several at a time, logging progress every few seconds; returns the totals. */
  public Summary crawlOnce() throws InterruptedException {
    CrawlReport report = new CrawlReport();
    int publishedBefore = publisher.published.get();
    int newBefore = publisher.newPostings.get();
    int unchangedBefore = publisher.unchanged.get();
    int closedBefore = publisher.closedCount.get();
    ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ingest-progress");
      t.setDaemon(true);
      return t;
    });
    progress.scheduleAtFixedRate(() -> {
      int published = publisher.published.get() - publishedBefore;
      int added = publisher.newPostings.get() - newBefore;
      LOG.info("crawling: {}; new={}, changed={}, closed={}", report, added, published - added,
          publisher.closedCount.get() - closedBefore);
    }, 2, 2, TimeUnit.SECONDS);
    try {
      runner.crawlAll(sources, report);
    } finally {
      progress.shutdownNow();
    }
    Summary summary = new Summary((int) report.pagesFetched.get(), (int) report.postingsFound.get(),
        publisher.published.get() - publishedBefore, publisher.newPostings.get() - newBefore,
        publisher.unchanged.get() - unchangedBefore,
        publisher.closedCount.get() - closedBefore, (int) report.errors.get());
    LOG.info("crawl done: {}", summary);
    return summary;
  }

  /** Crawls each source now and again at its interval, in the background, until {@link #close}. */
  public void startContinuous() {
    runner.start(sources, defaultInterval);
  }

  /** Stops crawling (crawls in progress are interrupted), then flushes and closes the producer. */
  @Override
  public void close() {
    runner.close();
    publisher.close();
    fetcher.close();
  }
}
