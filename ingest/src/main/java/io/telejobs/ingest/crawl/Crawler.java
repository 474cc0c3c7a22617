package io.telejobs.ingest.crawl;

import io.telejobs.contracts.IngestError;
import io.telejobs.contracts.JobPosting;
import io.telejobs.ingest.extract.AtsExtractor;
import io.telejobs.ingest.extract.Extraction;
import io.telejobs.ingest.extract.JsonLdExtractor;
import io.telejobs.ingest.extract.PostingDraft;
import io.telejobs.ingest.extract.SmartRecruitersAnswer;
import io.telejobs.ingest.extract.UsaJobsAnswer;
import io.telejobs.ingest.extract.WorkdayAnswer;
import io.telejobs.ingest.fetch.FetchException;
import io.telejobs.ingest.fetch.FetchRequest;
import io.telejobs.ingest.fetch.FetchResult;
import io.telejobs.ingest.fetch.PageFetcher;
import io.telejobs.ingest.source.Source;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls one listing source: fetches the seeds, follows posting links and pagination within the depth
 * and page limits, and hands every posting and every failure to the sink. A page that fails is reported
 * and skipped; it never stops the crawl.
 */
public final class Crawler {
  private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

  private final PageFetcher fetcher;
  private final JsonLdExtractor extractor;
  private final UrlCanonicalizer canonicalizer;
  private final PostingFactory factory;
  private final Clock clock;

  /**
   * Keys some APIs need, from the environment.
   *
   * @param usaJobsKey USAJOBS {@code Authorization-Key}, or blank
   * @param usaJobsEmail the e-mail address registered with it, sent as the {@code User-Agent}
   * @param adzunaAppId Adzuna {@code app_id}, or blank
   * @param adzunaAppKey Adzuna {@code app_key}, or blank
   */
  public record ApiKeys(String usaJobsKey, String usaJobsEmail, String adzunaAppId, String adzunaAppKey) {
    public static final ApiKeys NONE = new ApiKeys("", "", "", "");

    public boolean usaJobsReady() {
      return usaJobsKey != null && !usaJobsKey.isBlank() && usaJobsEmail != null && !usaJobsEmail.isBlank();
    }

    public boolean adzunaReady() {
      return adzunaAppId != null && !adzunaAppId.isBlank() && adzunaAppKey != null && !adzunaAppKey.isBlank();
    }
  }

  private final ApiKeys keys;

  public Crawler(PageFetcher fetcher, JsonLdExtractor extractor, UrlCanonicalizer canonicalizer,
      Clock clock) {
    this(fetcher, extractor, canonicalizer, clock, ApiKeys.NONE);
  }

  public Crawler(PageFetcher fetcher, JsonLdExtractor extractor, UrlCanonicalizer canonicalizer,
      Clock clock, ApiKeys keys) {
    this.keys = keys;
    this.fetcher = fetcher;
    this.extractor = extractor;
    this.canonicalizer = canonicalizer;
    this.factory = new PostingFactory(canonicalizer);
    this.clock = clock;
  }

  private record Page(String url, int depth) {}

  /** What a page gave last time, replayed when the server answers 304 Not Modified. */
  private record Remembered(String finalUrl, List<PostingDraft> postings, List<String> links, List<String> next) {}

  private final java.util.Map<String, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * What one crawl of a source found.
   *
   * @param seen ids of every posting found
   * @param complete whether every listing page was read and the page limit was not reached; only a
   *     complete crawl may count a posting it did not find as missing
   */
  public record Result(java.util.Set<String> seen, boolean complete) {}

  /** Crawls {@code source} once. */
  public Result crawl(Source source, PostingSink sink, CrawlReport report) throws InterruptedException {
    return switch (source.type()) {
      case "listing" -> crawlListing(source, sink, report);
      case "feed" -> crawlFeeds(source, sink, report);
      case "sitemap" -> crawlSitemaps(source, sink, report);
      default -> crawlBoard(source, sink, report);
    };
  }

  /** Reads RSS/Atom feeds: every item is a posting. */
  private Result crawlFeeds(Source source, PostingSink sink, CrawlReport report) throws InterruptedException {
    java.util.Set<String> seen = new HashSet<>();
    boolean complete = true;
    for (URI feed : source.seeds()) {
      FetchResult result;
      try {
        result = fetcher.fetch(feed);
      } catch (FetchException e) {
        fail(sink, report, source, feed.toString(), IngestError.Stage.FETCH, e.getMessage());
        complete = false;
        continue;
      }
      report.pageFetched();
      Instant fetchedAt = clock.instant();
      Extraction extraction = io.telejobs.ingest.extract.FeedExtractor.parse(result.body(), source.company());
      for (String problem : extraction.problems()) {
        fail(sink, report, source, feed.toString(), IngestError.Stage.EXTRACT, problem);
        complete &= !problem.startsWith("not an RSS");
      }
      for (PostingDraft draft : extraction.postings()) {
        publish(draft, draft.url() != null ? draft.url() : feed.toString(), fetchedAt, source, sink, report, seen);
      }
    }
    return new Result(seen, complete);
  }

  /**
   * Reads a board API. Most boards answer every open job in one request; Workday (a POST per page of
   * 20, then one GET per job) and SmartRecruiters (pages of 100, then one GET per posting) need more,
   * each under the same robots, politeness, retry and size rules and counted against
   * {@code maxPages}. A job whose detail cannot be had is still published from its list entry.
   */
  private Result crawlBoard(Source source, PostingSink sink, CrawlReport report) throws InterruptedException {
    AtsExtractor.Kind kind = AtsExtractor.Kind.valueOf(source.type().toUpperCase(Locale.ROOT));
    AtsExtractor.Context context = new AtsExtractor.Context(source.company(), source.board(),
        java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
    return switch (kind) {
      case WORKDAY -> crawlWorkday(source, sink, report, context);
      case SMARTRECRUITERS -> crawlSmartRecruiters(source, sink, report, context);
      case USAJOBS -> crawlUsaJobs(source, sink, report, context);
      case ADZUNA -> crawlAdzuna(source, sink, report, context);
      default -> crawlOneAnswer(kind, source, sink, report, context);
    };
  }

  private Result crawlOneAnswer(AtsExtractor.Kind kind, Source source, PostingSink sink, CrawlReport report,
      AtsExtractor.Context context) throws InterruptedException {
    String url = source.apiUrl().toString();
    FetchResult result;
    try {
      result = fetcher.fetch(FetchRequest.get(source.apiUrl(), JSON));
    } catch (FetchException e) {
      fail(sink, report, source, url, IngestError.Stage.FETCH, e.getMessage());
      return new Result(java.util.Set.of(), false);
    }
    report.pageFetched();
    Instant fetchedAt = clock.instant();
    Extraction extraction = AtsExtractor.parse(kind, result.body(), context);
    for (String problem : extraction.problems()) {
      fail(sink, report, source, url, IngestError.Stage.EXTRACT, problem);
    }
    java.util.Set<String> seen = new HashSet<>();
    for (PostingDraft draft : extraction.postings()) {
      publish(draft, draft.url() != null ? draft.url() : url, fetchedAt, source, sink, report, seen);
    }
    return new Result(seen, extraction.problems().stream().noneMatch(Crawler::wholeAnswerUnreadable));
  }

  private Result crawlWorkday(Source source, PostingSink sink, CrawlReport report, AtsExtractor.Context context)
      throws InterruptedException {
    WorkdayAnswer.Site site = source.workdaySite();
    List<WorkdayAnswer.Listed> listed = new java.util.ArrayList<>();
    int total = -1;
    int requests = 0;
    boolean complete = true;
    for (int offset = 0; total < 0 || offset < total; offset += WorkdayAnswer.PAGE) {
      if (requests >= source.maxPages()) {
        complete = false;
        break;
      }
      String url = site.jobsUrl() + " (offset " + offset + ")";
      try {
        FetchResult r = fetcher.fetch(FetchRequest.postJson(site.jobsUrl(), WorkdayAnswer.Site.searchBody(offset), JSON));
        requests++;
        report.pageFetched();
        List<WorkdayAnswer.Listed> page = WorkdayAnswer.page(r.body());
        if (total < 0) {
          total = page.isEmpty() ? 0 : page.get(0).total(); // later pages may say 0: the first page's total counts
        }
        listed.addAll(page);
        if (page.isEmpty()) {
          break;
        }
      } catch (FetchException e) {
        fail(sink, report, source, url, IngestError.Stage.FETCH, e.getMessage());
        complete = false;
        break;
      } catch (IllegalArgumentException e) {
        fail(sink, report, source, url, IngestError.Stage.EXTRACT, e.getMessage());
        complete = false;
        break;
      }
    }
    java.util.Set<String> seen = new HashSet<>();
    for (WorkdayAnswer.Listed job : listed) {
      String url = site.detailUrl(job.externalPath()).toString();
      PostingDraft draft;
      if (requests >= source.maxPages()) {
        complete = false;
        break;
      }
      try {
        FetchResult r = fetcher.fetch(FetchRequest.get(site.detailUrl(job.externalPath()), JSON));
        requests++;
        report.pageFetched();
        draft = WorkdayAnswer.detail(job, r.body(), site, context);
      } catch (FetchException | IllegalArgumentException e) {
        requests++;
        fail(sink, report, source, url, e instanceof FetchException ? IngestError.Stage.FETCH : IngestError.Stage.EXTRACT,
            "job '" + io.telejobs.contracts.Limits.cut(job.title(), 80) + "': " + e.getMessage()
                + "; published from its list entry without its text");
        draft = WorkdayAnswer.fromList(job, site, context);
      }
      publish(draft, draft.url() != null ? draft.url() : url, clock.instant(), source, sink, report, seen);
    }
    return new Result(seen, complete);
  }

  private Result crawlSmartRecruiters(Source source, PostingSink sink, CrawlReport report, AtsExtractor.Context context)
      throws InterruptedException {
    List<PostingDraft> listed = new java.util.ArrayList<>();
    int total = -1;
    int requests = 0;
    boolean complete = true;
    for (int offset = 0; total < 0 || offset < total; offset += SmartRecruitersAnswer.PAGE) {
      if (requests >= source.maxPages()) {
        complete = false;
        break;
      }
      URI page = source.smartRecruitersPage(offset);
      FetchResult r;
      try {
        r = fetcher.fetch(FetchRequest.get(page, JSON));
      } catch (FetchException e) {
        fail(sink, report, source, page.toString(), IngestError.Stage.FETCH, e.getMessage());
        complete = false;
        break;
      }
      requests++;
      report.pageFetched();
      Extraction extraction = AtsExtractor.parse(AtsExtractor.Kind.SMARTRECRUITERS, r.body(), context);
      for (String problem : extraction.problems()) {
        fail(sink, report, source, page.toString(), IngestError.Stage.EXTRACT, problem);
      }
      if (extraction.problems().stream().anyMatch(Crawler::wholeAnswerUnreadable)) {
        complete = false;
        break;
      }
      total = Math.max(total, AtsExtractor.total(AtsExtractor.Kind.SMARTRECRUITERS, r.body()));
      listed.addAll(extraction.postings());
      if (extraction.postings().isEmpty() && extraction.problems().isEmpty()) {
        break;
      }
    }
    java.util.Set<String> seen = new HashSet<>();
    for (PostingDraft entry : listed) {
      if (requests >= source.maxPages()) {
        complete = false;
        break;
      }
      URI detail = source.smartRecruitersPosting(entry.externalId());
      PostingDraft draft = entry;
      try {
        FetchResult r = fetcher.fetch(FetchRequest.get(detail, JSON));
        report.pageFetched();
        draft = SmartRecruitersAnswer.detail(r.body(), context);
      } catch (FetchException | IllegalArgumentException e) {
        fail(sink, report, source, detail.toString(),
            e instanceof FetchException ? IngestError.Stage.FETCH : IngestError.Stage.EXTRACT,
            "posting '" + io.telejobs.contracts.Limits.cut(entry.title(), 80) + "': " + e.getMessage()
                + "; published from its list entry without its text");
      }
      requests++;
      publish(draft, draft.url() != null ? draft.url() : detail.toString(), clock.instant(), source, sink, report, seen);
    }
    return new Result(seen, complete);
  }

  /** A source that cannot be read (its keys are missing): an error saying so, and nothing seen. */
  private Result notRead(Source source, PostingSink sink, CrawlReport report, String why) {
    fail(sink, report, source, source.apiUrl().toString(), IngestError.Stage.FETCH, why);
    return new Result(java.util.Set.of(), false);
  }

  /** USAJOBS: pages of 500 with the key and the registered e-mail as User-Agent, as its terms ask. */
  private Result crawlUsaJobs(Source source, PostingSink sink, CrawlReport report, AtsExtractor.Context context)
      throws InterruptedException {
    if (!keys.usaJobsReady()) {
      return notRead(source, sink, report, "USAJOBS needs APP_USAJOBS_API_KEY and APP_USAJOBS_EMAIL; this source was not read");
    }
    java.util.Map<String, String> headers = java.util.Map.of("Accept", "application/json",
        "Authorization-Key", keys.usaJobsKey(), "User-Agent", keys.usaJobsEmail());
    return crawlNumberedPages(AtsExtractor.Kind.USAJOBS, source, source::usaJobsPage, url -> url, headers,
        UsaJobsAnswer.PAGE, message -> message, sink, report, context);
  }

  /**
   * Adzuna: pages of 50 until {@code count} is reached. The keys go in the query string, as Adzuna
   * asks; every address and message this reports (errors, logs) is the one without them.
   */
  private Result crawlAdzuna(Source source, PostingSink sink, CrawlReport report, AtsExtractor.Context context)
      throws InterruptedException {
    if (!keys.adzunaReady()) {
      return notRead(source, sink, report, "Adzuna needs APP_ADZUNA_APP_ID and APP_ADZUNA_APP_KEY; this source was not read");
    }
    String credentials = "&app_id=" + java.net.URLEncoder.encode(keys.adzunaAppId(), java.nio.charset.StandardCharsets.UTF_8)
        + "&app_key=" + java.net.URLEncoder.encode(keys.adzunaAppKey(), java.nio.charset.StandardCharsets.UTF_8);
    return crawlNumberedPages(AtsExtractor.Kind.ADZUNA, source, source::adzunaPage, url -> URI.create(url + credentials),
        JSON, Source.ADZUNA_PAGE, message -> message.replace(keys.adzunaAppKey(), "…").replace(keys.adzunaAppId(), "…"),
        sink, report, context);
  }

  /**
   * Search APIs that page by number (1, 2, …) and say their total: reads pages until the total is
   * reached, a page is empty, or {@code maxPages} is spent (then the crawl is incomplete).
   *
   * @param shown the page's address as errors name it
   * @param fetched the address actually asked (with keys, when the API takes them in the query)
   * @param hide removes secrets from a fetch failure's message
   */
  private Result crawlNumberedPages(AtsExtractor.Kind kind, Source source, java.util.function.IntFunction<URI> shown,
      java.util.function.UnaryOperator<URI> fetched, java.util.Map<String, String> headers, int pageSize,
      java.util.function.UnaryOperator<String> hide, PostingSink sink, CrawlReport report, AtsExtractor.Context context)
      throws InterruptedException {
    java.util.Set<String> seen = new HashSet<>();
    boolean complete = true;
    int total = -1;
    for (int page = 1; total < 0 || (page - 1) * pageSize < total; page++) {
      if (page > source.maxPages()) {
        complete = false;
        break;
      }
      URI url = shown.apply(page);
      FetchResult r;
      try {
        r = fetcher.fetch(FetchRequest.get(fetched.apply(url), headers));
      } catch (FetchException e) {
        fail(sink, report, source, url.toString(), IngestError.Stage.FETCH, hide.apply(e.getMessage()));
        complete = false;
        break;
      }
      report.pageFetched();
      Extraction extraction = AtsExtractor.parse(kind, r.body(), context);
      for (String problem : extraction.problems()) {
        fail(sink, report, source, url.toString(), IngestError.Stage.EXTRACT, problem);
      }
      if (extraction.problems().stream().anyMatch(Crawler::wholeAnswerUnreadable)) {
        complete = false;
        break;
      }
      for (PostingDraft draft : extraction.postings()) {
        publish(draft, draft.url() != null ? draft.url() : url.toString(), clock.instant(), source, sink, report, seen);
      }
      total = Math.max(total, AtsExtractor.total(kind, r.body()));
      if (extraction.postings().isEmpty() && extraction.problems().isEmpty()) {
        break;
      }
    }
    return new Result(seen, complete);
  }

  /** A problem that means the answer as a whole could not be read (not one job of it). */
  private static boolean wholeAnswerUnreadable(String problem) {
    return problem.contains("not valid JSON") || problem.contains("not JSON") || problem.contains("no list")
        || problem.contains("answer is empty");
  }

  private static final java.util.Map<String, String> JSON = java.util.Map.of("Accept", "application/json");

  private Result crawlListing(Source source, PostingSink sink, CrawlReport report) throws InterruptedException {
    return crawlPages(source, source.seeds(), source.maxDepth(), sink, report, true);
  }

  /**
   * Reads sitemaps (and sitemap indexes) with crawler-commons, keeps the URLs that match the source's
   * {@code urlPattern}, and reads those pages as posting pages, following no further links.
   */
  private Result crawlSitemaps(Source source, PostingSink sink, CrawlReport report) throws InterruptedException {
    java.util.regex.Pattern wanted = java.util.regex.Pattern.compile(source.urlPattern() == null ? ".*" : source.urlPattern());
    Deque<URI> sitemaps = new ArrayDeque<>(source.seeds());
    List<URI> pages = new java.util.ArrayList<>();
    boolean complete = true;
    int read = 0;
    while (!sitemaps.isEmpty() && read < 50 && pages.size() < source.maxPages()) {
      URI sitemap = sitemaps.poll();
      read++;
      FetchResult r;
      try {
        r = fetcher.fetch(sitemap);
      } catch (FetchException e) {
        fail(sink, report, source, sitemap.toString(), IngestError.Stage.FETCH, e.getMessage());
        complete = false;
        continue;
      }
      report.pageFetched();
      io.telejobs.ingest.extract.SitemapReader.Read map = io.telejobs.ingest.extract.SitemapReader.read(r.body(), sitemap);
      if (map.problem() != null) {
        fail(sink, report, source, sitemap.toString(), IngestError.Stage.PARSE, map.problem());
        complete = false;
      }
      sitemaps.addAll(map.sitemaps());
      for (URI u : map.pages()) {
        if (wanted.matcher(u.toString()).find() && pages.size() < source.maxPages()) {
          pages.add(u);
        }
      }
    }
    Result result = crawlPages(source, pages, 0, sink, report, false);
    return new Result(result.seen(), complete && result.complete());
  }

  private Result crawlPages(Source source, List<URI> start, int maxDepth, PostingSink sink, CrawlReport report,
      boolean startPagesAreListings) throws InterruptedException {
    java.util.Set<String> seenIds = new HashSet<>();
    boolean complete = true;
    Deque<Page> queue = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    for (URI seed : start) {
      String c = canonicalizer.canonical(seed.toString());
      if (c != null && seen.add(c)) {
        queue.add(new Page(c, 0));
      }
    }
    int fetched = 0;
    while (!queue.isEmpty() && fetched < source.maxPages()) {
      Page page = queue.poll();
      fetched++;
      FetchResult result;
      try {
        result = fetcher.fetch(URI.create(page.url()));
      } catch (FetchException e) {
        fail(sink, report, source, page.url(), IngestError.Stage.FETCH, e.getMessage());
        if (page.depth() == 0 && startPagesAreListings) {
          complete = false; // a listing page failed: what it lists is unknown, not gone
        }
        continue;
      }
      report.pageFetched();
      Instant fetchedAt = clock.instant();
      Remembered page0 = result.notModified() ? remembered.get(page.url()) : null;
      Remembered memo;
      if (page0 != null) {
        report.notModified();
        memo = page0; // unchanged since the last crawl: replay what it gave
      } else {
        String pageUrl = result.finalUrl().toString();
        if (result.truncated()) {
          fail(sink, report, source, pageUrl, IngestError.Stage.FETCH,
              "body larger than the size limit; cut off and read as far as it went");
        }
        Document doc;
        try {
          doc = Jsoup.parse(result.body(), pageUrl);
        } catch (RuntimeException e) {
          fail(sink, report, source, pageUrl, IngestError.Stage.PARSE, e.toString());
          continue;
        }
        Extraction extraction = extractor.parse(doc);
        if (extraction.postings().isEmpty() && !source.selectors().isEmpty() && page.depth() > 0) {
          extraction = io.telejobs.ingest.extract.SelectorExtractor.parse(doc, source.selectors(), source.company());
        }
        for (String problem : extraction.problems()) {
          fail(sink, report, source, pageUrl, IngestError.Stage.EXTRACT, problem);
        }
        memo = new Remembered(pageUrl, extraction.postings(), links(doc, source.linkSelector(), pageUrl),
            source.nextSelector() == null ? List.of() : links(doc, source.nextSelector(), pageUrl));
        remembered.put(page.url(), memo);
      }
      for (PostingDraft draft : memo.postings()) {
        publish(draft, memo.finalUrl(), fetchedAt, source, sink, report, seenIds);
      }
      if (page.depth() < maxDepth) {
        enqueue(memo.links(), page.depth() + 1, queue, seen);
      }
      if (startPagesAreListings) {
        enqueue(memo.next(), page.depth(), queue, seen);
      }
    }
    if (!queue.isEmpty()) {
      complete = false;
      LOG.info("source {}: page limit {} reached, {} links left for the next crawl", source.name(),
          source.maxPages(), queue.size());
    }
    return new Result(seenIds, complete);
  }

  /** The canonical URLs a page links to: by selector, or every same-host link when there is none. */
  private List<String> links(Document doc, String selector, String pageUrl) {
    String host = URI.create(pageUrl).getHost();
    String css = selector == null ? "a[href]" : selector;
    List<String> out = new java.util.ArrayList<>();
    for (Element a : doc.select(css)) {
      String href = a.absUrl("href");
      if (href.isEmpty()) {
        continue;
      }
      String c = canonicalizer.canonical(href);
      if (c == null) {
        continue;
      }
      String linkHost = URI.create(c).getHost();
      boolean sameSite = host != null && linkHost != null
          && linkHost.toLowerCase(Locale.ROOT).equals(host.toLowerCase(Locale.ROOT));
      if (selector != null || sameSite) {
        out.add(c);
      }
    }
    return out;
  }

  private static void enqueue(List<String> links, int depth, Deque<Page> queue, Set<String> seen) {
    for (String c : links) {
      if (seen.add(c)) {
        queue.add(new Page(c, depth));
      }
    }
  }

  /** Completes a draft, reports what had to be cut to fit the limits, and hands the posting to the sink. */
  private void publish(PostingDraft draft, String pageUrl, Instant fetchedAt, Source source, PostingSink sink,
      CrawlReport report, java.util.Set<String> seen) {
    PostingFactory.Completed done = factory.complete(draft, source.name(), pageUrl, fetchedAt);
    JobPosting posting = done.posting();
    for (String note : done.notes()) {
      sink.error(new IngestError(IngestError.SCHEMA_VERSION, source.name(), posting.pageUrl(), IngestError.Stage.LIMIT,
          "posting '" + io.telejobs.contracts.Limits.cut(posting.title(), 80) + "': " + note, clock.instant()));
    }
    report.postingFound();
    seen.add(posting.id());
    sink.posting(posting);
  }

  private void fail(PostingSink sink, CrawlReport report, Source source, String url,
      IngestError.Stage stage, String reason) {
    report.error();
    LOG.warn("source {}: {} failed for {}: {}", source.name(), stage, url, reason);
    sink.error(new IngestError(IngestError.SCHEMA_VERSION, source.name(), url, stage, reason,
        clock.instant()));
  }
}
