package io.telejobs.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.telejobs.ingest.crawl.PostingFactory;
import io.telejobs.ingest.crawl.UrlCanonicalizer;
import io.telejobs.ingest.extract.AtsExtractor;
import io.telejobs.ingest.extract.Extraction;
import io.telejobs.ingest.extract.FeedExtractor;
import io.telejobs.ingest.extract.JsonLdExtractor;
import io.telejobs.ingest.extract.PostingDraft;
import io.telejobs.ingest.extract.SitemapReader;
import java.net.URI;
import java.time.Instant;

/**
 * Every reader of what a site or an API sends, on anything: problems are reported, never thrown; each
 * posting found fits the contract's limits once completed; time stays bounded.
 */
class PageFuzzTest {
  private static final URI BASE = URI.create("https://careers.example.org/jobs/");
  private static final JsonLdExtractor JSON_LD = new JsonLdExtractor();
  private static final PostingFactory FACTORY = new PostingFactory(new UrlCanonicalizer());

  @FuzzTest
  void readsAnyHtmlPage(FuzzedDataProvider data) {
    String html = data.consumeRemainingAsString();
    Bounded.run("reading a page", () -> complete(JSON_LD.parse(html, BASE)));
  }

  @FuzzTest
  void readsAnyFeed(FuzzedDataProvider data) {
    String xml = data.consumeRemainingAsString();
    Bounded.run("reading a feed", () -> complete(FeedExtractor.parse(xml, "Feed Co")));
  }

  @FuzzTest
  void readsAnySitemap(FuzzedDataProvider data) {
    String xml = data.consumeRemainingAsString();
    Bounded.run("reading a sitemap", () -> SitemapReader.read(xml, URI.create("https://careers.example.org/sitemap.xml")));
  }

  @FuzzTest
  void readsAnyAtsAnswer(FuzzedDataProvider data) {
    AtsExtractor.Kind kind = data.pickValue(AtsExtractor.Kind.values());
    String json = data.consumeRemainingAsString();
    Bounded.run("reading an ATS answer", () -> complete(AtsExtractor.parse(kind, json, "Acme Health")));
  }

  /** Every posting found becomes a valid event: the edge cuts it to the limits instead of failing. */
  private static void complete(Extraction e) {
    for (PostingDraft d : e.postings()) {
      FACTORY.complete(d, "fuzz", BASE.toString(), Instant.EPOCH);
    }
  }
}
