package io.telejobs.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Limits;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.WorkMode;
import io.telejobs.ingest.extract.PostingDraft;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The edge where scraped text enters the pipeline: every field held to its limit, and nothing cut silently. */
class PostingFactoryTest {
  private static final Instant AT = Instant.parse("2026-11-30T10:00:00Z");
  private final PostingFactory factory = new PostingFactory(new UrlCanonicalizer());

  private static PostingDraft draft(String title, String description, String url, String apply, List<String> places) {
    return new PostingDraft("J-1", title, "Mercy", places, List.of("US"), WorkMode.REMOTE, null, List.of("FULL_TIME"),
        StatedSalary.ofText("$120,000 a year"), description, null, null, url, apply);
  }

  @Test
  void cutsAnOverlongDescriptionWithAMarkerAndANote() {
    PostingFactory.Completed done = factory.complete(draft("Telehealth PM", "x".repeat(2_000_000),
        "https://careers.example.org/jobs/1", null, List.of("Boston, MA")), "s", "https://careers.example.org/", AT);
    assertThat(done.posting().description()).hasSize(Limits.DESCRIPTION).endsWith(PostingFactory.CUT_MARKER);
    assertThat(done.notes()).singleElement().asString().contains("2000000 characters long; cut at 50000");
  }

  @Test
  void cutsEveryOtherFieldToItsLimit() {
    PostingFactory.Completed done = factory.complete(draft("(".repeat(400_000), "ok", "https://careers.example.org/jobs/1",
        null, Collections.nCopies(500, "Boston, MA, US " + "x".repeat(300))), "s", "https://careers.example.org/", AT);
    assertThat(done.posting().title()).hasSize(Limits.TITLE);
    assertThat(done.posting().locations()).hasSize(Limits.LOCATIONS)
        .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(Limits.LOCATION));
    assertThat(done.notes()).anyMatch(n -> n.contains("title")).anyMatch(n -> n.contains("more than 50 locations"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"javascript:alert(document.cookie)", "JavaScript:void(0)", "data:text/html,<script>x</script>",
      "vbscript:msgbox", "mailto:jobs@example.org"})
  void dropsAnApplyLinkThatIsNotAWebAddressWithAReason(String link) {
    PostingFactory.Completed done = factory.complete(draft("Telehealth PM", "ok", "https://careers.example.org/jobs/1",
        link, List.of()), "s", "https://careers.example.org/", AT);
    assertThat(done.posting().applyUrl()).isEqualTo("https://careers.example.org/jobs/1");
    assertThat(done.notes()).singleElement().asString().contains("apply link is not a web address");
  }

  @Test
  void keepsBothThePostingPageAndTheApplyForm() {
    PostingFactory.Completed done = factory.complete(draft("Telehealth PM", "ok",
        "https://jobs.lever.co/acme/8f1c?lever-source=x", "https://jobs.lever.co/acme/8f1c/apply", List.of()), "s",
        "https://api.lever.co/v0/postings/acme?mode=json", AT);
    assertThat(done.posting().postingUrl()).isEqualTo("https://jobs.lever.co/acme/8f1c");
    assertThat(done.posting().applyUrl()).isEqualTo("https://jobs.lever.co/acme/8f1c/apply");
    assertThat(done.posting().sourceUrl()).isEqualTo("https://api.lever.co/v0/postings/acme?mode=json");
    assertThat(done.notes()).isEmpty();
  }
}
