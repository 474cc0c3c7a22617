package io.telejobs.ingest.source;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One site or API to crawl, as declared in the sources file.
 *
 * @param name unique short name; part of every posting id from this source
 * @param type how to read it; {@code listing} follows links from seed pages to posting pages
 * @param seeds start URLs; for a workday source, its career site ({@code https://{tenant}.wd{N}.myworkdayjobs.com/{site}})
 * @param linkSelector CSS selector for posting links on a listing page; null means every same-host link
 * @param nextSelector CSS selector for the next listing page, or null
 * @param maxDepth how many links away from a seed to follow
 * @param maxPages how many pages one crawl of this source may fetch
 * @param board the board's name on its ATS: Greenhouse board token, Lever company, Ashby organisation,
 *     SmartRecruiters company identifier, Recruitee subdomain, Workable account; the search words of a
 *     remotive or usajobs source; {@code country:words} for adzuna
 * @param company the hiring company's name, for ATS answers that do not carry it
 * @param apiBase the ATS API's scheme and host; null for the public one (tests point it at a local server)
 * @param urlPattern for sitemaps: a regular expression the posting URLs must contain a match of
 * @param selectors for pages without structured data: CSS selectors of title, company, location,
 *     salary and description
 * @param interval in continuous mode, how long after one crawl of this source ends the next begins;
 *     null for the service default ({@code APP_CRAWL_INTERVAL})
 */
public record Source(
    String name,
    String type,
    List<URI> seeds,
    String linkSelector,
    String nextSelector,
    int maxDepth,
    int maxPages,
    String board,
    String company,
    URI apiBase,
    String urlPattern,
    java.util.Map<String, String> selectors,
    java.time.Duration interval) {

  public static final int DEFAULT_MAX_DEPTH = 2;
  public static final int DEFAULT_MAX_PAGES = 200;

  /** A listing source: seed pages whose links lead to posting pages. */
  public static Source listing(String name, List<URI> seeds, String linkSelector, String nextSelector, int maxDepth,
      int maxPages) {
    return new Source(name, "listing", seeds, linkSelector, nextSelector, maxDepth, maxPages, null, null, null, null,
        null, null);
  }

  /** The board kinds: sources read from an applicant tracking system's or job board's API. */
  public static final List<String> BOARDS =
      List.of("greenhouse", "lever", "ashby", "workday", "smartrecruiters", "recruitee", "workable", "remotive", "usajobs", "adzuna");

  /** Remotive asks API users to call at most a few times a day; a remotive source is never read more often. */
  public static final java.time.Duration REMOTIVE_MIN_INTERVAL = java.time.Duration.ofHours(6);

  /**
   * The first request's URL of a board source (Workday's is a POST; see
   * {@link io.telejobs.ingest.extract.WorkdayAnswer.Site}). {@code apiBase} replaces scheme and host.
   */
  public URI apiUrl() {
    if (type.equals("workday")) {
      return workdaySite().jobsUrl();
    }
    String base = switch (type) {
      case "greenhouse" -> "https://boards-api.greenhouse.io";
      case "lever" -> "https://api.lever.co";
      case "ashby" -> "https://api.ashbyhq.com";
      case "smartrecruiters" -> "https://api.smartrecruiters.com";
      case "recruitee" -> "https://" + board + ".recruitee.com";
      case "workable" -> "https://apply.workable.com";
      case "remotive" -> "https://remotive.com";
      case "usajobs" -> "https://data.usajobs.gov";
      case "adzuna" -> "https://api.adzuna.com";
      default -> throw new IllegalStateException("a " + type + " source has no API");
    };
    if (apiBase != null) {
      base = apiBase.toString().replaceAll("/+$", "");
    }
    String q = java.net.URLEncoder.encode(board == null ? "" : board, java.nio.charset.StandardCharsets.UTF_8);
    return URI.create(base + switch (type) {
      case "greenhouse" -> "/v1/boards/" + board + "/jobs?content=true&pay_transparency=true";
      case "lever" -> "/v0/postings/" + board + "?mode=json";
      case "smartrecruiters" -> "/v1/companies/" + board + "/postings?limit="
          + io.telejobs.ingest.extract.SmartRecruitersAnswer.PAGE + "&offset=0";
      case "recruitee" -> "/api/offers/";
      case "workable" -> "/api/v1/widget/accounts/" + board + "?details=true";
      case "remotive" -> "/api/remote-jobs?search=" + q;
      case "usajobs" -> "/api/search?Keyword=" + q + "&ResultsPerPage=" + io.telejobs.ingest.extract.UsaJobsAnswer.PAGE
          + "&Page=1";
      case "adzuna" -> "/v1/api/jobs/" + board.substring(0, board.indexOf(':')) + "/search/1?results_per_page="
          + ADZUNA_PAGE + "&what=" + java.net.URLEncoder.encode(board.substring(board.indexOf(':') + 1),
          java.nio.charset.StandardCharsets.UTF_8) + "&content-type=application%2Fjson";
      default -> "/posting-api/job-board/" + board + "?includeCompensation=true";
    });
  }

  /** Adzuna results per page (its maximum is 50). */
  public static final int ADZUNA_PAGE = 50;

  /** Adzuna's default keys allow a few hundred calls a day: an adzuna source is read at most hourly. */
  public static final java.time.Duration ADZUNA_MIN_INTERVAL = java.time.Duration.ofHours(1);

  /** An Adzuna search page (1-based), without the keys (the crawler adds them; they never appear in errors). */
  public URI adzunaPage(int page) {
    return URI.create(apiUrl().toString().replaceFirst("/search/1\\?", "/search/" + page + "?"));
  }

  /** A USAJOBS search page (1-based). */
  public URI usaJobsPage(int page) {
    return URI.create(apiUrl().toString().replaceFirst("Page=1$", "Page=" + page));
  }

  /** A SmartRecruiters list page at {@code offset}. */
  public URI smartRecruitersPage(int offset) {
    return URI.create(apiUrl().toString().replaceFirst("offset=0$", "offset=" + offset));
  }

  /** A SmartRecruiters posting's detail. */
  public URI smartRecruitersPosting(String id) {
    String u = apiUrl().toString();
    return URI.create(u.substring(0, u.indexOf("/postings?")) + "/postings/" + id);
  }

  /** The Workday career site of a workday source: its first seed, served from {@code apiBase} when set. */
  public io.telejobs.ingest.extract.WorkdayAnswer.Site workdaySite() {
    io.telejobs.ingest.extract.WorkdayAnswer.Site site = io.telejobs.ingest.extract.WorkdayAnswer.Site.of(seeds.get(0));
    return apiBase == null ? site : site.at(URI.create(apiBase.toString().replaceAll("/+$", "")));
  }

  public Source {
    if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException(
          "source name must be lower-case letters, digits, '.', '_' or '-' (was '" + name + "')");
    }
    type = type == null ? "listing" : type.toLowerCase(Locale.ROOT);
    if (!List.of("listing", "feed", "sitemap").contains(type) && !BOARDS.contains(type)) {
      throw new IllegalArgumentException("source " + name + ": unknown type '" + type
          + "' (listing, feed, sitemap, " + String.join(", ", BOARDS) + ")");
    }
    seeds = seeds == null ? List.of() : seeds;
    boolean crawled = type.equals("listing") || type.equals("feed") || type.equals("sitemap");
    if ((crawled || type.equals("workday")) && seeds.isEmpty()) {
      throw new IllegalArgumentException("source " + name + ": at least one seed URL is required"
          + (type.equals("workday") ? " (the career site, https://{tenant}.wd{N}.myworkdayjobs.com/{site})" : ""));
    }
    if (type.equals("workday")) {
      try {
        io.telejobs.ingest.extract.WorkdayAnswer.Site.of(seeds.get(0));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("source " + name + ": " + e.getMessage(), e);
      }
    }
    selectors = selectors == null ? java.util.Map.of() : java.util.Map.copyOf(selectors);
    for (String field : selectors.keySet()) {
      if (!io.telejobs.ingest.extract.SelectorExtractor.FIELDS.contains(field)) {
        throw new IllegalArgumentException("source " + name + ": unknown selector '" + field + "' (use "
            + io.telejobs.ingest.extract.SelectorExtractor.FIELDS + ")");
      }
      org.jsoup.select.QueryParser.parse(selectors.get(field)); // fails on a broken CSS selector
    }
    if (!selectors.isEmpty() && !selectors.containsKey("title")) {
      throw new IllegalArgumentException("source " + name + ": selectors need at least \"title\"");
    }
    if (urlPattern != null) {
      java.util.regex.Pattern.compile(urlPattern); // fails with the position of the mistake
    }
    if (type.equals("adzuna") && (board == null || !board.matches("[a-z]{2}:[\\p{L}0-9 ._-]{1,100}"))) {
      throw new IllegalArgumentException("source " + name + ": an adzuna source needs its country and search words as "
          + "board, e.g. \"us:telehealth project manager\" (the country as Adzuna writes it: gb, us, in, au, ca…)");
    }
    if (type.equals("usajobs") && (board == null || !board.matches("[\\p{L}0-9 ._()-]{1,100}"))) {
      throw new IllegalArgumentException("source " + name + ": a usajobs source needs its search keyword as board "
          + "(letters, digits, spaces, '.', '_', '-', '(', ')')");
    }
    if (!crawled && !type.equals("workday") && !type.equals("usajobs") && !type.equals("adzuna")
        && (board == null || !board.matches("[A-Za-z0-9._-]{1,100}"))) {
      throw new IllegalArgumentException("source " + name + ": a " + type + " source needs its board name (letters, digits, '.', '_', '-')");
    }
    for (URI seed : seeds) {
      String scheme = seed.getScheme() == null ? "" : seed.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || seed.getHost() == null) {
        throw new IllegalArgumentException("source " + name + ": seed is not an http(s) URL: " + seed);
      }
    }
    seeds = List.copyOf(seeds);
    if (interval != null && (interval.isNegative() || interval.isZero())) {
      throw new IllegalArgumentException("source " + name + ": interval must be positive, was " + interval);
    }
    if (type.equals("adzuna") && (interval == null || interval.compareTo(ADZUNA_MIN_INTERVAL) < 0)) {
      interval = ADZUNA_MIN_INTERVAL;
    }
    if (type.equals("remotive") && (interval == null || interval.compareTo(REMOTIVE_MIN_INTERVAL) < 0)) {
      interval = REMOTIVE_MIN_INTERVAL;
    }
    maxDepth = maxDepth <= 0 ? DEFAULT_MAX_DEPTH : maxDepth;
    maxPages = maxPages <= 0 ? DEFAULT_MAX_PAGES : maxPages;
  }
}
