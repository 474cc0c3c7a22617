package io.telejobs.ingest.crawl;

import io.telejobs.ingest.source.Source;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs crawls of many sources: several sources at a time (so different hosts are crawled concurrently),
 * one crawl of a given source at a time, each source on its own interval in continuous mode. Politeness
 * stays per host: two sources on one host still share that host's one-request-at-a-time gate.
 *
 * <p>After each complete crawl of a source, the postings of that source it missed too often are closed,
 * and the sink is flushed, so what one source found is stored before the next crawl of it begins.
 */
public final class CrawlRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CrawlRunner.class);

  private final Crawler crawler;
  private final PostingSink sink;
  private final PostingLedger ledger;
  private final int closeAfterMisses;
  private final Clock clock;
  private final int threads;
  private final Map<String, SourceStats> stats = new java.util.concurrent.ConcurrentHashMap<>();
  private final ExecutorService pool;
  private volatile ScheduledExecutorService scheduler;

  /** Running totals of one source since start, for metrics. */
  public static final class SourceStats {
    public final CrawlReport totals = new CrawlReport();
    public final AtomicLong crawls = new AtomicLong();
    public final AtomicLong incompleteCrawls = new AtomicLong();
    public final AtomicLong closed = new AtomicLong();
    /** When the last crawl of the source ended, in epoch milliseconds; 0 before the first. */
    public final AtomicLong lastCrawlEndedMs = new AtomicLong();
    /** How long the last crawl took, in milliseconds. */
    public final AtomicLong lastCrawlMs = new AtomicLong();
  }

  /** What one crawl of one source did. */
  public record Outcome(String source, boolean complete, int closed, Duration took, CrawlReport report) {}

  public CrawlRunner(Crawler crawler, PostingSink sink, PostingLedger ledger, int closeAfterMisses, Clock clock,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    this.crawler = crawler;
    this.sink = sink;
    this.ledger = ledger;
    this.closeAfterMisses = closeAfterMisses;
    this.clock = clock;
    this.threads = threads;
    this.pool = Executors.newFixedThreadPool(threads, named("crawl"));
  }

  /** The running totals of {@code source}; created on first use. */
  public SourceStats stats(String source) {
    return stats.computeIfAbsent(source, s -> new SourceStats());
  }

  /** Crawls {@code source} once, closes what it missed too often, and flushes the sink. */
  public Outcome crawl(Source source, CrawlReport run) throws InterruptedException {
    SourceStats s = stats(source.name());
    CrawlReport report = new CrawlReport(run, s.totals);
    Instant start = clock.instant();
    LOG.info("crawling source {} ({} seed(s))", source.name(), source.seeds().size());
    Crawler.Result result = crawler.crawl(source, sink, report);
    int closed = 0;
    if (result.complete()) {
      for (String id : ledger.closeMissing(source.name(), result.seen(), closeAfterMisses, LocalDate.now(clock))) {
        sink.closed(id, "not found in " + closeAfterMisses + " complete crawl(s) in a row, or past validThrough");
        closed++;
      }
    } else {
      s.incompleteCrawls.incrementAndGet();
      LOG.info("source {}: incomplete crawl; no posting counted as missing", source.name());
    }
    sink.flush();
    Duration took = Duration.between(start, clock.instant());
    s.crawls.incrementAndGet();
    s.closed.addAndGet(closed);
    s.lastCrawlMs.set(took.toMillis());
    s.lastCrawlEndedMs.set(clock.millis());
    LOG.info("source {} done in {} ms: {}, closed={}", source.name(), took.toMillis(), report, closed);
    return new Outcome(source.name(), result.complete(), closed, took, report);
  }

  /**
   * Crawls every source once, up to {@code threads} at a time, and returns when all are done. A source
   * whose crawl fails unexpectedly is logged and counted as an error; the others go on.
   */
  public List<Outcome> crawlAll(List<Source> sources, CrawlReport run) throws InterruptedException {
    List<Future<Outcome>> futures = new ArrayList<>();
    for (Source source : sources) {
      futures.add(pool.submit(() -> crawl(source, run)));
    }
    List<Outcome> outcomes = new ArrayList<>();
    try {
      for (int i = 0; i < futures.size(); i++) {
        try {
          outcomes.add(futures.get(i).get());
        } catch (ExecutionException e) {
          run.error();
          LOG.error("source {}: crawl failed: {}", sources.get(i).name(), e.getCause().toString(), e.getCause());
        }
      }
    } catch (InterruptedException e) {
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
    return outcomes;
  }

  /**
   * Crawls every source now and then again {@code interval} after each of its crawls ends (the source's
   * own interval, or {@code defaultInterval}), until {@link #close}. Returns at once.
   */
  public synchronized void start(List<Source> sources, Duration defaultInterval) {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    scheduler = Executors.newScheduledThreadPool(threads, named("crawl-scheduled"));
    Map<String, Duration> plan = new LinkedHashMap<>();
    for (Source source : sources) {
      Duration every = source.interval() != null ? source.interval() : defaultInterval;
      plan.put(source.name(), every);
      scheduler.scheduleWithFixedDelay(() -> crawlScheduled(source), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }
    LOG.info("crawling continuously, {} source(s) at a time: {}", threads, plan);
  }

  private void crawlScheduled(Source source) {
    try {
      crawl(source, new CrawlReport());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // shutting down
    } catch (RuntimeException | Error e) {
      // a scheduled task that throws is never run again; log and keep the source on its schedule
      stats(source.name()).totals.error();
      LOG.error("source {}: crawl failed; trying again at its next interval: {}", source.name(), e.toString(), e);
    }
  }

  /** Stops scheduling, interrupts crawls in progress and waits up to 30 s for them to end. */
  @Override
  public void close() {
    ScheduledExecutorService s = scheduler;
    if (s != null) {
      s.shutdownNow();
    }
    pool.shutdownNow();
    try {
      if (s != null && !s.awaitTermination(30, TimeUnit.SECONDS)
          || !pool.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("crawls still running after 30 s; leaving them");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
