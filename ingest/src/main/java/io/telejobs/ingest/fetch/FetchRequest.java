package io.telejobs.ingest.fetch;

import java.net.URI;
import java.util.Map;

/**
 * One request the crawler makes: a GET of a page, or a POST of a JSON body to an API (Workday's job
 * search, for one). Both obey the same robots.txt, politeness, retry and size rules.
 *
 * @param url the URL
 * @param method GET or POST
 * @param body the body of a POST, or null
 * @param contentType the body's media type, or null
 * @param headers further request headers (an API key, Accept)
 */
public record FetchRequest(URI url, String method, byte[] body, String contentType, Map<String, String> headers) {
  public FetchRequest {
    if (!method.equals("GET") && !method.equals("POST")) {
      throw new IllegalArgumentException("only GET and POST are fetched, not " + method);
    }
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static FetchRequest get(URI url) {
    return new FetchRequest(url, "GET", null, null, Map.of());
  }

  public static FetchRequest get(URI url, Map<String, String> headers) {
    return new FetchRequest(url, "GET", null, null, headers);
  }

  public static FetchRequest postJson(URI url, byte[] json, Map<String, String> headers) {
    return new FetchRequest(url, "POST", json, "application/json", headers);
  }

  /** The same request to another URL: a redirect's target. 303, and 301/302 after a POST, become a GET. */
  FetchRequest redirectedTo(URI target, int status) {
    boolean keepMethod = status == 307 || status == 308 || method.equals("GET");
    return keepMethod ? new FetchRequest(target, method, body, contentType, headers) : get(target, headers);
  }
}
