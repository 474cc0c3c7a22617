package io.telejobs.matcher.salary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pay statements found in descriptions, and money that is not pay; sentences from real postings. */
class DescriptionPayTest {
  private final DescriptionPay finder = new DescriptionPay();

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      About us.\\nThe pay range for this position is $100,000 - $125,000/yr; however, base pay offered may vary.|US|USD YEAR 100000..125000
      Annual Salary Range\\n$164,200—$241,700 USD\\nBenefits follow.                                         |US|USD YEAR 164200..241700
      Compensation Range: $50 - 60 per hour                                                                  |US|USD HOUR 50..60
      Salary:  $130,000.00 USD Annually - $150,000.00 USD Annually                                            |US|USD YEAR 130000..150000
      Minimum salary of $120,369 to maximum salary of $174,797 + equity + benefits.                          |US|USD YEAR 120369..174797
      ranges from a minimum of $29,600.00 to a maximum of $67,500.00 per year.                               |US|USD YEAR 29600..67500
      We offer a 401(k) match of up to $5,000. The salary range is $90,000 - $110,000.                        |US|USD YEAR 90000..110000
      manages $13-17M per year in research expenditures, and manages 100+ research proposals per year.       |US|none
      Wellness Programs to help you achieve your wellbeing goals, including up to $1,600 a year               |US|none
      Certification reimbursement of up to $2,000 per year is available.                                     |US|none
      The company closed $1M in revenue this year.                                                           |US|none
      CTC: ₹12,00,000 - ₹15,00,000 per annum                                                                 |IN|INR YEAR 1200000..1500000
      Salary: £45,000 - £55,000 per annum plus benefits                                                       |GB|GBP YEAR 45000..55000
      No numbers here at all.                                                                                |US|none
      Free subscription to Tinder Gold\\n$135,000 - $155,000 a year\\nFactors such as the scope                 |US|USD YEAR 135000..155000
      let us know at accommodations-ext@fb.com.\\n$114,000/year to $171,000/year + bonus + equity + benefits    |US|USD YEAR 114000..171000
      The base compensation range for this position, not including the company bonus, is: $128,000 - $174,000|US|USD YEAR 128000..174000
      Free subscription to Tinder Gold\\n$3,000 stipend for your professional development\\nMore perks         |US|none
      Signing bonus: $10,000 - $15,000\\nRelocation assistance                                               |US|none
      """)
  void findsThePayStatement(String description, String country, String expected) {
    Optional<DescriptionPay.Found> got = finder.find(description.strip().replace("\\n", "\n"), country);
    assertThat(got.map(f -> f.salary().currency() + " " + f.salary().period() + " "
        + plain(f.salary().min()) + ".." + plain(f.salary().max())).orElse("none")).isEqualTo(expected);
    got.ifPresent(f -> assertThat(description).contains(f.sentence().lines().findFirst().orElseThrow().strip()));
  }

  @org.junit.jupiter.api.Test
  void aHostileDescriptionIsReadInBoundedWork() {
    String hostile = "$1 ".repeat(16_000) + "salary range $90,000 - $110,000";
    // only the first candidates are read: the pay statement after 16,000 bare amounts is not reached
    assertThat(finder.find(hostile, "US")).isEmpty();
    assertThat(finder.find("salary range $90,000 - $110,000 " + "$1 ".repeat(16_000), "US")).isPresent();
  }

  private static String plain(java.math.BigDecimal v) {
    return v == null ? "-" : v.stripTrailingZeros().toPlainString();
  }
}
