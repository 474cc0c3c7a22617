package io.telejobs.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.WorkMode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonLdExtractorTest {
  private final JsonLdExtractor extractor = new JsonLdExtractor();

  private Extraction fixture(String file) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/sites/clinic/jobs/" + file)) {
      String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return extractor.parse(html, URI.create("http://clinic.test/jobs/" + file));
    }
  }

  @Test
  void readsEveryFieldOfACleanPosting() throws IOException {
    Extraction e = fixture("telehealth-pm.html");

    assertThat(e.problems()).isEmpty();
    assertThat(e.postings()).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("Telehealth Project Manager");
      assertThat(p.externalId()).isEqualTo("RH-1042");
      assertThat(p.company()).isEqualTo("Riverside Health");
      assertThat(p.locations()).contains("Columbus, OH, US");
      assertThat(p.countries()).containsExactly("US");
      assertThat(p.workMode()).isEqualTo(WorkMode.REMOTE);
      assertThat(p.workModeEvidence()).isEqualTo("jobLocationType=TELECOMMUTE");
      assertThat(p.employmentTypes()).containsExactly("FULL_TIME");
      assertThat(p.salary().currency()).isEqualTo("USD");
      assertThat(p.salary().min()).isEqualByComparingTo("95000");
      assertThat(p.salary().max()).isEqualByComparingTo("118000");
      assertThat(p.salary().unit()).isEqualTo("YEAR");
      assertThat(p.datePosted()).isEqualTo(LocalDate.of(2026, 11, 2));
      assertThat(p.validThrough()).isEqualTo(LocalDate.of(2026, 12, 31));
      assertThat(p.description()).startsWith("Lead the roll-out of our telehealth platform")
          .contains("- HIPAA compliance").doesNotContain("<");
    });
  }

  @Test
  void walksGraphAndAcceptsTypeLists() throws IOException {
    Extraction e = fixture("graph.html");

    assertThat(e.postings()).extracting(PostingDraft::title)
        .containsExactly("Virtual Care Program Manager", "Telehealth Coordinator");
    PostingDraft first = e.postings().get(0);
    assertThat(first.employmentTypes()).containsExactly("FULL_TIME", "CONTRACTOR");
    assertThat(first.countries()).containsExactly("US");
    assertThat(first.salary().value()).isEqualByComparingTo(new BigDecimal("52.5"));
    assertThat(first.salary().unit()).isEqualTo("HOUR");
    assertThat(e.postings().get(1).company()).isEqualTo("Riverside Health");
  }

  @Test
  void toleratesCommentsTrailingCommasAndRawNewlinesAndReportsTheTruncatedBlock() throws IOException {
    Extraction e = fixture("broken.html");

    assertThat(e.postings()).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("Remote Patient Monitoring Coordinator");
      assertThat(p.description()).isEqualTo("Line one line two");
    });
    assertThat(e.problems()).singleElement().asString().contains("block 2").contains("not valid JSON");
  }

  @Test
  void decodesHtmlEntitiesAndDropsScriptsFromTheDescription() throws IOException {
    Extraction e = fixture("entities.html");

    assertThat(e.postings()).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("Clinical Informatics Project Manager & Analyst");
      assertThat(p.description()).isEqualTo("Manage EHR projects.");
    });
  }

  @Test
  void fallsBackToMicrodataWhenThereIsNoJsonLd() throws IOException {
    Extraction e = fixture("microdata.html");

    assertThat(e.postings()).singleElement().satisfies(p -> {
      assertThat(p.title()).isEqualTo("Telehealth Operations Manager");
      assertThat(p.externalId()).isEqualTo("RH-5001");
      assertThat(p.company()).isEqualTo("Riverside Health");
      assertThat(p.locations()).containsExactly("Toledo, OH, US");
      assertThat(p.countries()).containsExactly("US");
      assertThat(p.salary().min()).isEqualByComparingTo("92000");
      assertThat(p.salary().unit()).isEqualTo("YEAR");
      assertThat(p.datePosted()).isEqualTo(LocalDate.of(2026, 11, 19));
      assertThat(p.description()).isEqualTo("Run day-to-day telehealth operations.");
    });
  }

  @Nested
  class PagesWithoutPostings {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<html><body>No structured data</body></html>",
        "<script type='application/ld+json'>{\"@type\": \"Organization\", \"name\": \"X\"}</script>",
        "<script type='application/ld+json'>[]</script>",
        "<script type='application/ld+json'>{\"@type\": \"JobPosting\"}</script>"
    })
    void yieldNoPosting(String html) {
      assertThat(extractor.parse(html, URI.create("http://x.test/")).postings()).isEmpty();
    }
  }

  /** schema.org shapes met in the wild, each in a posting of its own. */
  private PostingDraft only(String jobPostingJson) {
    String html = "<html><head><script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", "
        + "\"@type\": \"JobPosting\", \"title\": \"Telehealth Program Manager\", " + jobPostingJson
        + "}</script></head><body></body></html>";
    Extraction e = extractor.parse(html, URI.create("https://careers.example.org/jobs/1"));
    assertThat(e.problems()).isEmpty();
    return e.postings().get(0);
  }

  @Test
  void aMonetaryAmountWithItsBoundsOnItself() {
    PostingDraft p = only("\"baseSalary\": {\"@type\": \"MonetaryAmount\", \"currency\": \"USD\", "
        + "\"minValue\": 95000, \"maxValue\": 120000, \"unitText\": \"YEAR\"}");
    assertThat(p.salary().min()).isEqualByComparingTo("95000");
    assertThat(p.salary().max()).isEqualByComparingTo("120000");
    assertThat(p.salary().unit()).isEqualTo("YEAR");
  }

  @Test
  void applicantLocationRequirementsAsAnAdministrativeAreaWithAnAddressAndACountryWithValue() {
    PostingDraft p = only("\"jobLocationType\": \"TELECOMMUTE\", \"applicantLocationRequirements\": ["
        + "{\"@type\": \"AdministrativeArea\", \"address\": {\"@type\": \"PostalAddress\", \"addressRegion\": \"CA\", "
        + "\"addressCountry\": \"US\"}}, {\"@type\": \"Country\", \"value\": \"Canada\"}]");
    assertThat(p.countries()).containsExactly("US", "CA");
    assertThat(p.locations()).containsExactly("CA, US (remote applicants)", "Canada (remote applicants)");
    assertThat(p.workModeEvidence()).isEqualTo("jobLocationType=TELECOMMUTE");
  }

  @Test
  void anIdentifierThatIsTheEmployersOwnPostingUrlIsThePostingLink() {
    PostingDraft p = only("\"identifier\": {\"@type\": \"PropertyValue\", \"name\": \"Acme Health\", "
        + "\"value\": \"https://careers.acme.org/jobs/R-1042\"}");
    assertThat(p.url()).isEqualTo("https://careers.acme.org/jobs/R-1042");
  }

  @Test
  void hybridInTheLocationIsHybridAndNotRemote() {
    PostingDraft p = only("\"jobLocation\": {\"@type\": \"Place\", \"address\": \"Hybrid - Boston, MA\"}, "
        + "\"description\": \"<p>Lead the programme.</p><p>#LI-Remote</p>\"");
    assertThat(p.workMode()).isEqualTo(io.telejobs.contracts.WorkMode.HYBRID);
  }
}
