package io.telejobs.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;
import io.telejobs.contracts.WorkMode;
import io.telejobs.ingest.extract.JsonLdExtractor;
import io.telejobs.ingest.fetch.FetchPolicy;
import io.telejobs.ingest.fetch.TestFetchers;
import io.telejobs.ingest.source.Source;
import io.telejobs.testkit.FixtureHttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Boards that need more than one request, crawled from a local server answering with real captured
 * answers ({@code /ats/real}): Workday's POST search with offset paging and a detail per job, and
 * SmartRecruiters' pages and details. A detail that fails or changed shape is an error naming the
 * source, the URL and what was wrong, and the job is still published from its list entry.
 */
class BoardCrawlTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T09:00:00Z"), ZoneOffset.UTC);
  private FixtureHttpServer server;
  private final RecordingSink sink = new RecordingSink();
  private final List<String> searchBodies = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    server = FixtureHttpServer.serving("sites/clinic"); // its robots.txt allows /wday and /v1
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void workdayIsSearchedPageByPageWithPostsThenEachJobIsFetched() throws Exception {
    byte[] firstPage = fixture("workday/hitachi-jobs.json");
    server.on("/wday/cxs/hitachi/hitachi/jobs", ex -> {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      searchBodies.add(ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("Content-Type") + " " + body);
      boolean first = body.contains("\"offset\":0");
      FixtureHttpServer.send(ex, 200, "application/json",
          first ? firstPage : "{\"total\":0,\"jobPostings\":[]}".getBytes(StandardCharsets.UTF_8));
    });
    server.on("/wday/cxs/hitachi/hitachi/job/Kocaeli-Kocaeli-Turkey/Maintenance-Worker_R0119001",
        ex -> FixtureHttpServer.send(ex, 200, "application/json", fixture("workday/hitachi-job-R0119001.json")));
    server.on("/wday/cxs/hitachi/hitachi/job/Kocaeli-Kocaeli-Turkey/Project-Management-Office-Specialist_R0124465",
        ex -> FixtureHttpServer.send(ex, 200, "text/html", "<html><body>Service unavailable</body></html>".getBytes()));
    Source source = new Source("hitachi", "workday", List.of(URI.create("https://hitachi.wd1.myworkdayjobs.com/hitachi")),
        null, null, 0, 0, null, null, URI.create(server.baseUrl()), null, null, null);

    Crawler.Result result = crawler().crawl(source, sink, new CrawlReport());

    assertThat(searchBodies).first().asString()
        .startsWith("POST application/json {\"appliedFacets\":{},\"limit\":20,\"offset\":0");
    assertThat(searchBodies).as("the first page's total (62) pages on in 20s until a page is empty").hasSize(2);
    assertThat(sink.postings).extracting(JobPosting::title)
        .containsExactly("Maintenance Worker", "Office Support Specialist", "Senior Program Manager");
    JobPosting read = sink.postings.get(0);
    assertThat(read.description()).contains("Mekanik Bakımcı");
    assertThat(read.countries()).containsExactly("TR");
    assertThat(read.workMode()).isEqualTo(WorkMode.ONSITE);
    assertThat(read.postingUrl()).isEqualTo(
        "https://hitachi.wd1.myworkdayjobs.com/hitachi/job/Kocaeli-Kocaeli-Turkey/Maintenance-Worker_R0119001");
    JobPosting fromList = sink.postings.get(1);
    assertThat(fromList.description()).isEmpty();
    assertThat(fromList.datePosted()).as("'Posted 24 Days Ago' on the crawl's date").hasToString("2026-02-09");
    assertThat(sink.errors).hasSize(2).allSatisfy(e -> assertThat(e.source()).isEqualTo("hitachi"));
    assertThat(sink.errors.get(0).url()).endsWith("/Project-Management-Office-Specialist_R0124465");
    assertThat(sink.errors.get(0).stage()).isEqualTo(IngestError.Stage.EXTRACT);
    assertThat(sink.errors.get(0).reason()).contains("Office Support Specialist").contains("is an HTML page, not JSON")
        .contains("published from its list entry");
    assertThat(sink.errors.get(1).stage()).isEqualTo(IngestError.Stage.FETCH);
    assertThat(result.complete()).isTrue();
  }

  @Test
  void smartRecruitersPostingsAreListedThenReadOneByOne() throws Exception {
    server.on("/v1/companies/BoschGroup/postings",
        ex -> FixtureHttpServer.send(ex, 200, "application/json", fixture("smartrecruiters/bosch-postings.json")));
    server.on("/v1/companies/BoschGroup/postings/744000151640889", ex -> FixtureHttpServer.send(ex, 200,
        "application/json", fixture("smartrecruiters/bosch-posting-744000151640889.json")));
    Source source = new Source("bosch", "smartrecruiters", null, null, null, 0, 0, "BoschGroup", null,
        URI.create(server.baseUrl()), null, null, null);

    crawler().crawl(source, sink, new CrawlReport());

    assertThat(server.requests("/v1/companies/BoschGroup/postings")).hasSize(1);
    assertThat(sink.postings).extracting(JobPosting::title).containsExactly("Logistics Section Manager",
        "Project Purchasing Smart Start", "Indirect Purchasing Smart Start - Recruitment Days");
    JobPosting detailed = sink.postings.get(0);
    assertThat(detailed.description()).contains("end-to-end planning activities");
    assertThat(detailed.applyUrl()).endsWith("744000151640889-logistics-section-manager?oga=true");
    assertThat(sink.postings.get(2).workMode()).isEqualTo(WorkMode.HYBRID);
    assertThat(detailed.workModeEvidence()).isEqualTo("location.remote=false and location.hybrid=false");
    assertThat(sink.errors).hasSize(2).allSatisfy(e -> assertThat(e.stage()).isEqualTo(IngestError.Stage.FETCH));
  }

  @Test
  void usaJobsIsAskedWithTheKeyAndTheRegisteredAddressAsItsTermsRequire() throws Exception {
    server.on("/api/search", ex -> FixtureHttpServer.send(ex, 200, "application/json", fixture("usajobs/it-search-2016.json")));
    Source source = new Source("va", "usajobs", null, null, null, 0, 0, "telehealth", null, URI.create(server.baseUrl()),
        null, null, null);
    Crawler crawler = new Crawler(TestFetchers.local(FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)",
        "telejobs-bot", Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000)),
        new JsonLdExtractor(), TestFetchers.canonicalizer(), CLOCK, new Crawler.ApiKeys("k3y", "jobs@telejobs.example", "", ""));

    Crawler.Result result = crawler.crawl(source, sink, new CrawlReport());

    assertThat(server.requests("/api/search")).singleElement().satisfies(r -> {
      assertThat(r.header("Authorization-Key")).isEqualTo("k3y");
      assertThat(r.header("User-Agent")).isEqualTo("jobs@telejobs.example");
    });
    assertThat(sink.postings).extracting(JobPosting::title).containsExactly("IT Specialist (INET) (Web Developer)",
        "Information Technology (IT) Project Manager", "INFORMATION TECHNOLOGY SPECIALIST (SECURITY)");
    assertThat(sink.postings.get(1).salary().min()).isEqualByComparingTo("88305");
    assertThat(result.complete()).as("8 results fit in one page of 500").isTrue();
  }

  @Test
  void withoutAKeyAUsaJobsSourceIsNotReadAndSaysWhy() throws Exception {
    Source source = new Source("va", "usajobs", null, null, null, 0, 0, "telehealth", null, URI.create(server.baseUrl()),
        null, null, null);

    Crawler.Result result = crawler().crawl(source, sink, new CrawlReport());

    assertThat(server.requests("/api/search")).isEmpty();
    assertThat(sink.errors).singleElement().satisfies(e -> assertThat(e.reason())
        .isEqualTo("USAJOBS needs APP_USAJOBS_API_KEY and APP_USAJOBS_EMAIL; this source was not read"));
    assertThat(result.complete()).isFalse();
  }

  @Test
  void adzunaKeysGoInTheQueryButNeverIntoAnError() throws Exception {
    server.on("/v1/api/jobs/gb/search/1", ex -> FixtureHttpServer.send(ex, 200, "application/json",
        fixture("adzuna/gb-london.json")));
    server.on("/v1/api/jobs/gb/search/2", ex -> FixtureHttpServer.send(ex, 503, "text/plain", "busy".getBytes()));
    Source source = new Source("adzuna-london", "adzuna", null, null, null, 0, 0, "gb:telehealth project manager", null,
        URI.create(server.baseUrl()), null, null, null);
    Crawler crawler = new Crawler(TestFetchers.local(FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)",
        "telejobs-bot", Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000)),
        new JsonLdExtractor(), TestFetchers.canonicalizer(), CLOCK, new Crawler.ApiKeys("", "", "app-1d", "s3cret-k3y"));

    crawler.crawl(source, sink, new CrawlReport());

    assertThat(sink.postings).extracting(JobPosting::title).containsExactly("Campaign Analyst",
        "Reliability Maintenance Engineering Technician, AMZL - Enfield (London)", "Driving Instructor");
    assertThat(sink.postings.get(0).salary().currency()).isEqualTo("GBP");
    assertThat(sink.postings.get(1).salary()).as("Adzuna's own estimate is not the employer's pay").isNull();
    assertThat(server.requests("/v1/api/jobs/gb/search/1")).hasSize(1);
    assertThat(sink.errors).as("the answer gives no count, so page 2 is asked; it fails").isNotEmpty()
        .allSatisfy(e -> {
          assertThat(e.url()).endsWith("/search/2?results_per_page=50&what=telehealth+project+manager&content-type=application%2Fjson");
          assertThat(e.url() + e.reason()).doesNotContain("s3cret-k3y").doesNotContain("app-1d");
        });
  }

  private Crawler crawler() {
    FetchPolicy policy = FetchPolicy.of("telejobs-test/1.0 (+http://localhost/bot)", "telejobs-bot",
        Duration.ofMillis(20), Duration.ofSeconds(5), Duration.ofSeconds(5), 1_000_000);
    return new Crawler(TestFetchers.local(policy), new JsonLdExtractor(), TestFetchers.canonicalizer(), CLOCK);
  }

  private static byte[] fixture(String path) throws IOException {
    try (InputStream in = BoardCrawlTest.class.getResourceAsStream("/ats/real/" + path)) {
      return in.readAllBytes();
    }
  }
}
