package io.telejobs.matcher.title;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Tier;
import io.telejobs.matcher.Profiles;
import io.telejobs.matcher.text.Normalizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleClassifierTest {
  private final TitleClassifier classifier = new TitleClassifier(Profiles.TELEHEALTH);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiterString = "=>", value = {
      "Telehealth Project Manager => CORE",
      "Sr. Telehealth Program Manager => CORE",
      "Telemedicine Program Manager => CORE",
      "Telehealth Operations Manager => CORE",
      "Director of Telehealth Services => CORE",
      "Chief Telehealth Officer => CORE",
      "Tele-Health Project Mgr | Remote, US => CORE",
      "Virtual Care Program Manager - Boston, MA => CORE",
      "Project Manager, Remote Patient Monitoring (Remote) => CORE",
      "Tele-ICU Program Director => CORE",
      "Digital Health Program Manager II => CORE",
      "Telehealth PM => CORE",
      "Healthcare IT Project Manager => ADJACENT",
      "Healthcare Project Manager => ADJACENT",
      "EHR Implementation PM => ADJACENT",
      "Epic Project Manager – Hybrid => ADJACENT",
      "Clinical Informatics Program Manager => ADJACENT",
      "Project Coordinator - Telehealth => PATHWAY",
      "Healthcare IT Analyst => PATHWAY",
      "Telehealth Support Specialist => PATHWAY",
      "Telehealth Coordinator => PATHWAY",
  })
  void classifiesRoleFamilyTitles(String title, Tier expected) {
    assertThat(classifier.classify(title).tier()).isEqualTo(expected);
  }

  @Nested
  class HardNegatives {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Telehealth Nurse (RN)                     | clinician",
        "Telehealth Registered Nurse - Remote      | clinician",
        "Telemedicine Physician                    | clinician",
        "Telehealth Therapist, LCSW                | clinician",
        "Telecom Project Manager                   | not_health_tele",
        "Telesales Manager                         | not_health_tele",
        "Television Program Manager                | not_health_tele",
        "Telemetry Technician                      | not_health_tele",
        "Construction Project Manager              | other_industry",
        "Software Development Project Manager      | other_industry",
        "Medical Director, Telehealth              | clinician",
    })
    void areNeverAMatchAndSayWhy(String title, String group) {
      TierResult r = classifier.classify(title);
      assertThat(r.tier()).isEqualTo(Tier.NONE);
      assertThat(r.reasons()).singleElement().extracting(x -> x.rule()).asString()
          .startsWith("title.negative." + group);
    }

    @ParameterizedTest
    @CsvSource({"Project Manager", "Operations Manager", "Barista", "Marketing Coordinator"})
    void genericTitlesWithoutEvidenceAreNone(String title) {
      assertThat(classifier.classify(title).tier()).isEqualTo(Tier.NONE);
    }
  }

  @Test
  void genericTitleIsPromotedByTelehealthDescriptionWithLowerScoreAndReason() {
    String description = "Riverside Hospital is rolling out a new telehealth platform. You will manage the "
        + "telehealth roll-out across 12 clinics and train staff on virtual visits.";
    TierResult r = classifier.classify("Project Manager", Normalizer.tokens(description));

    assertThat(r.tier()).isEqualTo(Tier.CORE);
    assertThat(r.score()).isLessThan(classifier.classify("Telehealth Project Manager").score());
    assertThat(r.reasons()).singleElement().satisfies(reason -> {
      assertThat(reason.rule()).startsWith("description.specialty x").contains("generic title 'project manager'");
      assertThat(reason.evidence()).contains("telehealth");
    });
  }

  @Test
  void genericCoordinatorWithTelehealthDescriptionBecomesPathwayNotCore() {
    String description = "Coordinate telehealth visits and support our telemedicine program.";
    assertThat(classifier.classify("Project Coordinator", Normalizer.tokens(description)).tier())
        .isEqualTo(Tier.PATHWAY);
  }

  @Test
  void cleanedTitleDropsLocationAndWorkMode() {
    assertThat(classifier.classify("Telehealth Project Manager | Remote, US").cleanedTitle())
        .isEqualTo("Telehealth Project Manager");
  }
}
