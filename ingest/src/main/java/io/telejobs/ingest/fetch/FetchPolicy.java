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
 */
public record FetchPolicy(
    String userAgent,
    String robotsAgentName,
    Duration hostDelay,
    Duration maxCrawlDelay,
    Duration timeout,
    int maxBodyBytes) {

  public FetchPolicy {
    if (userAgent == null || userAgent.isBlank()) {
      throw new IllegalArgumentException("userAgent is required");
    }
    if (hostDelay.isNegative() || timeout.isZero() || timeout.isNegative() || maxBodyBytes <= 0) {
      throw new IllegalArgumentException("bad fetch policy: " + hostDelay + ", " + timeout + ", " + maxBodyBytes);
    }
  }
}
