package io.telejobs.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages with Jsoup's {@link Connection}: robots.txt first (decided by crawler-commons), one
 * request at a time per host with the larger of our delay and the site's capped {@code Crawl-delay},
 * timeouts, a body-size limit and an honest User-Agent.
 */
public final class JsoupFetcher implements PageFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(JsoupFetcher.class);

  private final FetchPolicy policy;
  private final HostGate gate;
  private final java.time.Clock clock;
  private final HostGate.Sleeper sleeper;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> brokenUntil = new ConcurrentHashMap<>();
  /** ETag and Last-Modified of every page fetched, for conditional GETs on the next crawl. */
  private final Map<String, String[]> validators = new ConcurrentHashMap<>();
  private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
  private final Map<String, BaseRobotRules> robotsByOrigin = new ConcurrentHashMap<>();

  public JsoupFetcher(FetchPolicy policy, HostGate gate) {
    this(policy, gate, java.time.Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
  }

  public JsoupFetcher(FetchPolicy policy, HostGate gate, java.time.Clock clock, HostGate.Sleeper sleeper) {
    this.policy = policy;
    this.gate = gate;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public FetchResult fetch(URI url) throws FetchException, InterruptedException {
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    Instant openUntil = brokenUntil.get(host);
    if (openUntil != null && clock.instant().isBefore(openUntil)) {
      throw new FetchException("host " + host + " failed repeatedly; left alone until " + openUntil, -1, null);
    }
    BaseRobotRules rules = robotsFor(url);
    if (!rules.isAllowed(url.toString())) {
      throw new FetchException("disallowed by robots.txt: " + url, -1, null);
    }
    Duration delay = delayFor(rules);
    for (int attempt = 0; ; attempt++) {
      try {
        FetchResult result = politely(url, delay, true);
        failures.remove(host);
        return result;
      } catch (FetchException e) {
        boolean retryable = transientNetworkError(e.getCause()) || e.status() == 429 || e.status() >= 500;
        if (retryable) {
          int inARow = failures.merge(host, 1, Integer::sum);
          if (inARow >= policy.breakerThreshold()) {
            brokenUntil.put(host, clock.instant().plus(policy.breakerCooldown()));
            LOG.warn("host {} failed {} times in a row; leaving it alone for {}", host, inARow, policy.breakerCooldown());
            throw e;
          }
        }
        if (!retryable || attempt >= policy.retries()) {
          throw e;
        }
        Duration wait = e.retryAfter() != null ? e.retryAfter() : backoff(attempt);
        if (wait.compareTo(policy.maxRetryAfter()) > 0) {
          throw new FetchException(e.getMessage() + "; Retry-After " + wait + " is longer than we wait", e.status(), e);
        }
        LOG.info("{} for {}; retry {} of {} in {} ms", e.getMessage(), url, attempt + 1, policy.retries(), wait.toMillis());
        sleeper.sleep(wait);
      }
    }
  }

  /** Timeouts, refused and reset connections may pass; a redirect loop or an unknown host will not. */
  private static boolean transientNetworkError(Throwable t) {
    return t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException
        || t instanceof java.net.ConnectException
        || t instanceof java.net.SocketException || t instanceof java.io.EOFException;
  }

  private Duration backoff(int attempt) {
    long base = policy.backoff().toMillis() << Math.min(attempt, 16);
    return Duration.ofMillis(base / 2 + java.util.concurrent.ThreadLocalRandom.current().nextLong(base / 2 + 1));
  }

  private Duration delayFor(BaseRobotRules rules) {
    long crawlDelayMs = rules.getCrawlDelay();
    Duration siteDelay = crawlDelayMs > 0 ? Duration.ofMillis(crawlDelayMs) : Duration.ZERO;
    if (siteDelay.compareTo(policy.maxCrawlDelay()) > 0) {
      siteDelay = policy.maxCrawlDelay();
    }
    return siteDelay.compareTo(policy.hostDelay()) > 0 ? siteDelay : policy.hostDelay();
  }

  private FetchResult politely(URI url, Duration delay, boolean failOnStatus)
      throws FetchException, InterruptedException {
    String host = url.getHost() == null ? "" : url.getHost();
    gate.acquire(host, delay);
    try {
      Connection connection = Jsoup.connect(url.toString());
      String[] known = failOnStatus ? validators.get(url.toString()) : null;
      if (known != null) {
        if (known[0] != null) {
          connection.header("If-None-Match", known[0]);
        }
        if (known[1] != null) {
          connection.header("If-Modified-Since", known[1]);
        }
      }
      Connection.Response response = connection
          .userAgent(policy.userAgent())
          .timeout((int) policy.timeout().toMillis())
          .maxBodySize(policy.maxBodyBytes())
          .followRedirects(true)
          .ignoreHttpErrors(true)
          .ignoreContentType(true)
          .execute();
      int status = response.statusCode();
      if (status == 304 && known != null) {
        return new FetchResult(url, url, 304, "", "", false);
      }
      if (failOnStatus && (status < 200 || status >= 300)) {
        throw new FetchException("HTTP " + status + " for " + url, status, null,
            RetryAfter.parse(response.header("Retry-After"), clock.instant()));
      }
      if (failOnStatus && (response.header("ETag") != null || response.header("Last-Modified") != null)) {
        validators.put(url.toString(), new String[] {response.header("ETag"), response.header("Last-Modified")});
      }
      byte[] bytes = response.bodyAsBytes();
      boolean truncated = bytes.length >= policy.maxBodyBytes();
      if (truncated) {
        LOG.warn("body of {} cut at {} bytes", url, policy.maxBodyBytes());
      }
      String body = decode(response.charset(), response.contentType(), bytes, url.toString());
      return new FetchResult(url, URI.create(response.url().toString()), status,
          response.contentType() == null ? "" : response.contentType(), body, truncated);
    } catch (IOException e) {
      throw new FetchException(describe(e) + " for " + url, -1, e);
    } finally {
      gate.release(host);
    }
  }

  /**
   * Decodes the body: the charset of the Content-Type header when it names a valid one; otherwise, for
   * HTML, Jsoup sniffs the byte-order mark and {@code <meta charset>}; otherwise UTF-8.
   */
  static String decode(String headerCharset, String contentType, byte[] bytes, String baseUri) {
    java.nio.charset.Charset charset = null;
    if (headerCharset != null) {
      try {
        charset = java.nio.charset.Charset.forName(headerCharset);
      } catch (RuntimeException e) {
        charset = null; // wrong charset name: sniff instead
      }
    }
    boolean html = contentType == null || contentType.isEmpty() || contentType.contains("html");
    if (charset == null && html) {
      try {
        return Jsoup.parse(new java.io.ByteArrayInputStream(bytes), null, baseUri).outerHtml();
      } catch (IOException e) {
        charset = StandardCharsets.UTF_8;
      }
    }
    return new String(bytes, charset == null ? StandardCharsets.UTF_8 : charset);
  }

  private BaseRobotRules robotsFor(URI url) throws InterruptedException {
    String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
    BaseRobotRules cached = robotsByOrigin.get(origin);
    if (cached != null) {
      return cached;
    }
    URI robotsUrl = URI.create(origin + "/robots.txt");
    BaseRobotRules rules;
    try {
      FetchResult r = politely(robotsUrl, policy.hostDelay(), false);
      if (r.ok()) {
        rules = robotsParser.parseContent(robotsUrl.toString(),
            r.body().getBytes(StandardCharsets.UTF_8), "text/plain", List.of(policy.robotsAgentName()));
      } else {
        // crawler-commons: 4xx means no rules (allow all); 5xx means stay away for now
        rules = robotsParser.failedFetch(r.status());
      }
    } catch (FetchException e) {
      LOG.warn("robots.txt of {} could not be fetched ({}); treating the site as temporarily off limits",
          origin, e.getMessage());
      rules = robotsParser.failedFetch(500);
    }
    robotsByOrigin.put(origin, rules);
    return rules;
  }

  private static String describe(IOException e) {
    String name = e.getClass().getSimpleName();
    return e.getMessage() == null ? name : name + ": " + e.getMessage();
  }
}
