package io.telejobs.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;
import io.telejobs.ingest.extract.JsonLdExtractor;
import io.telejobs.ingest.fetch.FetchPolicy;
import io.telejobs.ingest.fetch.HostGate;
import io.telejobs.ingest.fetch.TestFetchers;
import io.telejobs.ingest.source.Source;
import io.telejobs.testkit.FixtureHttpServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crawls the fixture site over real HTTP on loopback. */
class CrawlerTest {
  private static final Duration DELAY = Duration.ofMillis(150);
  private FixtureHttpServer site;
  private final RecordingSink sink = new RecordingSink();
  private final List<JobPosting> postings = sink.postings;
  private final List<IngestError> errors = sink.errors;

  @BeforeEach
  void start() {
    site = FixtureHttpServer.serving("sites/clinic");
  }

  @AfterEach
  void stop() {
    site.close();
    assertThat(sink.closed).as("the crawler itself never closes postings").isEmpty();
  }

  private Crawler.Result lastResult;

  private CrawlReport crawl(String linkSelector) throws InterruptedException {
    FetchPolicy policy = new FetchPolicy("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot",
        DELAY, Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000, 1, Duration.ofMillis(20),
        Duration.ofSeconds(5), 5, Duration.ofMinutes(1));
    Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(),
        TestFetchers.canonicalizer(), Clock.systemUTC());
    Source source = Source.listing("clinic", List.of(site.uri("/")), linkSelector, null, 1, 50);
    CrawlReport report = new CrawlReport();
    lastResult = crawler.crawl(source, sink, report);
    return report;
  }

  @Test
  void followsListingLinksOnceEachAndExtractsEveryPosting() throws Exception {
    CrawlReport report = crawl("a.job");

    assertThat(postings).extracting(JobPosting::title).containsExactlyInAnyOrder(
        "Telehealth Project Manager", "Virtual Care Program Manager", "Telehealth Coordinator",
        "Remote Patient Monitoring Coordinator", "Clinical Informatics Project Manager & Analyst");
    assertThat(postings).extracting(JobPosting::id).contains("clinic:RH-1042", "clinic:RH-2001");
    assertThat(site.requests("/jobs/telehealth-pm.html")).as("duplicate tracked links fetched once").hasSize(1);
    assertThat(report.pagesFetched.get()).as("index + 4 posting pages; 404 and robots-disallowed pages are not fetched").isEqualTo(5);
    assertThat(report.postingsFound.get()).isEqualTo(5);
  }

  @Test
  void reportsMissingPagesAndBrokenBlocksWithoutStopping() throws Exception {
    crawl("a.job");

    assertThat(errors).extracting(IngestError::stage, e -> e.url().replace(site.baseUrl(), ""))
        .contains(
            org.assertj.core.groups.Tuple.tuple(IngestError.Stage.FETCH, "/jobs/missing.html"),
            org.assertj.core.groups.Tuple.tuple(IngestError.Stage.EXTRACT, "/jobs/broken.html"));
    assertThat(errors).filteredOn(e -> e.url().endsWith("missing.html")).singleElement()
        .extracting(IngestError::reason).asString().contains("404");
  }

  @Test
  void obeysRobotsAndSendsAnHonestUserAgent() throws Exception {
    crawl("a.job");

    assertThat(site.requests("/private/secret.html")).isEmpty();
    assertThat(site.requests("/robots.txt")).hasSize(1);
    assertThat(site.requests()).allSatisfy(r ->
        assertThat(r.header("User-Agent")).startsWith("telejobs-test/1.0 (+http"));
    assertThat(errors).anySatisfy(e -> assertThat(e.reason()).contains("robots.txt"));
  }

  @Test
  void keepsThePerHostDelayBetweenRequests() throws Exception {
    crawl("a.job");

    List<FixtureHttpServer.Request> requests = site.requests();
    assertThat(requests).hasSizeGreaterThan(4);
    for (int i = 1; i < requests.size(); i++) {
      Duration gap = Duration.between(requests.get(i - 1).at(), requests.get(i).at());
      assertThat(gap).as("gap before %s", requests.get(i).path()).isGreaterThanOrEqualTo(DELAY.minusMillis(5));
    }
  }

  @Test
  void aCompleteCrawlReportsEveryPostingItSaw() throws Exception {
    crawl("a.job");
    assertThat(lastResult.complete()).isTrue();
    assertThat(lastResult.seen()).hasSize(5).contains("clinic:RH-1042", "clinic:RH-2001", "clinic:RH-2002");
  }

  @Test
  void aListingThatFailsMakesTheCrawlIncompleteSoNothingCountsAsMissing() throws Exception {
    site.on("/", ex -> io.telejobs.testkit.FixtureHttpServer.send(ex, 503, "text/plain", "down".getBytes()));
    crawl("a.job");
    assertThat(lastResult.complete()).isFalse();
    assertThat(lastResult.seen()).isEmpty();
  }

  @Test
  void anUnchangedPageCostsA304AndItsPostingsAreStillSeen() throws Exception {
    byte[] job;
    try (var in = getClass().getResourceAsStream("/sites/clinic/jobs/telehealth-pm.html")) {
      job = in.readAllBytes();
    }
    byte[] listing = "<html><body><a class='job' href='/etag/job.html'>Telehealth PM</a></body></html>".getBytes();
    for (String[] page : new String[][] {{"/etag/", "\"list-v1\""}, {"/etag/job.html", "\"job-v1\""}}) {
      byte[] body = page[0].endsWith("/") ? listing : job;
      site.on(page[0], ex -> {
        if (page[1].equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
          FixtureHttpServer.send(ex, 304, null, new byte[0]);
          return;
        }
        ex.getResponseHeaders().set("ETag", page[1]);
        FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", body);
      });
    }
    FetchPolicy policy = FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", DELAY,
        Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000);
    Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(),
        TestFetchers.canonicalizer(), Clock.systemUTC());
    Source source = Source.listing("etag", List.of(site.uri("/etag/")), "a.job", null, 1, 10);

    crawler.crawl(source, sink, new CrawlReport());
    CrawlReport second = new CrawlReport();
    Crawler.Result again = crawler.crawl(source, sink, second);

    assertThat(second.notModified.get()).isEqualTo(2);
    assertThat(again.seen()).containsExactly("etag:RH-1042");
    assertThat(site.requests("/etag/job.html")).hasSize(2)
        .extracting(r -> r.header("If-None-Match")).containsExactly(null, "\"job-v1\"");
  }

  @Test
  void readsASitemapIndexAndOnlyTheUrlsThatMatch() throws Exception {
    String base = site.baseUrl();
    site.on("/sitemap_index.xml", ex -> FixtureHttpServer.send(ex, 200, "application/xml", (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<sitemap><loc>" + base + "/sitemap-jobs.xml</loc></sitemap></sitemapindex>").getBytes()));
    site.on("/sitemap-jobs.xml", ex -> FixtureHttpServer.send(ex, 200, "application/xml", (
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
            + "<url><loc>" + base + "/jobs/telehealth-pm.html</loc></url>"
            + "<url><loc>" + base + "/jobs/graph.html</loc></url>"
            + "<url><loc>" + base + "/about-us.html</loc></url></urlset>").getBytes()));
    FetchPolicy policy = FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", DELAY,
        Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000);
    Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(),
        TestFetchers.canonicalizer(), Clock.systemUTC());
    Source sitemaps = new Source("clinic-sitemap", "sitemap", List.of(site.uri("/sitemap_index.xml")), null, null, 0, 0,
        null, null, null, "/jobs/", null, null);

    Crawler.Result result = crawler.crawl(sitemaps, sink, new CrawlReport());

    assertThat(postings).extracting(JobPosting::title).containsExactlyInAnyOrder(
        "Telehealth Project Manager", "Virtual Care Program Manager", "Telehealth Coordinator");
    assertThat(site.requests("/about-us.html")).as("filtered out by urlPattern").isEmpty();
    assertThat(site.requests("/")).as("posting pages only: no link following").isEmpty();
    assertThat(result.complete()).isTrue();
  }

  @Test
  void readsPagesWithoutStructuredDataWithTheSourcesSelectors() throws Exception {
    site.on("/plain/", ex -> FixtureHttpServer.send(ex, 200, "text/html",
        "<ul><li><a class='opening' href='/plain/job-7'>Telehealth PM</a></li></ul>".getBytes()));
    site.on("/plain/job-7", ex -> FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", ("<html><body>"
        + "<h1 class='job-title'>Telehealth Project Manager</h1><span class='where'>Remote, US</span>"
        + "<p class='pay'>$110,000 - $125,000 a year</p><div class='body'><p>Lead the roll-out.</p><script>x()</script></div>"
        + "</body></html>").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    FetchPolicy policy = FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", DELAY,
        Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000);
    Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(),
        TestFetchers.canonicalizer(), Clock.systemUTC());
    Source plain = new Source("plain-site", "listing", List.of(site.uri("/plain/")), "a.opening", null, 1, 10, null,
        "Plain Clinic", null, null, java.util.Map.of("title", "h1.job-title", "location", ".where", "salary", ".pay",
            "description", "div.body"), null);

    crawler.crawl(plain, sink, new CrawlReport());

    assertThat(postings).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("Telehealth Project Manager");
      assertThat(p.company()).isEqualTo("Plain Clinic");
      assertThat(p.locations()).containsExactly("Remote, US");
      assertThat(p.salary().text()).isEqualTo("$110,000 - $125,000 a year");
      assertThat(p.description()).isEqualTo("Lead the roll-out.");
      assertThat(p.id()).isEqualTo("plain-site:" + site.baseUrl() + "/plain/job-7");
    });
  }

  @Test
  void readsAnRssFeedSource() throws Exception {
    byte[] body;
    try (var in = getClass().getResourceAsStream("/feeds/jobs.rss")) {
      body = in.readAllBytes();
    }
    site.on("/jobs.rss", ex -> FixtureHttpServer.send(ex, 200, "application/rss+xml", body));
    FetchPolicy policy = FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", DELAY,
        Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000);
    Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(),
        TestFetchers.canonicalizer(), Clock.systemUTC());
    Source feed = new Source("carebridge-rss", "feed", List.of(site.uri("/jobs.rss")), null, null, 0, 0, null, null, null, null, null, null);

    Crawler.Result result = crawler.crawl(feed, sink, new CrawlReport());

    assertThat(postings).extracting(JobPosting::id).containsExactly("carebridge-rss:CB-881");
    assertThat(postings.get(0).applyUrl()).isEqualTo("https://careers.carebridge.example/jobs/881");
    assertThat(result.complete()).isTrue();
    assertThat(errors).singleElement().extracting(IngestError::reason).asString().contains("no title");
  }

  @Test
  void readsAnAtsBoardApi() throws Exception {
    byte[] body;
    try (var in = getClass().getResourceAsStream("/ats/greenhouse.json")) {
      body = in.readAllBytes();
    }
    site.on("/v1/boards/acmehealth/jobs", ex -> FixtureHttpServer.send(ex, 200, "application/json", body));
    FetchPolicy policy = FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", DELAY,
        Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000);
    Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(),
        TestFetchers.canonicalizer(), Clock.systemUTC());
    Source board = new Source("acme-greenhouse", "greenhouse", null, null, null, 0, 0, "acmehealth", "Acme Health",
        java.net.URI.create(site.baseUrl()), null, null, null);

    Crawler.Result result = crawler.crawl(board, sink, new CrawlReport());

    assertThat(postings).extracting(JobPosting::id).containsExactly("acme-greenhouse:4012345", "acme-greenhouse:4012399");
    assertThat(postings.get(0).sourceUrl()).isEqualTo("https://boards.greenhouse.io/acmehealth/jobs/4012345?gh_src=abc");
    assertThat(postings.get(0).applyUrl()).isEqualTo("https://boards.greenhouse.io/acmehealth/jobs/4012345");
    assertThat(result.complete()).isTrue();
    assertThat(errors).singleElement().extracting(IngestError::stage).isEqualTo(IngestError.Stage.EXTRACT);
    assertThat(site.requests("/v1/boards/acmehealth/jobs")).singleElement()
        .satisfies(r -> assertThat(r.header("User-Agent")).startsWith("telejobs-test"));
  }

  @Test
  void withoutASelectorFollowsOnlySameHostLinks() throws Exception {
    crawl(null);

    assertThat(postings).hasSize(5);
    assertThat(errors).noneMatch(e -> e.url().contains("elsewhere.example.com"));
  }

  @Test
  void aPageWhoseBodyStallsIsReportedAndTheCrawlGoesOn() throws Exception {
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
    site.on("/stall/", ex -> FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8",
        ("<a class='job' href='/stall/slow.html'>slow</a><a class='job' href='/jobs/telehealth-pm.html'>pm</a>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    site.on("/stall/slow.html", ex -> {
      ex.sendResponseHeaders(200, 0);
      ex.getResponseBody().write("<html><body><p>half a page".getBytes());
      ex.getResponseBody().flush();
      try {
        done.await(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    try {
      FetchPolicy policy = new FetchPolicy("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", DELAY,
          Duration.ofSeconds(5), Duration.ofMillis(300), 1_000_000, 0, Duration.ofMillis(20), Duration.ofSeconds(5), 5,
          Duration.ofMinutes(1));
      Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(), TestFetchers.canonicalizer(),
          Clock.systemUTC());
      Source source = Source.listing("stall", List.of(site.uri("/stall/")), "a.job", null, 1, 50);

      crawler.crawl(source, sink, new CrawlReport());

      assertThat(errors).filteredOn(e -> e.url().endsWith("/stall/slow.html")).singleElement().satisfies(e -> {
        assertThat(e.stage()).isEqualTo(IngestError.Stage.FETCH);
        assertThat(e.reason()).containsAnyOf("timed out", "did not arrive in full in time");
      });
      assertThat(postings).extracting(JobPosting::title).contains("Telehealth Project Manager");
    } finally {
      done.countDown();
    }
  }

  @Test
  void linksAndSitemapEntriesToPrivateOrMetadataAddressesAreNeverFetched() throws Exception {
    int port = site.uri("/").getPort();
    site.on("/ssrf/", ex -> FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", ("""
        <a class='job' href='http://169.254.169.254/latest/meta-data/'>meta</a>
        <a class='job' href='http://10.0.0.8/admin'>admin</a>
        <a class='job' href='http://[::1]:%d/internal'>v6 loopback</a>
        <a class='job' href='/jobs/telehealth-pm.html'>pm</a>""".formatted(port)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    site.on("/ssrf-sitemap.xml", ex -> FixtureHttpServer.send(ex, 200, "application/xml", ("""
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
          <url><loc>http://169.254.169.254/jobs/1</loc></url>
          <url><loc>http://100.100.100.200/jobs/2</loc></url>
          <url><loc>http://127.0.0.1:%d/jobs/telehealth-pm.html</loc></url>
        </urlset>""".formatted(port)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    FetchPolicy policy = FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot", DELAY,
        Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000);
    Crawler crawler = new Crawler(TestFetchers.local(policy), new JsonLdExtractor(), TestFetchers.canonicalizer(),
        Clock.systemUTC());

    crawler.crawl(Source.listing("links", List.of(site.uri("/ssrf/")), "a.job", null, 1, 50), sink, new CrawlReport());
    crawler.crawl(new Source("map", "sitemap", List.of(site.uri("/ssrf-sitemap.xml")), null, null, 0, 50, null, null,
        null, null, null, null), sink, new CrawlReport());

    assertThat(postings).extracting(JobPosting::title).containsOnly("Telehealth Project Manager");
    assertThat(site.requests("/internal")).isEmpty();
    assertThat(site.requests()).allSatisfy(r -> assertThat(r.header("Host")).startsWith("127.0.0.1"));
  }
}
