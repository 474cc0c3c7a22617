package io.telejobs.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.testkit.FixtureHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The discover command against a local site: a careers page, its robots.txt, and what is printed. */
class DiscoverCommandTest {
  private record Run(int status, String out, String err) {}

  private static Run run(String target) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = DiscoverCommand.run(target, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), io.telejobs.ingest.fetch.TestFetchers.LOCAL);
    return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aCareersPageWithAGreenhouseEmbedAndASitemapGivesBothEntries() throws Exception {
    try (FixtureHttpServer site = FixtureHttpServer.serving("sites/clinic")) {
      site.on("/careers", ex -> FixtureHttpServer.send(ex, 200, "text/html; charset=utf-8", ("<html><body><h1>Careers</h1>"
          + "<div id='grnhse_app'></div><script src='https://boards.greenhouse.io/embed/job_board/js?for=acmehealth'></script>"
          + "</body></html>").getBytes(StandardCharsets.UTF_8)));
      site.on("/robots.txt", ex -> FixtureHttpServer.send(ex, 200, "text/plain",
          ("User-agent: *\nDisallow: /private/\nSitemap: " + site.baseUrl() + "/sitemap_index.xml\n").getBytes()));

      Run r = run(site.baseUrl() + "/careers");

      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("Found Greenhouse (script src https://boards.greenhouse.io/embed/job_board/js?for=acmehealth)")
          .contains("add to the sources file: {\"name\":\"acmehealth-greenhouse\",\"type\":\"greenhouse\",\"board\":\"acmehealth\"}")
          .contains("Found a sitemap (robots.txt Sitemap: " + site.baseUrl() + "/sitemap_index.xml)");
      assertThat(site.requests("/robots.txt")).isNotEmpty();
    }
  }

  @Test
  void aPageWithPostingsAsJsonLdIsAListingSource() throws Exception {
    try (FixtureHttpServer site = FixtureHttpServer.serving("sites/clinic")) {
      Run r = run(site.baseUrl() + "/jobs/telehealth-pm.html");

      assertThat(r.status()).isZero();
      assertThat(r.out()).contains("Found JSON-LD posting pages").contains("\"type\":\"listing\"");
    }
  }

  @Test
  void nothingFoundAndAnAddressThatIsNotOneAreSaidInWords() throws Exception {
    try (FixtureHttpServer site = FixtureHttpServer.serving("sites/clinic")) {
      site.on("/plain", ex -> FixtureHttpServer.send(ex, 200, "text/html", "<p>Email us your CV.</p>".getBytes()));

      Run none = run(site.baseUrl() + "/plain");
      Run notUrl = run("careers.example.org");

      assertThat(none.status()).isEqualTo(1);
      assertThat(none.err()).contains("no job system found on").contains("try the extract command");
      assertThat(notUrl.status()).isEqualTo(1);
      assertThat(notUrl.err()).isEqualTo("discover: give the career page's address, starting with https://\n");
    }
  }
}
