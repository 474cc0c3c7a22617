package io.telejobs.ingest.extract;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one sitemap or sitemap index with crawler-commons' {@link SiteMapParser} (XML with external
 * entities off, text and RSS sitemaps too). No I/O: the caller fetched the bytes.
 */
public final class SitemapReader {
  /**
   * What one sitemap lists.
   *
   * @param sitemaps further sitemaps (a sitemap index)
   * @param pages page URLs (a sitemap)
   * @param problem why it could not be read, in words, or null
   */
  public record Read(List<URI> sitemaps, List<URI> pages, String problem) {}

  private SitemapReader() {}

  public static Read read(String body, URI location) {
    List<URI> sitemaps = new ArrayList<>();
    List<URI> pages = new ArrayList<>();
    try {
      SiteMapParser parser = new SiteMapParser(false);
      AbstractSiteMap map = parser.parseSiteMap(body.getBytes(StandardCharsets.UTF_8), toUrl(location));
      if (map instanceof SiteMapIndex index) {
        for (AbstractSiteMap m : index.getSitemaps()) {
          add(sitemaps, m.getUrl());
        }
      } else if (map instanceof SiteMap list) {
        for (SiteMapURL u : list.getSiteMapUrls()) {
          add(pages, u.getUrl());
        }
      }
      return new Read(sitemaps, pages, null);
    } catch (UnknownFormatException | IOException e) {
      return new Read(sitemaps, pages, "not a sitemap: " + message(e));
    } catch (RuntimeException e) {
      return new Read(sitemaps, pages, "the sitemap could not be read: " + message(e));
    }
  }

  private static URL toUrl(URI location) throws IOException {
    try {
      return location.toURL();
    } catch (IllegalArgumentException e) {
      throw new IOException("not a URL: " + location, e);
    }
  }

  private static void add(List<URI> into, URL url) {
    if (url == null) {
      return;
    }
    try {
      into.add(url.toURI());
    } catch (java.net.URISyntaxException e) {
      // an entry that is not a valid URI is skipped
    }
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
