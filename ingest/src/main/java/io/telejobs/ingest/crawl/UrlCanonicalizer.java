package io.telejobs.ingest.crawl;

import crawlercommons.filters.basic.BasicURLNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import io.telejobs.net.AddressPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One URL per page: crawler-commons' {@link BasicURLNormalizer} (case, default ports, dot segments,
 * fragments, escaping), then tracking parameters stripped and the rest sorted. Escapes stay as they are
 * ({@code a%20b} is not escaped again), IPv6 literals are kept, and a URL whose host is a literal address
 * the {@link AddressPolicy} refuses (169.254.169.254, 10.0.0.1, [::1]) is dropped here, before anything
 * queues it.
 */
public final class UrlCanonicalizer {
  private static final Set<String> TRACKING = Set.of(
      "gclid", "fbclid", "msclkid", "dclid", "yclid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "igshid",
      "ref", "referrer", "src", "source", "trk", "trackingid", "gh_src", "lever-source", "lever-origin");

  private final BasicURLNormalizer normalizer = new BasicURLNormalizer();
  private final AddressPolicy addresses;

  /** A canonicalizer that keeps only public addresses. */
  public UrlCanonicalizer() {
    this(AddressPolicy.publicOnly());
  }

  /** @param addresses which literal addresses a URL may name (its allowlist too) */
  public UrlCanonicalizer(AddressPolicy addresses) {
    this.addresses = addresses;
  }

  /** The canonical form, or null when the URL is not a valid http(s) URL or names a refused address. */
  public String canonical(String url) {
    if (url == null || url.length() > io.telejobs.contracts.Limits.URL) {
      return null;
    }
    String normalized;
    try {
      normalized = ipv6Literal(url.strip()) ? normalizeIpv6(url.strip()) : normalizer.filter(url.strip());
    } catch (RuntimeException e) {
      return null; // a host name the normaliser cannot handle (IDN with prohibited code points, say): not a URL we use
    }
    if (normalized == null) {
      return null;
    }
    try {
      URI uri = new URI(normalized);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getRawAuthority() == null
          || uri.getHost() == null) {
        return null;
      }
      if (addresses.problemWithUrl(normalized) != null) {
        return null;
      }
      String query = stripTracking(uri.getRawQuery());
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return scheme + "://" + uri.getRawAuthority() + path + (query.isEmpty() ? "" : "?" + query);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** crawler-commons' normalizer drops URLs whose host is an IPv6 literal; those are normalised here. */
  private static boolean ipv6Literal(String url) {
    int start = url.indexOf("://");
    return start > 0 && url.startsWith("[", start + 3);
  }

  private static String normalizeIpv6(String url) {
    try {
      URI u = new URI(url).normalize();
      String scheme = u.getScheme() == null ? null : u.getScheme().toLowerCase(Locale.ROOT);
      if (scheme == null || u.getHost() == null) {
        return null;
      }
      int port = u.getPort();
      boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
      String authority = u.getHost().toLowerCase(Locale.ROOT) + (port < 0 || defaultPort ? "" : ":" + port);
      return scheme + "://" + authority + (u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath())
          + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
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
