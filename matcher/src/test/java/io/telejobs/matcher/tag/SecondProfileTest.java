package io.telejobs.matcher.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Level;
import io.telejobs.contracts.StatedSalary;
import io.telejobs.contracts.Tier;
import io.telejobs.matcher.config.ProfileFiles;
import io.telejobs.matcher.profile.RoleProfile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A different role, defined only by a data file, is tagged with no code change. */
class SecondProfileTest {
  private static final RoleProfile PROFILE = ProfileFiles.load("classpath:profiles/health-data-analyst.yaml");
  private final Tagger tagger = new Tagger(PROFILE);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Senior Healthcare Data Analyst          | CORE     | SENIOR",
      "Clinical Reporting Analyst II           | CORE     | MID",
      "Healthcare Analytics Manager            | ADJACENT | MID",
      "Hospital Data Analyst Intern            | PATHWAY  | ENTRY",
      "Telehealth Project Manager              | NONE     | UNKNOWN",
      "Nurse Data Analyst                      | NONE     | UNKNOWN",
      "Healthcare Data Entry Clerk             | NONE     | UNKNOWN",
  })
  void tagsTheOtherRole(String title, Tier tier, Level level) {
    Tagging t = tagger.tag(new TagInput(title, "SQL and Tableau for payer claims.", null, null, null, null, null, null));
    assertThat(t.tier()).isEqualTo(tier);
    assertThat(t.level()).isEqualTo(level);
    assertThat(t.profileId()).isEqualTo("health-data-analyst");
    assertThat(t.profileVersion()).isEqualTo("0.1.0");
  }

  @Test
  void usesItsOwnBandsAndTags() {
    Tagging t = tagger.tag(new TagInput("Healthcare Data Analyst", "SQL, Python, Power BI for a payer.", null, null,
        null, null, null, StatedSalary.ofText("£40,000 - £46,000 per annum")));
    assertThat(t.salary().band()).isEqualTo(Level.MID);
    assertThat(t.skills()).containsExactly("python", "sql", "tableau");
    assertThat(t.industries()).containsExactly("payers");
  }

  @Test
  void telehealthProfileGivesUsdBandsButNoGbpBand() {
    Tagger telehealth = new Tagger(ProfileFiles.load(ProfileFiles.DEFAULT));
    Tagging t = telehealth.tag(new TagInput("Telehealth Project Manager", "", null, null, null, null, null,
        StatedSalary.ofText("£40,000 - £46,000 per annum")));
    assertThat(t.salary().currency()).isEqualTo("GBP");
    assertThat(t.salary().band()).as("no silent conversion to another currency's band").isNull();
  }
}
