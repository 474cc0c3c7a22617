package io.telejobs.notifier.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.telejobs.contracts.Criteria;
import io.telejobs.contracts.Level;
import io.telejobs.contracts.MatchedJob;
import io.telejobs.contracts.Tier;
import io.telejobs.contracts.WorkMode;
import io.telejobs.notifier.Fixtures;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubscriptionMatcherTest {
  private static final MatchedJob JOB = Fixtures.telehealthJob("j1"); // core, senior, US, remote, USD 120-140k

  private static <E extends Enum<E>> Set<E> set(Class<E> type, String csv) {
    return csv.isBlank() ? Set.of() : Arrays.stream(csv.split(" ")).map(s -> Enum.valueOf(type, s)).collect(Collectors.toSet());
  }

  private static Set<String> words(String csv) {
    return csv.isBlank() ? Set.of() : Set.of(csv.split(" "));
  }

  @ParameterizedTest(name = "[{index}] {9}")
  @CsvSource(delimiter = '|', value = {
      // tiers | levels | countries | modes | min | cur | include | exclude | companies | case | fits
      "          |        |       |        |        |     |            |        |                  | any criteria             | true",
      "CORE      |        |       |        |        |     |            |        |                  | wanted tier              | true",
      "ADJACENT  |        |       |        |        |     |            |        |                  | other tier               | false",
      "          | SENIOR LEAD |  |        |        |     |            |        |                  | one of two levels        | true",
      "          | ENTRY  |       |        |        |     |            |        |                  | other level              | false",
      "          |        | US IN |        |        |     |            |        |                  | wanted country           | true",
      "          |        | IN    |        |        |     |            |        |                  | other country            | false",
      "          |        |       | HYBRID |        |     |            |        |                  | other work mode          | false",
      "          |        |       |        | 130000 | USD |            |        |                  | max pay above minimum    | true",
      "          |        |       |        | 150000 | USD |            |        |                  | pay below minimum        | false",
      "          |        |       |        | 1000000| INR |            |        |                  | minimum in another currency | false",
      "          |        |       |        |        |     | epic fhir  |        |                  | any include keyword      | true",
      "          |        |       |        |        |     | fhir       |        |                  | missing include keyword  | false",
      "          |        |       |        |        |     |            | epic   |                  | exclude keyword present  | false",
      "          |        |       |        |        |     |            |        | riverside health | excluded company         | false",
  })
  void matchesCriteria(String tiers, String levels, String countries, String modes, BigDecimal min, String cur,
      String include, String exclude, String companies, String description, boolean fits) {
    Criteria c = new Criteria(set(Tier.class, s(tiers)), set(Level.class, s(levels)), words(s(countries)),
        set(WorkMode.class, s(modes)), min, cur, words(s(include)), words(s(exclude)),
        companies == null ? Set.of() : Set.of(companies.strip()));
    assertThat(SubscriptionMatcher.matches(c, JobFacts.of(JOB))).as(description).isEqualTo(fits);
  }

  @ParameterizedTest(name = "[{index}] {4}")
  @CsvSource(delimiter = '|', value = {
      // bands | locations | job band | job location | case | fits
      "              |                 | SENIOR | Columbus, OH, US   | no band, no place named     | true",
      "SENIOR        |                 | SENIOR | Columbus, OH, US   | wanted band                 | true",
      "ENTRY MID     |                 | SENIOR | Columbus, OH, US   | other bands                 | false",
      "SENIOR        |                 |        | Columbus, OH, US   | band unknown                | false",
      "              | columbus        |        | Columbus, OH, US   | city                        | true",
      "              | oh              |        | Columbus, OH, US   | state code                  | true",
      "              | columbus, oh    |        | Columbus, OH, US   | city and state as written   | true",
      "              | ohio            |        | Columbus, OH, US   | a name the posting lacks    | false",
      "              | boston;columbus |        | Columbus, OH, US   | any of two places           | true",
      "              | new york        |        | New York, NY       | two-word city               | true",
      "              | york            |        | New York, NY, US   | one word of a city          | true",
      "              | bengaluru       |        | Remote             | remote job, no such place   | false",
      "SENIOR        | columbus        | MID    | Columbus, OH, US   | place fits, band does not   | false",
  })
  void matchesBandsAndPlaces(String bands, String places, String band, String location, String description,
      boolean fits) {
    Criteria c = new Criteria(null, null, null, null, null, null, null, null, null, set(Level.class, s(bands)),
        s(places).isEmpty() ? Set.of() : Set.of(s(places).split(";")));
    JobFacts job = new JobFacts(Tier.CORE, Level.SENIOR, "US", WorkMode.REMOTE, "USD", BigDecimal.valueOf(140_000),
        "riverside health", Set.of(), band == null ? null : Level.valueOf(band.strip()),
        JobFacts.places(java.util.List.of(location.strip())));
    assertThat(SubscriptionMatcher.matches(c, job)).as(description).isEqualTo(fits);
  }

  private static String s(String v) {
    return v == null ? "" : v.strip();
  }
}
