package io.telejobs.matcher.title;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Tier;
import io.telejobs.matcher.Profiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The families the real-data issue names, as employers title them: hard negatives that carry a domain word
 * but are not the role, pathway roles named by vendor module, and non-English forms. Constructed titles
 * (written for these families), counted apart from the real corpus.
 */
class TitleFamiliesTest {
  private final TitleClassifier classifier = new TitleClassifier(Profiles.TELEHEALTH);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Mental Health Program Manager                                  | NONE
      Behavioral Health Program Manager                              | NONE
      Public Health Program Manager                                  | NONE
      Program Manager, Community Health Programs                     | NONE
      Aged Care Program Manager                                      | NONE
      Home-Based Primary Care Program Manager                        | NONE
      Health Information Management Manager                          | NONE
      Medical Coding Manager                                         | NONE
      Medical Billing Specialist                                     | NONE
      Revenue Cycle Billing Coordinator                              | NONE
      Marketing Manager, Digital Health                              | NONE
      SEO Specialist - Telehealth                                    | NONE
      Sales Director, Virtual Care                                   | NONE
      Senior Product Manager, Telehealth                             | NONE
      Facilities Project Manager - Hospital                          | NONE
      Construction Project Manager, Healthcare                       | NONE
      Capital Projects Manager, Hospital New Build                   | NONE
      Interiors Project Manager - Healthcare                         | NONE
      Telehealth Nurse                                               | NONE
      Telepsychiatry Physician                                       | NONE
      Telehealth Therapist (LCSW)                                    | NONE
      Epic Beaker Analyst                                            | PATHWAY
      Epic ClinDoc Application Analyst II                            | PATHWAY
      Cerner PowerChart Analyst                                      | PATHWAY
      Meditech Expanse Applications Specialist                       | PATHWAY
      Clinical Informatics Nurse                                     | PATHWAY
      Nurse Informaticist                                            | PATHWAY
      Clinical Information Systems Coordinator                       | PATHWAY
      Telehealth Coordinator                                         | PATHWAY
      Telehealth Technician                                          | PATHWAY
      Telehealth Support Specialist                                  | PATHWAY
      Telehealth Program Administrator                               | CORE
      Program Manager - Telehealth                                   | CORE
      Director of Virtual Care                                       | CORE
      Projektmanager Telemedizin (m/w/d)                             | CORE
      Chef de projet télémédecine                                    | CORE
      Healthcare IT Project Manager                                  | ADJACENT
      EHR Implementation Project Manager                             | ADJACENT
      Epic Project Manager                                           | ADJACENT
      """)
  void classifies(String title, Tier expected) {
    TierResult r = classifier.classify(title);
    assertThat(r.tier()).as(r.reasons().toString()).isEqualTo(expected);
  }
}
