package io.telejobs.ingest.source;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One site or API to crawl, as declared in the sources file.
 *
 * @param name unique short name; part of every posting id from this source
 * @param type how to read it; {@code listing} follows links from seed pages to posting pages
 * @param seeds start URLs
 * @param linkSelector CSS selector for posting links on a listing page; null means every same-host link
 * @param nextSelector CSS selector for the next listing page, or null
 * @param maxDepth how many links away from a seed to follow
 * @param maxPages how many pages one crawl of this source may fetch
 */
public record Source(
    String name,
    String type,
    List<URI> seeds,
    String linkSelector,
    String nextSelector,
    int maxDepth,
    int maxPages) {

  public static final int DEFAULT_MAX_DEPTH = 2;
  public static final int DEFAULT_MAX_PAGES = 200;

  public Source {
    if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
      throw new IllegalArgumentException(
          "source name must be lower-case letters, digits, '.', '_' or '-' (was '" + name + "')");
    }
    type = type == null ? "listing" : type.toLowerCase(Locale.ROOT);
    if (!type.equals("listing")) {
      throw new IllegalArgumentException("source " + name + ": unknown type '" + type + "'");
    }
    if (seeds == null || seeds.isEmpty()) {
      throw new IllegalArgumentException("source " + name + ": at least one seed URL is required");
    }
    for (URI seed : seeds) {
      String scheme = seed.getScheme() == null ? "" : seed.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || seed.getHost() == null) {
        throw new IllegalArgumentException("source " + name + ": seed is not an http(s) URL: " + seed);
      }
    }
    seeds = List.copyOf(seeds);
    maxDepth = maxDepth <= 0 ? DEFAULT_MAX_DEPTH : maxDepth;
    maxPages = maxPages <= 0 ? DEFAULT_MAX_PAGES : maxPages;
  }
}
