package io.telejobs.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.WorkMode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AtsExtractorTest {
  private static String fixture(String name) throws IOException {
    try (InputStream in = AtsExtractorTest.class.getResourceAsStream("/ats/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void greenhouseJobsWithEscapedContentAndPayRanges() throws IOException {
    Extraction e = AtsExtractor.parse(AtsExtractor.Kind.GREENHOUSE, fixture("greenhouse.json"), "Acme Health");

    assertThat(e.postings()).extracting(PostingDraft::title)
        .containsExactly("Senior Telehealth Program Manager", "Telehealth Coordinator");
    assertThat(e.problems()).singleElement().asString().contains("job 3").contains("no title");
    PostingDraft first = e.postings().get(0);
    assertThat(first.externalId()).isEqualTo("4012345");
    assertThat(first.company()).isEqualTo("Acme Health");
    assertThat(first.workMode()).isEqualTo(WorkMode.REMOTE);
    assertThat(first.description()).isEqualTo("Lead our telehealth program across 20 clinics.");
    assertThat(first.salary().currency()).isEqualTo("USD");
    assertThat(first.salary().min()).isEqualByComparingTo("135000");
    assertThat(first.salary().max()).isEqualByComparingTo("160000");
    assertThat(first.datePosted()).isEqualTo(LocalDate.of(2026, 11, 18));
    assertThat(first.url()).startsWith("https://boards.greenhouse.io/acmehealth/jobs/4012345");
  }

  @Test
  void leverPostingsWithWorkplaceAndSalaryRange() throws IOException {
    PostingDraft p = AtsExtractor.parse(AtsExtractor.Kind.LEVER, fixture("lever.json"), "Sanjeevani").postings().get(0);

    assertThat(p.title()).isEqualTo("Telemedicine Program Manager");
    assertThat(p.locations()).containsExactly("Bengaluru", "Pune");
    assertThat(p.countries()).containsExactly("IN");
    assertThat(p.workMode()).isEqualTo(WorkMode.HYBRID);
    assertThat(p.employmentTypes()).containsExactly("FULL_TIME");
    assertThat(p.salary().currency()).isEqualTo("INR");
    assertThat(p.salary().unit()).isEqualTo("YEAR");
    assertThat(p.salary().min()).isEqualByComparingTo("1200000");
  }

  @Test
  void ashbyJobsWithCompensationComponents() throws IOException {
    PostingDraft p = AtsExtractor.parse(AtsExtractor.Kind.ASHBY, fixture("ashby.json"), "Vitalink").postings().get(0);

    assertThat(p.title()).isEqualTo("Remote Patient Monitoring Project Manager");
    assertThat(p.locations()).containsExactly("Austin, TX", "Remote (US)");
    assertThat(p.countries()).containsExactly("US");
    assertThat(p.workMode()).isEqualTo(WorkMode.REMOTE);
    assertThat(p.employmentTypes()).containsExactly("FULL_TIME");
    assertThat(p.salary().text()).isEqualTo("$110K – $130K");
    assertThat(p.salary().max()).isEqualByComparingTo("130000");
    assertThat(p.salary().unit()).isEqualTo("YEAR");
  }

  @ParameterizedTest
  @EnumSource(AtsExtractor.Kind.class)
  void brokenAnswersAreAProblemNotACrash(AtsExtractor.Kind kind) {
    Extraction e = AtsExtractor.parse(kind, "{\"jobs\": [", "x");
    assertThat(e.postings()).isEmpty();
    assertThat(e.problems()).singleElement().asString().contains("not valid JSON");
  }

  @ParameterizedTest
  @EnumSource(AtsExtractor.Kind.class)
  void anHtmlErrorPageWhereTheApiUsedToAnswerIsNamedAsSuch(AtsExtractor.Kind kind) {
    Extraction e = AtsExtractor.parse(kind, "<!DOCTYPE html><html><body>We'll be right back</body></html>", "x");
    assertThat(e.postings()).isEmpty();
    assertThat(e.problems()).singleElement().asString()
        .startsWith(AtsExtractor.name(kind) + " answer is an HTML page, not JSON");
  }

  @ParameterizedTest
  @EnumSource(value = AtsExtractor.Kind.class, names = "LEVER", mode = EnumSource.Mode.EXCLUDE)
  void aChangedShapeNamesTheMissingFieldAndWhatCameInstead(AtsExtractor.Kind kind) {
    Extraction e = AtsExtractor.parse(kind, "{\"data\": {\"results\": []}, \"status\": \"ok\"}", "x");
    assertThat(e.problems()).singleElement().asString().contains("has no list of jobs (field '")
        .contains("it has fields data, status");
  }

  @Test
  void oneJobWithAWrongTypeIsSkippedAndTheOthersAreRead() {
    Extraction e = AtsExtractor.parse(AtsExtractor.Kind.RECRUITEE,
        "{\"offers\": [{\"title\": [\"not text\"]}, \"nope\", {\"id\": 7, \"title\": \"Telehealth Coordinator\"}]}", "x");
    assertThat(e.postings()).extracting(PostingDraft::title).containsExactly("Telehealth Coordinator");
    assertThat(e.problems()).containsExactly("Recruitee job 1 skipped: no title", "Recruitee job 2 skipped: it is not an object");
  }
}
