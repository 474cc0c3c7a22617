package io.telejobs.ingest.fetch;

import java.time.Duration;

/**
 * How politely and how defensively to fetch.
 *
 * @param userAgent an honest User-Agent with a contact URL
 * @param robotsAgentName the token matched against robots.txt user-agent lines
 * @param hostDelay minimum time between two requests to one host
 * @param maxCrawlDelay cap on a robots.txt {@code Crawl-delay}
 * @param timeout connect and read timeout
 * @param maxBodyBytes larger bodies are cut off and reported
 * @param retries further attempts after a 429, a 5xx or a network failure
 * @param backoff delay before the first retry; doubles each time, with jitter; a Retry-After wins
 * @param maxRetryAfter longest Retry-After honoured; a longer one gives up on the page for this crawl
 * @param breakerThreshold failures in a row after which a host is left alone
 * @param breakerCooldown how long a failing host is left alone
 */
public record FetchPolicy(
    String userAgent,
    String robotsAgentName,
    Duration hostDelay,
    Duration maxCrawlDelay,
    Duration timeout,
    int maxBodyBytes,
    int retries,
    Duration backoff,
    Duration maxRetryAfter,
    int breakerThreshold,
    Duration breakerCooldown) {

  /** A policy with the default retry and circuit-breaker settings. */
  public static FetchPolicy of(String userAgent, String robotsAgentName, Duration hostDelay, Duration maxCrawlDelay,
      Duration timeout, int maxBodyBytes) {
    return new FetchPolicy(userAgent, robotsAgentName, hostDelay, maxCrawlDelay, timeout, maxBodyBytes, 3,
        Duration.ofSeconds(2), Duration.ofMinutes(2), 5, Duration.ofMinutes(10));
  }

  public FetchPolicy {
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent is required");
    }
    if (retries < 0 || breakerThreshold < 1) {
      throw new IllegalArgumentException("retries must be >= 0 and breakerThreshold >= 1");
    }
    if (hostDelay.isNegative() || timeout.isZero() || timeout.isNegative() || maxBodyBytes <= 0) {
      throw new IllegalArgumentException("bad fetch policy: " + hostDelay + ", " + timeout + ", " + maxBodyBytes);
    }
  }
}
