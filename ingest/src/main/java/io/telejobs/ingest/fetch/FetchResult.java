package io.telejobs.ingest.fetch;

import java.net.URI;

/**
 * A completed HTTP exchange.
 *
 * @param requested the URL asked for
 * @param finalUrl the URL after redirects
 * @param status HTTP status code
 * @param contentType the Content-Type header, or empty
 * @param body the decoded body (cut at the size limit)
 * @param truncated whether the body was cut at the size limit
 */
public record FetchResult(
    URI requested, URI finalUrl, int status, String contentType, String body, boolean truncated) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** The server said the page has not changed since our last fetch (a 304 to a conditional GET). */
  public boolean notModified() {
    return status == 304;
  }
}
