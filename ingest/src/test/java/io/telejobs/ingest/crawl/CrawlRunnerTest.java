package io.telejobs.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;
import io.telejobs.ingest.extract.JsonLdExtractor;
import io.telejobs.ingest.fetch.FetchPolicy;
import io.telejobs.ingest.fetch.HostGate;
import io.telejobs.ingest.fetch.TestFetchers;
import io.telejobs.ingest.source.Source;
import io.telejobs.testkit.FixtureHttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Several sources at a time over real HTTP on loopback. The fixture server answers as two hosts,
 * {@code 127.0.0.1} and {@code localhost}, told apart by the Host header it records.
 */
class CrawlRunnerTest {
  private static final Duration DELAY = Duration.ofMillis(120);
  private FixtureHttpServer site;
  private final RecordingSink sink = new RecordingSink();
  private final List<JobPosting> postings = sink.postings;
  private final List<String> closed = sink.closed;

  @BeforeEach
  void start() {
    site = FixtureHttpServer.serving("sites/clinic");
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private CrawlRunner runner(int threads, PostingSink to, PostingLedger ledger, Duration delay) {
    FetchPolicy policy = new FetchPolicy("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot",
        delay, Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000, 0, Duration.ofMillis(20),
        Duration.ofSeconds(5), 5, Duration.ofMinutes(1));
    Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(),
        TestFetchers.canonicalizer(), Clock.systemUTC());
    return new CrawlRunner(crawler, to, ledger, 1, Clock.systemUTC(), threads);
  }

  private Source listing(String name, String host, Duration interval) {
    URI seed = URI.create("http://" + host + ":" + site.uri("/").getPort() + "/");
    return new Source(name, "listing", List.of(seed), "a.job", null, 1, 50, null, null, null, null, null, interval);
  }

  private List<Instant> arrivals(String host) {
    return site.requests().stream().filter(r -> r.header("Host").startsWith(host + ":"))
        .map(FixtureHttpServer.Request::at).toList();
  }

  @ParameterizedTest(name = "{0} thread(s): hosts crawled at the same time = {1}")
  @CsvSource({"1, false", "2, true"})
  void crawlsSourcesOnDifferentHostsAtTheSameTime(int threads, boolean overlap) throws Exception {
    try (CrawlRunner runner = runner(threads, sink, new PostingLedger(), DELAY)) {
      List<CrawlRunner.Outcome> outcomes = runner.crawlAll(
          List.of(listing("by-ip", "127.0.0.1", null), listing("by-name", "localhost", null)), new CrawlReport());
      assertThat(outcomes).extracting(CrawlRunner.Outcome::complete).containsExactly(true, true);
    }
    List<Instant> a = arrivals("127.0.0.1");
    List<Instant> b = arrivals("localhost");
    assertThat(a).hasSizeGreaterThan(4);
    assertThat(b).hasSameSizeAs(a);
    boolean interleaved = b.get(0).isBefore(a.get(a.size() - 1)) && a.get(0).isBefore(b.get(b.size() - 1));
    assertThat(interleaved).as("requests to the two hosts interleave").isEqualTo(overlap);
    for (List<Instant> host : List.of(a, b)) {
      for (int i = 1; i < host.size(); i++) {
        assertThat(Duration.between(host.get(i - 1), host.get(i))).as("gap on one host")
            .isGreaterThanOrEqualTo(DELAY.minusMillis(5));
      }
    }
    assertThat(postings).extracting(JobPosting::source).containsOnly("by-ip", "by-name")
        .filteredOn("by-ip"::equals).hasSize(postings.size() / 2);
  }

  @Test
  void twoSourcesOnOneHostStillTakeTurns() throws Exception {
    try (CrawlRunner runner = runner(2, sink, new PostingLedger(), DELAY)) {
      runner.crawlAll(List.of(listing("first", "127.0.0.1", null), listing("second", "127.0.0.1", null)),
          new CrawlReport());
    }
    List<FixtureHttpServer.Request> requests = site.requests();
    assertThat(requests).hasSizeGreaterThan(8);
    for (int i = 1; i < requests.size(); i++) {
      assertThat(Duration.between(requests.get(i - 1).at(), requests.get(i).at()))
          .as("gap before request %d (%s)", i, requests.get(i).path()).isGreaterThanOrEqualTo(DELAY.minusMillis(5));
    }
  }

  @Test
  void eachSourceIsCrawledAgainAtItsOwnInterval() {
    CrawlRunner runner = runner(2, sink, new PostingLedger(), Duration.ofMillis(10));
    try (runner) {
      runner.start(List.of(listing("often", "127.0.0.1", Duration.ofMillis(50)),
          listing("daily", "localhost", null)), Duration.ofDays(1));
      await().atMost(Duration.ofSeconds(30)).until(() -> runner.stats("often").crawls.get() >= 3);
    }
    assertThat(runner.stats("daily").crawls.get()).as("crawled once, at start").isEqualTo(1);
    assertThat(site.requests("/").stream().filter(r -> r.header("Host").startsWith("localhost:"))).hasSize(1);
    assertThat(site.requests("/").stream().filter(r -> r.header("Host").startsWith("127.0.0.1:")).count())
        .isGreaterThanOrEqualTo(3);
  }

  @Test
  void aCompleteCrawlClosesWhatItMissedAndCountsIt() throws Exception {
    PostingLedger ledger = new PostingLedger();
    ledger.restore("by-ip:GONE-1", "hash", "by-ip", null);
    ledger.restore("other:KEEP-1", "hash", "other", null);
    CrawlRunner runner = runner(1, sink, ledger, Duration.ofMillis(10));
    try (runner) {
      CrawlRunner.Outcome outcome = runner.crawl(listing("by-ip", "127.0.0.1", null), new CrawlReport());
      assertThat(outcome.closed()).isEqualTo(1);
    }
    assertThat(closed).containsExactly("by-ip:GONE-1");
    assertThat(runner.stats("by-ip").closed.get()).isEqualTo(1);
    assertThat(runner.stats("by-ip").totals.pagesFetched.get()).isGreaterThan(4);
  }

  @Test
  void aSourceThatFailsDoesNotStopTheOthers() throws Exception {
    PostingSink failsForOne = new PostingSink() {
      @Override
      public void posting(JobPosting p) {
        if (p.source().equals("broken")) {
          throw new IllegalStateException("disk full");
        }
        postings.add(p);
      }

      @Override
      public void closed(String id, String reason) {}

      @Override
      public void error(IngestError e) {}
    };
    CrawlReport run = new CrawlReport();
    List<CrawlRunner.Outcome> outcomes;
    try (CrawlRunner runner = runner(2, failsForOne, new PostingLedger(), Duration.ofMillis(10))) {
      outcomes = runner.crawlAll(
          List.of(listing("broken", "127.0.0.1", null), listing("fine", "localhost", null)), run);
    }
    assertThat(outcomes).extracting(CrawlRunner.Outcome::source).containsExactly("fine");
    assertThat(postings).isNotEmpty().extracting(JobPosting::source).containsOnly("fine");
    long brokenPageErrorsOfFine = outcomes.get(0).report().errors.get();
    assertThat(run.errors.get()).as("the failed source counts one error").isEqualTo(brokenPageErrorsOfFine + 1);
  }
}
