package io.telejobs.matcher.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Tier;
import io.telejobs.matcher.Profiles;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The topology reads a posting's title once ({@link Tagger#readTitle}) and hands the reading to the tagger:
 * the tagging must be the same as tagging the posting from scratch, also when the title alone cannot decide
 * (a generic title that its description promotes), and a reading of another title must not be used.
 */
class TitleReadingTest {
  private static final Tagger TAGGER = new Tagger(Profiles.TELEHEALTH);
  private static final String TELEHEALTH_TEXT = "Lead the telehealth program roll-out. Our telehealth platform serves "
      + "clinics; you will own telehealth vendor work and Epic EHR scheduling integration.";
  private static final String OTHER_TEXT = "Lead the warehouse relocation and the new racking install.";

  private static TagInput posting(String title, String description) {
    return new TagInput(title, description, "Riverside Health", List.of("Columbus, OH"), List.of("US"), null, null, null);
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', value = {
      // titles as written in the real corpus (eval/real/titles-real.tsv) and in the guide
      "Telehealth Program Manager - Remote, US|telehealth",
      "Project Manager|telehealth",   // generic: the description decides
      "Project Manager|other",
      "Epic Ambulatory Analyst|other",
      "Supervisory Mine Safety and Health Inspector|telehealth",
      "Sr. PM (Remote)|telehealth"})
  void aReadingGivesTheSameTaggingAsTaggingFromScratch(String title, String text) {
    TagInput in = posting(title, text.equals("telehealth") ? TELEHEALTH_TEXT : OTHER_TEXT);
    Tagging fresh = TAGGER.tag(in);
    assertThat(TAGGER.tag(in, TAGGER.readTitle(title), Budget.none())).isEqualTo(fresh);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Project Manager", "Program Manager"})
  void aGenericTitleIsNotDecidedByItsReadingAlone(String title) {
    Tagger.Title reading = TAGGER.readTitle(title);
    assertThat(reading.byTitle()).isNull();
    assertThat(TAGGER.certainNone(reading)).isNull();
    assertThat(TAGGER.tag(posting(title, TELEHEALTH_TEXT), reading, Budget.none()).tier()).isNotEqualTo(Tier.NONE);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"Software Engineer", "Construction Project Manager"})
  void aReadingOfAnotherTitleIsNotUsed(String otherTitle) {
    TagInput in = posting("Telehealth Program Manager", TELEHEALTH_TEXT);
    Tagging tagged = TAGGER.tag(in, TAGGER.readTitle(otherTitle), Budget.none());
    assertThat(tagged).isEqualTo(TAGGER.tag(in));
    assertThat(tagged.tier()).isNotEqualTo(Tier.NONE);
  }
}
