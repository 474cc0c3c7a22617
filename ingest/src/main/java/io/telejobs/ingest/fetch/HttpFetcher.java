package io.telejobs.ingest.fetch;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.telejobs.net.AddressRefusedException;
import io.telejobs.net.OutboundHttp;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches pages and API answers politely and defensively, over {@link OutboundHttp}:
 *
 * <ul>
 *   <li>robots.txt first (decided by crawler-commons), for every host a request reaches, a redirect's
 *       target included;
 *   <li>one request at a time per host, at least the larger of our delay and the site's capped
 *       {@code Crawl-delay} apart, a redirect's target under its own host's delay;
 *   <li>every address connected to, after every redirect, is checked against the address policy, so a
 *       page cannot make the crawler reach into a private network;
 *   <li>timeouts and a deadline per exchange (a body that trickles in is a failed page, not a stalled
 *       crawl), a size limit after decompression, retries with backoff that honour {@code Retry-After},
 *       a per-host circuit breaker, conditional GETs;
 *   <li>every failure is a {@link FetchException} whose message says what happened, in words.
 * </ul>
 */
public final class HttpFetcher implements PageFetcher, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);
  static final int MAX_REDIRECTS = 5;

  private final FetchPolicy policy;
  private final HostGate gate;
  private final OutboundHttp http;
  private final Clock clock;
  private final HostGate.Sleeper sleeper;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Instant> brokenUntil = new ConcurrentHashMap<>();
  /** ETag and Last-Modified of every page fetched, for conditional GETs on the next crawl. */
  private final Map<String, String[]> validators = new ConcurrentHashMap<>();
  private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();
  private final Map<String, BaseRobotRules> robotsByOrigin = new ConcurrentHashMap<>();

  public HttpFetcher(FetchPolicy policy, HostGate gate, OutboundHttp http) {
    this(policy, gate, http, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
  }

  public HttpFetcher(FetchPolicy policy, HostGate gate, OutboundHttp http, Clock clock, HostGate.Sleeper sleeper) {
    this.policy = policy;
    this.gate = gate;
    this.http = http;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The outbound client settings the policy asks for. */
  public static OutboundHttp.Settings clientSettings(FetchPolicy policy, io.telejobs.net.AddressPolicy addresses) {
    Duration deadline = policy.timeout().multipliedBy(3);
    return new OutboundHttp.Settings(policy.userAgent(), policy.timeout(), policy.timeout(), deadline,
        policy.maxBodyBytes(), addresses);
  }

  @Override
  public FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException {
    FetchRequest current = request;
    for (int hop = 0; ; hop++) {
      Exchange e = fetchOne(current);
      if (e.redirect() == null) {
        return new FetchResult(request.url(), current.url(), e.result().status(), e.result().contentType(),
            e.result().body(), e.result().truncated());
      }
      if (hop >= MAX_REDIRECTS) {
        throw new FetchException("more than " + MAX_REDIRECTS + " redirects from " + request.url()
            + " (a redirect loop?)", e.status(), null);
      }
      current = current.redirectedTo(e.redirect(), e.status());
    }
  }

  /** One answer, or the target of a redirect to follow. */
  private record Exchange(FetchResult result, URI redirect, int status) {}

  /** One request to one URL, with its host's robots.txt, politeness, retries and breaker. */
  private Exchange fetchOne(FetchRequest request) throws FetchException, InterruptedException {
    URI url = request.url();
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    if (host.isEmpty() || url.getScheme() == null
        || !(url.getScheme().equalsIgnoreCase("http") || url.getScheme().equalsIgnoreCase("https"))) {
      throw new FetchException("not a web address: " + url, -1, null);
    }
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
        Exchange result = politely(request, delay, true);
        failures.remove(host);
        return result;
      } catch (FetchException e) {
        boolean retryable = e.getCause() instanceof Transient || e.status() == 429 || e.status() >= 500;
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
        LOG.info("{}; retry {} of {} in {} ms", e.getMessage(), attempt + 1, policy.retries(), wait.toMillis());
        sleeper.sleep(wait);
      }
    }
  }

  /** Marks a network failure that another attempt may get past: a timeout, a refused or reset connection. */
  private static final class Transient extends IOException {
    private static final long serialVersionUID = 1L;

    Transient(String message, Throwable cause) {
      super(message, cause);
    }
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

  private Exchange politely(FetchRequest request, Duration delay, boolean failOnStatus)
      throws FetchException, InterruptedException {
    URI url = request.url();
    String host = url.getHost();
    gate.acquire(host, delay);
    try {
      Map<String, String> headers = new HashMap<>(request.headers());
      String[] known = failOnStatus && request.method().equals("GET") ? validators.get(url.toString()) : null;
      if (known != null) {
        if (known[0] != null) {
          headers.put("If-None-Match", known[0]);
        }
        if (known[1] != null) {
          headers.put("If-Modified-Since", known[1]);
        }
      }
      OutboundHttp.Response response = request.method().equals("POST")
          ? http.post(url, request.body(), request.contentType(), headers)
          : http.get(url, headers);
      int status = response.status();
      if (status >= 300 && status < 400 && status != 304 && response.header("location") != null) {
        URI target;
        try {
          target = url.resolve(response.header("location").strip());
        } catch (IllegalArgumentException e) {
          throw new FetchException("HTTP " + status + " to an address that is not valid: "
              + response.header("location"), status, null);
        }
        return new Exchange(null, target, status);
      }
      if (status == 304 && known != null) {
        return new Exchange(new FetchResult(url, url, 304, "", "", false), null, 304);
      }
      if (failOnStatus && (status < 200 || status >= 300)) {
        throw new FetchException("HTTP " + status + " for " + url, status, null,
            RetryAfter.parse(response.header("retry-after"), clock.instant()));
      }
      if (failOnStatus && request.method().equals("GET")
          && (response.header("etag") != null || response.header("last-modified") != null)) {
        validators.put(url.toString(), new String[] {response.header("etag"), response.header("last-modified")});
      }
      if (response.truncated()) {
        LOG.warn("body of {} cut at {} bytes", url, policy.maxBodyBytes());
      }
      String body = decode(response.charset(), response.mediaType(), response.body(), url.toString());
      String contentType = response.header("content-type");
      return new Exchange(new FetchResult(url, url, status, contentType == null ? "" : contentType, body,
          response.truncated()), null, status);
    } catch (AddressRefusedException e) {
      throw new FetchException("refused by the address policy: " + e.getMessage(), -1, e);
    } catch (UnknownHostException e) {
      throw new FetchException("the host " + host + " does not resolve", -1, e);
    } catch (OutboundHttp.DeadlineExceededException e) {
      throw new FetchException("the page did not arrive in full in time (" + e.getMessage() + ") for " + url, -1,
          new Transient(e.getMessage(), e));
    } catch (SocketTimeoutException | ConnectException | NoRouteToHostException e) {
      throw new FetchException(describe(e) + " for " + url, -1, new Transient(e.getMessage(), e));
    } catch (SocketException | java.io.EOFException | org.apache.hc.core5.http.NoHttpResponseException e) {
      throw new FetchException("the connection broke (" + describe(e) + ") for " + url, -1,
          new Transient(e.getMessage(), e));
    } catch (IOException e) {
      throw new FetchException(describe(e) + " for " + url, -1, e);
    } catch (RuntimeException e) {
      // a malformed URL or answer the HTTP client could not handle: this page's failure, not the crawl's
      throw new FetchException("the request could not be made (" + describe(e) + ") for " + url, -1, e);
    } finally {
      gate.release(host);
    }
  }

  /**
   * Decodes the body: the charset of the Content-Type header when it names a valid one; otherwise, for
   * HTML, Jsoup sniffs the byte-order mark and {@code <meta charset>}; otherwise UTF-8.
   */
  static String decode(Charset headerCharset, String mediaType, byte[] bytes, String baseUri) {
    Charset charset = headerCharset;
    boolean html = mediaType == null || mediaType.isEmpty() || mediaType.contains("html");
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
      FetchRequest robots = FetchRequest.get(robotsUrl);
      Exchange r = politely(robots, policy.hostDelay(), false);
      for (int hop = 0; r.redirect() != null && hop < MAX_REDIRECTS; hop++) {
        URI target = r.redirect();
        if (!sameHost(target, robotsUrl)) {
          break; // robots.txt that moves to another host: treated as missing (allow all), as crawler-commons does
        }
        r = politely(robots.redirectedTo(target, r.status()), policy.hostDelay(), false);
      }
      if (r.result() != null && r.result().ok()) {
        rules = robotsParser.parseContent(robotsUrl.toString(),
            r.result().body().getBytes(StandardCharsets.UTF_8), "text/plain", List.of(policy.robotsAgentName()));
      } else {
        // crawler-commons: 4xx means no rules (allow all); 5xx means stay away for now
        rules = robotsParser.failedFetch(r.result() == null ? 404 : r.result().status());
      }
    } catch (FetchException e) {
      if (e.getCause() instanceof AddressRefusedException) {
        rules = robotsParser.failedFetch(403); // never fetched: the page itself will be refused the same way
      } else {
        LOG.warn("robots.txt of {} could not be fetched ({}); treating the site as temporarily off limits",
            origin, e.getMessage());
        rules = robotsParser.failedFetch(500);
      }
    }
    robotsByOrigin.put(origin, rules);
    return rules;
  }

  private static boolean sameHost(URI a, URI b) {
    return a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost());
  }

  private static String describe(Exception e) {
    if (e instanceof SocketTimeoutException || e instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException) {
      return "timed out waiting for an answer";
    }
    if (e instanceof ConnectException) {
      return "the connection was refused";
    }
    String m = e.getMessage();
    String name = e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    return m == null || m.isBlank() ? name : m;
  }

  @Override
  public void close() {
    http.close();
  }
}
