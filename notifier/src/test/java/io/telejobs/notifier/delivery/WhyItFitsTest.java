package io.telejobs.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Reason;
import io.telejobs.contracts.WorkMode;
import io.telejobs.notifier.Fixtures;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reasons as the matcher writes them (rule strings copied from its output), turned into words. */
class WhyItFitsTest {
  private static MatchedJob withReasons(MatchedJob j, List<Reason> reasons) {
    return new MatchedJob(j.schemaVersion(), j.id(), j.postingId(), j.source(), j.title(), j.company(), j.locations(),
        j.country(), j.workMode(), j.employmentTypes(), j.datePosted(), j.validThrough(), j.postingUrl(), j.applyUrl(),
        j.sourceUrls(), j.snippet(), j.keywords(), j.profileId(), j.profileVersion(), j.tier(), j.level(), j.score(),
        j.salary(), j.skills(), j.certifications(), j.industries(), reasons, j.fetchedAt(), j.taggedAt());
  }

  @Test
  void titleLevelAndPayReasonsInWords() {
    MatchedJob job = withReasons(Fixtures.telehealthJob("j1"), List.of(
        new Reason("tier=core", "title.rule.specialty+management specialty:'telehealth' + management:'project manager'",
            "senior telehealth project manager"),
        new Reason("level=senior", "level.title:senior", "senior telehealth project manager"),
        new Reason("country=US", "location.structured", "US"),
        new Reason("salary=USD 120000-140000/year band=senior", "salary.text", "$120,000 - $140,000 a year")));

    assertThat(WhyItFits.of(job, null)).containsExactly(
        "Telehealth + Project Manager in the title",
        "senior: 'senior' in the title",
        "pay $120–140k a year is in the senior band");
  }

  @Test
  void separatorQualificationNumeralsYearsAndDescriptionPay() {
    MatchedJob job = withReasons(Fixtures.telehealthJob("j2"), List.of(
        new Reason("tier=pathway", "title.rule.application-analyst+module application_analyst:'app systems analyst' + "
            + "clinical_module:'cpoe' (qualifying by separator)", "app systems analyst iii cpoe"),
        new Reason("level=senior", "level.title.numeral:iii", "app systems analyst iii cpoe"),
        new Reason("salary=USD 120000-140000/year band=senior", "salary.description", "The pay range is ...")));

    assertThat(WhyItFits.of(job, null)).containsExactly(
        "App Systems Analyst + Cpoe in the title",
        "senior: grade III in the title",
        "pay $120–140k a year is in the senior band (from the description)");
  }

  @Test
  void namesTheCriteriaItMet() {
    Criteria c = new Criteria(Set.of(), Set.of(), Set.of("US"), Set.of(WorkMode.REMOTE), new BigDecimal("100000"), "USD",
        Set.of("epic"), Set.of(), Set.of(), Set.of(), Set.of());
    assertThat(WhyItFits.of(Fixtures.telehealthJob("j3"), c)).containsExactly(
        "in US, as you asked", "remote, as you asked", "pays at least your minimum",
        "mentions one of your words: epic");
  }
}
