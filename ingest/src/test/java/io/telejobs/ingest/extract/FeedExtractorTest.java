package io.telejobs.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.WorkMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class FeedExtractorTest {
  private static String fixture(String name) throws IOException {
    try (InputStream in = FeedExtractorTest.class.getResourceAsStream("/feeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void readsRssItemsAndReportsTheOneWithoutATitle() throws IOException {
    Extraction e = FeedExtractor.parse(fixture("jobs.rss"), null);

    assertThat(e.postings()).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("Telehealth Program Manager");
      assertThat(p.company()).isEqualTo("Carebridge Telehealth Careers");
      assertThat(p.externalId()).isEqualTo("CB-881");
      assertThat(p.url()).startsWith("https://careers.carebridge.example/jobs/881");
      assertThat(p.datePosted()).isEqualTo(LocalDate.of(2026, 11, 23));
      assertThat(p.locations()).containsExactly("Remote, US");
      assertThat(p.workMode()).isEqualTo(WorkMode.REMOTE);
      assertThat(p.description()).isEqualTo("Run our telehealth programme.");
    });
    assertThat(e.problems()).singleElement().asString().contains("item 2");
  }

  @Test
  void readsAtomEntries() throws IOException {
    Extraction e = FeedExtractor.parse(fixture("jobs.atom"), "Vitalink");

    assertThat(e.postings()).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("Virtual Care Coordinator");
      assertThat(p.company()).isEqualTo("Vitalink");
      assertThat(p.url()).isEqualTo("https://jobs.vitalink.example/9");
      assertThat(p.externalId()).isEqualTo("urn:vitalink:9");
      assertThat(p.datePosted()).isEqualTo(LocalDate.of(2026, 11, 22));
    });
  }

  @Test
  void somethingElseIsAProblem() {
    assertThat(FeedExtractor.parse("<html><body>not a feed</body></html>", null).problems())
        .singleElement().asString().contains("not an RSS or Atom feed");
  }
}
