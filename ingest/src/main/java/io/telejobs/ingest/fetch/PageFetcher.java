package io.telejobs.ingest.fetch;

import java.net.URI;

/** Fetches one URL, politely. Implementations obey robots.txt and the per-host delay. */
public interface PageFetcher {
  /**
   * Fetches {@code url}.
   *
   * @throws FetchException when robots.txt disallows it, the network fails, or the status is not 2xx
   * @throws InterruptedException when the crawl is being shut down
   */
  default FetchResult fetch(URI url) throws FetchException, InterruptedException {
    return fetch(FetchRequest.get(url));
  }

  /**
   * Makes {@code request}, a GET or a POST, under the same rules.
   *
   * @throws FetchException when robots.txt disallows it, the network fails, or the status is not 2xx
   * @throws InterruptedException when the crawl is being shut down
   */
  FetchResult fetch(FetchRequest request) throws FetchException, InterruptedException;
}
