package io.telejobs.ingest.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One URL per page: crawler-commons' {@link BasicURLNormalizer} (case, default ports, dot segments,
 * fragments, escaping), then tracking parameters stripped and the rest sorted.
 */
public final class UrlCanonicalizer {
  private static final Set<String> TRACKING = Set.of(
      "gclid", "fbclid", "msclkid", "dclid", "yclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "igshid",
      "ref", "referrer", "src", "source", "trk", "trackingid", "gh_src", "lever-source", "lever-origin");

  private final BasicURLNormalizer normalizer = new BasicURLNormalizer();

  /** The canonical form, or null when the URL is not a valid http(s) URL. */
  public String canonical(String url) {
    String normalized = normalizer.filter(url);
    if (normalized == null) {
      return null;
    }
    try {
      URI uri = new URI(normalized);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return null;
      }
      String query = stripTracking(uri.getRawQuery());
      return new URI(scheme, uri.getRawAuthority(), uri.getRawPath(), null, null).toString()
          + (query.isEmpty() ? "" : "?" + query);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String stripTracking(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> kept = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      String key = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
      if (!key.startsWith("utm_") && !TRACKING.contains(key)) {
        kept.add(pair);
      }
    }
    kept.sort(null);
    return String.join("&", kept);
  }
}
