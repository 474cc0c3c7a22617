package io.telejobs.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request, read whole before a route sees it: method, path, the values of the route's {@code {name}}
 * segments, query parameters, headers (lower-case names), body and client address.
 */
public record WebRequest(String method, String path, Map<String, String> pathParams,
    Map<String, List<String>> query, Map<String, String> headers, byte[] body, String clientAddress) {

  public WebRequest {
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  /** A path segment named in the route, or null. */
  public String param(String name) {
    return pathParams.get(name);
  }

  /** The first value of a query parameter, or null. */
  public String query(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** A header by name, any case, or null. */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** True when the body is JSON by its Content-Type. */
  public boolean isJson() {
    String ct = header("content-type");
    return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/json");
  }

  /** True when the client prefers a page to JSON (a browser). */
  public boolean wantsHtml() {
    String accept = header("accept");
    return accept != null && accept.contains("text/html");
  }

  /** An {@code application/x-www-form-urlencoded} body as name to values, in order. */
  public Map<String, List<String>> form() {
    return decode(bodyText());
  }

  /** Decodes {@code a=1&b=2&a=3}. */
  static Map<String, List<String>> decode(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      try {
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        out.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(v);
      } catch (IllegalArgumentException e) {
        // a malformed escape: the pair is ignored, as browsers never send one
      }
    }
    return out;
  }
}
